package com.callpulse.dashboards.wallboard;

import com.callpulse.dashboards.access.AccessControl;
import com.callpulse.dashboards.config.DashboardsConfig;
import com.callpulse.dashboards.testing.Browser;
import com.callpulse.dashboards.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.callpulse.dashboards.wallboard.LiveMessages.AS_OF;
import static com.callpulse.dashboards.wallboard.WallboardState.Kind.AGENTS;
import static com.callpulse.dashboards.wallboard.WallboardState.Kind.ALERTS;
import static com.callpulse.dashboards.wallboard.WallboardState.Kind.CONTACTS;
import static com.callpulse.dashboards.wallboard.WallboardState.Kind.QUEUE_STATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every wallboard endpoint over HTTP, signed in and not, with the state fed directly (no broker: the feed's own
 * reading of Kafka is {@code WallboardEndToEndTest}'s). A tenant's user never gets another tenant's messages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WallboardViewTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path lake;
    TestServer server;
    WallboardView view;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    void start() throws Exception {
        // small client queues, so that the slow-client test needs few messages
        DashboardsConfig c = TestServer.config();
        ObjectNode d = (ObjectNode) c.dashboards().deepCopy();
        ((ObjectNode) d.path("wallboard")).put("client_queue", 64);
        server = TestServer.start(new DashboardsConfig(c.tenants(), c.kafkaBootstrap(), c.liveTopics(), c.kafkaProperties(), c.bind(), c.port(),
                c.sessionTtl(), c.users(), c.tokens(), d), lake, null);
        view = server.server().views().stream().filter(v -> v instanceof WallboardView).map(v -> (WallboardView) v).findFirst().orElseThrow();
        view.accept(QUEUE_STATE, "cmcc-ah|general", LiveMessages.queueState("cmcc-ah", "general", 4, AS_OF - 31_000, 0.72, 15.35, 0.07, 208));
        view.accept(QUEUE_STATE, "mvno-lx|general", LiveMessages.queueState("mvno-lx", "general", 1, AS_OF - 5_000, 0.9, 8.0, 0.01, 12));
        view.accept(AGENTS, "cmcc-ah|a-1", LiveMessages.agent("cmcc-ah", "a-1", "ready", null, AS_OF, "general"));
        // what the tests that change the state change (each its own, so that the order of the tests does not matter)
        view.accept(QUEUE_STATE, "cmcc-ah|billing", LiveMessages.queueState("cmcc-ah", "billing", 1, AS_OF - 1_000, 0.9, 5.0, 0.0, 10));
        view.accept(QUEUE_STATE, "cmcc-ah|vip", LiveMessages.queueState("cmcc-ah", "vip", 2, AS_OF - 1_000, 0.9, 5.0, 0.0, 10));
        view.accept(AGENTS, "cmcc-ah|a-9", LiveMessages.agent("cmcc-ah", "a-9", "ready", null, AS_OF, "billing"));
        view.accept(ALERTS, "mvno-lx|complaint_escalation:LX1-L2", LiveMessages.escalation("mvno-lx", "LX1", "raised", AS_OF));
        view.accept(CONTACTS, "cmcc-ah|c-1", LiveMessages.exit("cmcc-ah", "c-1", "general", "abandoned", 42, AS_OF));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void anonymousCallersGet401OrTheSignInPage() throws Exception {
        assertThat(server.getText("/api/wallboard", null).statusCode()).isEqualTo(401);
        assertThat(server.getText("/wallboard/events", null).statusCode()).isEqualTo(401);
        assertThat(server.getText("/wallboard", null).statusCode()).isEqualTo(303);
        assertThat(server.getText("/wallboard", null).headers().firstValue("Location")).hasValue("/login?next=%2Fwallboard");
    }

    @Test
    void theSnapshotHoldsOnlyTheTenantsTheCallerSees() throws Exception {
        JsonNode ah = SseClient.JSON.readTree(server.getText("/api/wallboard", "ah").body());
        assertThat(ah.path("tenants").fieldNames()).toIterable().containsExactly("cmcc-ah");
        JsonNode q = ah.path("tenants").path("cmcc-ah").path("queues").get(1);
        assertThat(q.path("queue_id").asText()).isEqualTo("general");
        assertThat(q.path("total").path("waiting").asInt()).isEqualTo(4);
        assertThat(q.path("wallboard_status").path("status").asText()).as("SL 0.72 amber, abandon 0.07 amber on the shipped thresholds").isEqualTo("amber");
        assertThat(ah.path("tenants").path("cmcc-ah").path("abandoned").get(0).path("wait_seconds").asInt()).isEqualTo(42);
        assertThat(ah.path("tenants").path("cmcc-ah").path("agents").get(0).path("agent_id").asText()).isEqualTo("a-1");
        assertThat(ah.toString()).doesNotContain("mvno-lx").doesNotContain("LX1");
        assertThat(ah.path("feed").path("live").asBoolean()).isFalse();

        JsonNode token = SseClient.JSON.readTree(server.http().send(java.net.http.HttpRequest.newBuilder(URI.create(server.url("/api/wallboard")))
                .header("Authorization", "Bearer " + TestServer.LX_TOKEN).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
        assertThat(token.path("tenants").fieldNames()).toIterable().containsExactly("mvno-lx");
        assertThat(token.path("tenants").path("mvno-lx").path("alerts").get(0).path("complaint_id").asText()).isEqualTo("LX1");

        JsonNode ops = SseClient.JSON.readTree(server.getText("/api/wallboard", "ops").body());
        assertThat(ops.path("tenants").fieldNames()).toIterable().containsExactly("cmcc-ah", "mvno-lx", "roam-eu");
        JsonNode opsLx = SseClient.JSON.readTree(server.getText("/api/wallboard?tenant=mvno-lx", "ops").body());
        assertThat(opsLx.path("tenants").fieldNames()).toIterable().containsExactly("mvno-lx");
        assertThat(server.getText("/api/wallboard?tenant=nobody", "ops").statusCode()).isEqualTo(404);
    }

    @Test
    void aTenantUserAskingForAnotherTenantGets403Everywhere() throws Exception {
        for (String path : List.of("/api/wallboard?tenant=mvno-lx", "/wallboard/events?tenant=mvno-lx", "/wallboard?tenant=mvno-lx")) {
            var r = server.getText(path, "ah");
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            assertThat(r.body()).as(path).doesNotContain("LX1");
        }
        assertThat(server.getText("/api/wallboard?tenant=cmcc-ah", "ah").statusCode()).isEqualTo(200);
    }

    @Test
    void thePageLoadsItsScriptAndStyleAndIsLinkedFromTheStartPage() throws Exception {
        var page = server.getText("/wallboard", "ah");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"/static/wallboard.js\" defer></script>").contains("/static/wallboard.css")
                .contains("Wallboard: 10086 hotline, Anhui").doesNotContain("<script>");
        assertThat(page.body()).as("a tenant's user gets no tenant switch").doesNotContain("wb-tenants\"><a");
        assertThat(server.getText("/wallboard", "ops").body()).contains("href=\"/wallboard?tenant=mvno-lx\"");
        assertThat(server.getText("/static/wallboard.js", null).body()).contains("new EventSource('/wallboard/events'").contains("__wallboardApplied");
        assertThat(server.getText("/static/wallboard.css", null).statusCode()).isEqualTo(200);
        assertThat(server.getText("/", "ah").body()).contains("<a href=\"/wallboard\">Wallboard</a>");
    }

    @Test
    void theStreamStartsWithASnapshotThenCarriesOnlyTheCallersTenantsChanges() throws Exception {
        try (SseClient ah = new SseClient(http, server, "/wallboard/events", "ah");
             SseClient ops = new SseClient(http, server, "/wallboard/events", "ops");
             SseClient opsLx = new SseClient(http, server, "/wallboard/events?tenant=mvno-lx", "ops")) {
            SseClient.Event first = ah.next(WAIT);
            assertThat(first.name()).isEqualTo("snapshot");
            assertThat(first.data().path("tenants").fieldNames()).toIterable().containsExactly("cmcc-ah");
            assertThat(ops.next(WAIT).data().path("tenants").size()).isEqualTo(3);
            assertThat(opsLx.next(WAIT).data().path("tenants").fieldNames()).toIterable().containsExactly("mvno-lx");
            awaitClients(4); // the three and, possibly, none other: register happened before the snapshot was sent

            view.accept(QUEUE_STATE, "mvno-lx|general", LiveMessages.queueState("mvno-lx", "general", 7, AS_OF - 9_000, 0.9, 8.0, 0.01, 13));
            view.accept(AGENTS, "cmcc-ah|a-9", LiveMessages.agent("cmcc-ah", "a-9", "logged_out", null, AS_OF + 1000));
            view.accept(QUEUE_STATE, "cmcc-ah|billing", LiveMessages.queueState("cmcc-ah", "billing", 5, AS_OF - 31_000, 0.72, 15.35, 0.07, 209));

            SseClient.Event a1 = ah.next(WAIT);
            assertThat(a1.name()).isEqualTo("message");
            assertThat(a1.data().path("type").asText()).isEqualTo("agent_state");
            assertThat(a1.data().path("state").asText()).isEqualTo("logged_out");
            SseClient.Event a2 = ah.next(WAIT);
            assertThat(a2.data().path("tenant_id").asText()).isEqualTo("cmcc-ah");
            assertThat(a2.data().path("total").path("waiting").asInt()).isEqualTo(5);
            assertThat(ah.next(Duration.ofMillis(300))).as("the mvno-lx change never reaches cmcc-ah's screen").isNull();

            assertThat(List.of(ops.next(WAIT), ops.next(WAIT), ops.next(WAIT))).extracting(e -> e.data().path("tenant_id").asText())
                    .containsExactly("mvno-lx", "cmcc-ah", "cmcc-ah");
            SseClient.Event lx = opsLx.next(WAIT);
            assertThat(lx.data().path("total").path("waiting").asInt()).isEqualTo(7);
            assertThat(opsLx.next(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void aRealBrowserDrawsTheSnapshotAndTheChanges() throws Exception {
        Browser.requireInstalled();
        try (Browser b = Browser.start()) {
            b.open(server.url("/login"));
            b.cookie(AccessControl.SESSION_COOKIE, server.signIn("ah"));
            b.open(server.url("/wallboard"));
            assertThat(b.script("return location.pathname;").asText()).isEqualTo("/wallboard");
            JsonNode waiting = b.waitFor("const c = document.querySelector(\"tr.q[data-queue='vip'] td.big\"); return c ? c.textContent : null;",
                    v -> !v.isNull(), WAIT);
            assertThat(waiting.asText()).isEqualTo("2");
            assertThat(b.script("return document.querySelector(\"tr.q[data-queue='vip']\").className;").asText()).isEqualTo("q rag-row-green");
            view.accept(QUEUE_STATE, "cmcc-ah|vip", LiveMessages.queueState("cmcc-ah", "vip", 9, AS_OF - 31_000, 0.72, 15.35, 0.07, 208));
            assertThat(b.waitFor("return document.querySelector(\"tr.q[data-queue='vip'] td.big\").textContent;", v -> v.asText().equals("9"), WAIT).asText())
                    .isEqualTo("9");
            assertThat(b.script("return document.querySelector(\"tr.q[data-queue='vip']\").className;").asText())
                    .as("9 waiting is amber, the oldest wait (31 s and more, ticking) is not yet amber; SL 72 percent amber").isEqualTo("q rag-row-amber");
            assertThat(b.script("return window.__wallboardApplied.map(a => a.key);").toString()).contains("cmcc-ah|vip").doesNotContain("mvno-lx");
            assertThat(b.text("#wb-abandoned tbody tr")).contains("general").contains("0:42");
        }
    }

    /** One client in scope of an operator's screen: the count includes clients of other tests that are still open. */
    private void awaitClients(int atMost) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (view.clients() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(view.clients()).isBetween(3, atMost);
    }

    @Test
    void aScreenThatStopsReadingIsDroppedAndTheOthersGetEveryChange() throws Exception {
        // a raw socket that asks for the stream and never reads: the server's writes block once the socket buffers are full
        try (Socket stuck = new Socket()) {
            stuck.setReceiveBufferSize(4096);
            stuck.connect(new InetSocketAddress("127.0.0.1", URI.create(server.url("/")).getPort()));
            OutputStream out = stuck.getOutputStream();
            out.write(("GET /wallboard/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + TestServer.basic("lx") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (SseClient reader = new SseClient(http, server, "/wallboard/events", "lx")) {
                assertThat(reader.next(WAIT).name()).isEqualTo("snapshot");
                long before = droppedCount();
                int n = 3000; // ~4 MB of queue states: far beyond the socket buffers and the 64-frame queue
                for (int i = 1; i <= n; i++) {
                    view.accept(QUEUE_STATE, "mvno-lx|q" + (i % 20), LiveMessages.queueState("mvno-lx", "q" + (i % 20), i, AS_OF - 1000, 0.9, 8.0, 0.01, i));
                    if (i % 20 == 0 && i < n) {
                        // the reading screen keeps up: never more than 20 of its 64 places taken (a busy machine must not drop it)
                        int upTo = i;
                        reader.await(e -> e.data().path("total").path("waiting").asInt() == upTo, WAIT);
                    }
                }
                SseClient.Event last = reader.await(e -> e.data().path("total").path("waiting").asInt() == n, WAIT);
                assertThat(last.data().path("queue_id").asText()).isEqualTo("q0");
                assertThat(droppedCount()).as("the stuck screen was dropped").isEqualTo(before + 1);
            }
        }
    }

    private long droppedCount() throws Exception {
        return SseClient.JSON.readTree(server.getText("/api/wallboard", "ops").body()).path("feed").path("dropped").asLong();
    }
}
