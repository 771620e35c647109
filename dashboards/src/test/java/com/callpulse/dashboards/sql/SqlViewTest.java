package com.callpulse.dashboards.sql;

import com.callpulse.dashboards.access.AccessControl;
import com.callpulse.dashboards.testing.Browser;
import com.callpulse.dashboards.testing.SampleLake;
import com.callpulse.dashboards.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The console over HTTP and in a real browser, on the sample lake, as the test server's three users. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlViewTest {
    static final ObjectMapper JSON = new ObjectMapper();
    TestServer server;
    Path lake;

    @BeforeAll
    void start() throws Exception {
        lake = SampleLake.get();
        server = TestServer.start(lake, null);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    HttpResponse<String> post(String path, String authorization, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return server.http().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> sql(String user, String query, String sql) throws Exception {
        return post("/api/sql" + query, user == null ? null : TestServer.basic(user), "application/json", JSON.writeValueAsString(Map.of("sql", sql)));
    }

    static List<String> firstColumn(JsonNode answer) {
        List<String> v = new ArrayList<>();
        answer.path("rows").forEach(r -> v.add(r.get(0).asText()));
        return v;
    }

    @Test
    void aQueryAnswersColumnsRowsCountAndTime() throws Exception {
        HttpResponse<String> r = sql("ops", "", "SELECT tenant, count(*) AS intervals, sum(offered) AS offered FROM queue_intervals GROUP BY ALL ORDER BY 1");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode a = JSON.readTree(r.body());
        System.out.println("POST /api/sql as ops: " + r.body());
        assertThat(a.path("columns")).hasToString("[\"tenant\",\"intervals\",\"offered\"]");
        assertThat(firstColumn(a)).containsExactly("cmcc-ah", "mvno-lx", "roam-eu");
        assertThat(a.path("row_count").asInt()).isEqualTo(3);
        assertThat(a.path("truncated").asBoolean()).isFalse();
        assertThat(a.path("elapsed_ms").isNumber()).isTrue();
        assertThat(a.path("rows").get(0).get(1).isNumber()).isTrue();
    }

    @Test
    void aTenantUserSeesOnlyTheirTenantWhateverTheQueryOrUrlSays() throws Exception {
        JsonNode ah = JSON.readTree(sql("ah", "", "SELECT DISTINCT tenant_id FROM contact_records").body());
        assertThat(firstColumn(ah)).containsExactly("cmcc-ah");
        JsonNode lx = JSON.readTree(post("/api/sql", "Bearer " + TestServer.LX_TOKEN, "application/json",
                "{\"sql\": \"SELECT DISTINCT tenant FROM queue_intervals\"}").body());
        assertThat(firstColumn(lx)).containsExactly("mvno-lx");
        assertThat(sql("ah", "?tenant=mvno-lx", "SELECT 1").statusCode()).isEqualTo(403);
        assertThat(server.getText("/api/catalog?tenant=mvno-lx", "ah").statusCode()).isEqualTo(403);
        assertThat(server.getText("/sql?tenant=mvno-lx", "ah").statusCode()).isEqualTo(403);
        HttpResponse<String> sneaky = sql("ah", "", "SELECT count(*) FROM read_parquet('" + lake + "/contact_records/tenant=mvno-lx/*/*.parquet')");
        assertThat(sneaky.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(sneaky.body()).path("error").asText()).startsWith("refused: only your partitions of the lake can be read");
        // the operator narrows to one tenant with ?tenant=
        assertThat(firstColumn(JSON.readTree(sql("ops", "?tenant=roam-eu", "SELECT DISTINCT tenant FROM queue_intervals").body())))
                .containsExactly("roam-eu");
        assertThat(sql("ops", "?tenant=nobody", "SELECT 1").statusCode()).isEqualTo(404);
    }

    @Test
    void refusalsAndMistakesAnswerWithAnError() throws Exception {
        HttpResponse<String> copy = sql("ah", "", "COPY (SELECT 1) TO '/tmp/x.csv'");
        assertThat(copy.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(copy.body()).path("error").asText()).startsWith("refused: COPY statements may not run here");
        assertThat(JSON.readTree(sql("ah", "", "SELECT nope FROM queue_intervals").body()).path("error").asText())
                .contains("Referenced column \"nope\" not found");
        assertThat(post("/api/sql", TestServer.basic("ah"), "text/plain", "{\"sql\": \"SELECT 1\"}").statusCode()).isEqualTo(415);
        assertThat(post("/api/sql", TestServer.basic("ah"), "application/json", "not json").statusCode()).isEqualTo(400);
        assertThat(post("/api/sql", TestServer.basic("ah"), "application/json", "{\"query\": 1}").statusCode()).isEqualTo(400);
        assertThat(server.getText("/api/sql", "ah").statusCode()).isEqualTo(405);
    }

    @Test
    void withoutCredentialsTheApiSays401AndThePageSendsToSignIn() throws Exception {
        assertThat(sql(null, "", "SELECT 1").statusCode()).isEqualTo(401);
        assertThat(post("/api/sql", "Bearer not-a-token", "application/json", "{\"sql\": \"SELECT 1\"}").statusCode()).isEqualTo(401);
        assertThat(server.getText("/api/catalog", null).statusCode()).isEqualTo(401);
        HttpResponse<String> page = server.getText("/sql", null);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/login?next=%2Fsql");
    }

    @Test
    void theCatalogListsTablesColumnsDescriptionsAndReferenceQueries() throws Exception {
        HttpResponse<String> r = server.getText("/api/catalog", "lx");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode c = JSON.readTree(r.body());
        assertThat(c.path("scope").asText()).isEqualTo("mvno-lx");
        JsonNode queue = null;
        for (JsonNode t : c.path("tables")) {
            if (t.path("name").asText().equals("queue_intervals")) {
                queue = t;
            }
        }
        assertThat(queue).isNotNull();
        assertThat(queue.path("description").asText()).startsWith("What each queue did");
        JsonNode offered = null;
        for (JsonNode col : queue.path("columns")) {
            if (col.path("name").asText().equals("service_level")) {
                offered = col;
            }
        }
        assertThat(offered.path("type").asText()).isEqualTo("DOUBLE");
        assertThat(offered.path("description").asText()).isEqualTo("Service level by the queue's variant, 0..1; absent when nothing counts.");
        assertThat(c.path("reference_queries").size()).isEqualTo(ReferenceQueries.ALL.size());
        assertThat(c.path("reference_queries").get(0).path("sql").asText()).contains("FROM queue_intervals");
        String page = server.getText("/sql", "lx").body();
        assertThat(page).contains("<textarea id=\"sql\"", "Reference queries", "<code>queue_intervals</code>", "Service level by the queue&#39;s variant",
                "<script src=\"/static/sql.js\" defer></script>", "tenant mvno-lx").doesNotContain("<select id=\"tenant\">");
        assertThat(server.getText("/sql", "ops").body()).contains("<select id=\"tenant\"><option value=\"\">every tenant</option><option value=\"cmcc-ah\">");
        assertThat(server.getText("/", "lx").body()).contains("<a href=\"/sql\">SQL</a>");
        assertThat(server.getText("/static/sql.js", null).statusCode()).isEqualTo(200);
        assertThat(server.getText("/static/sql.css", null).statusCode()).isEqualTo(200);
    }

    @Test
    void inABrowserTheConsoleRunsAQueryAndShowsTheRows() throws Exception {
        Browser.requireInstalled();
        try (Browser b = Browser.start()) {
            b.open(server.url("/login"));
            b.cookie(AccessControl.SESSION_COOKIE, server.signIn("ah"));
            b.open(server.url("/sql"));
            b.script("document.getElementById('sql').value = arguments[0]; document.getElementById('run').click(); return true;",
                    "SELECT tenant, queue_id, sum(offered) AS offered, sum(answered) AS answered\nFROM queue_intervals GROUP BY ALL ORDER BY offered DESC");
            JsonNode rows = b.waitFor("return Array.from(document.querySelectorAll('#sql-rows tbody tr')).map(r => Array.from(r.cells).map(c => c.textContent));",
                    v -> v.size() > 0, Duration.ofSeconds(60));
            String summary = b.text("#sql-summary");
            assertThat(rows.size()).as("rows; the page says '" + summary + "', error '" + b.text("#sql-error") + "'").isGreaterThan(1);
            System.out.println("browser: " + rows.size() + " rows; summary '" + summary + "'; first " + rows.get(0));
            assertThat(rows.size()).isGreaterThan(1);
            rows.forEach(r -> assertThat(r.get(0).asText()).isEqualTo("cmcc-ah"));
            assertThat(summary).matches(rows.size() + " rows in \\d+ ms");
            b.screenshot(Path.of("target", "screenshots", "sql.png"));
            // a reference query loads with a click and runs; a refused statement shows its message
            b.script("document.querySelectorAll('button.ref')[6].click(); return true;");
            JsonNode header = b.waitFor("return Array.from(document.querySelectorAll('#sql-rows thead th')).map(c => c.textContent);",
                    v -> v.size() > 0 && v.get(0).asText().equals("tenant_id") && v.toString().contains("suggestion"), Duration.ofSeconds(30));
            assertThat(header.toString()).contains("suggestion");
            assertThat(b.script("return document.getElementById('sql').value;").asText()).isEqualTo(ReferenceQueries.ALL.get(6).sql());
            b.script("document.getElementById('sql').value = 'DROP VIEW queue_intervals'; document.getElementById('run').click(); return true;");
            JsonNode error = b.waitFor("const e = document.getElementById('sql-error'); return e.hidden ? '' : e.textContent;",
                    v -> !v.asText().isEmpty(), Duration.ofSeconds(30));
            assertThat(error.asText()).startsWith("refused: DROP statements may not run here");
        }
    }
}
