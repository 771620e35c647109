package com.callpulse.dashboards.sql;

import com.callpulse.dashboards.server.HttpError;
import com.callpulse.dashboards.server.Pages;
import com.callpulse.dashboards.server.Request;
import com.callpulse.dashboards.server.View;
import com.callpulse.dashboards.server.WebServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysts' SQL console: {@code /sql} (editor, result, catalog, reference queries), {@code POST /api/sql} and
 * {@code GET /api/catalog}. Every statement runs in the principal's scope ({@link Request#tenant}): a tenant's user
 * reads that tenant's partitions only, an operator every tenant's or the one named by {@code ?tenant=}.
 */
public final class SqlView implements View {
    private static final Logger LOG = LoggerFactory.getLogger(SqlView.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqlEngine engine;
    private final List<String> tenants;

    private SqlView(SqlEngine engine, List<String> tenants) {
        this.engine = engine;
        this.tenants = tenants;
    }

    public static SqlView create(View.Context context) {
        SqlEngine.Limits limits = SqlEngine.Limits.of(context.config().section("sql"));
        return new SqlView(new SqlEngine(context.lake(), limits), context.config().tenants().stream().map(t -> t.id()).toList());
    }

    public SqlEngine engine() {
        return engine;
    }

    @Override
    public void register(WebServer server) {
        server.page("/sql", this::page);
        server.api("/api/sql", this::query);
        server.api("/api/catalog", this::catalog);
        server.nav("SQL", "/sql", "query the lake with SQL: the tables you may see, what their columns mean, reference queries");
    }

    /** The principal's scope: an operator without {@code ?tenant=} reads every tenant. */
    static SqlEngine.Scope scope(Request r) {
        if (r.principal().operator() && r.param("tenant") == null) {
            return SqlEngine.Scope.ALL;
        }
        return SqlEngine.Scope.of(r.tenant(null));
    }

    private void query(Request r) throws IOException {
        if (!"POST".equals(r.method())) {
            r.exchange().getResponseHeaders().set("Allow", "POST");
            throw new HttpError(405, "POST a JSON body {\"sql\": \"SELECT ...\"}");
        }
        String type = r.header("Content-Type");
        // a JSON body cannot come from another site's form without the browser asking first
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new HttpError(415, "send Content-Type: application/json with {\"sql\": \"SELECT ...\"}");
        }
        SqlEngine.Scope scope = scope(r);
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (IOException e) {
            throw new HttpError(400, "the body is not JSON: {\"sql\": \"SELECT ...\"}");
        }
        JsonNode sql = body == null ? null : body.get("sql");
        if (sql == null || !sql.isTextual()) {
            throw new HttpError(400, "say which statement: {\"sql\": \"SELECT ...\"}");
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("sql by {} over {}: {}", r.principal().name(), scope, sql.asText().replaceAll("\\s+", " "));
        }
        try {
            SqlEngine.Result result = engine.run(scope, sql.asText());
            LOG.info("sql by {} over {}: {} rows{} in {} ms", r.principal().name(), scope, result.rows().size(),
                    result.truncated() ? " (cut)" : "", result.elapsedMs());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("columns", result.columns());
            answer.put("types", result.types());
            answer.put("rows", result.rows());
            answer.put("row_count", result.rows().size());
            answer.put("truncated", result.truncated());
            answer.put("max_rows", engine.limits().maxRows());
            answer.put("elapsed_ms", result.elapsedMs());
            r.json(200, answer);
        } catch (SqlEngine.QueryException e) {
            LOG.info("sql by {} over {} refused or failed: {}", r.principal().name(), scope, e.getMessage().split("\n", 2)[0]);
            r.json(400, Map.of("error", e.getMessage()));
        }
    }

    private void catalog(Request r) throws IOException {
        SqlEngine.Scope scope = scope(r);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("scope", scope.all() ? "*" : scope.tenant());
        answer.put("tables", tables(scope));
        answer.put("reference_queries", ReferenceQueries.ALL);
        r.json(200, answer);
    }

    private List<Catalog.Table> tables(SqlEngine.Scope scope) {
        try {
            return engine.catalog(scope).tables();
        } catch (SqlEngine.QueryException e) {
            throw new HttpError(503, e.getMessage());
        }
    }

    private void page(Request r) throws IOException {
        SqlEngine.Scope scope = scope(r);
        List<Catalog.Table> tables = tables(scope);
        StringBuilder b = new StringBuilder("<div class=\"sql-page\"><section class=\"sql-console\">");
        b.append("<form id=\"sql-form\"><textarea id=\"sql\" name=\"sql\" rows=\"12\" spellcheck=\"false\" aria-label=\"SQL\">")
                .append(Pages.escape(ReferenceQueries.ALL.get(0).sql())).append("</textarea><div class=\"sql-bar\">");
        if (r.principal().operator()) {
            b.append("<label>Tenant <select id=\"tenant\"><option value=\"\">every tenant</option>");
            for (String t : tenants) {
                b.append("<option value=\"").append(Pages.escape(t)).append("\"").append(t.equals(scope.tenant()) ? " selected" : "").append(">")
                        .append(Pages.escape(t)).append("</option>");
            }
            b.append("</select></label>");
        } else {
            b.append("<span class=\"scope\">tenant ").append(Pages.escape(r.principal().tenant())).append("</span>");
        }
        b.append("<button id=\"run\" type=\"submit\">Run</button> <span class=\"hint\">Ctrl+Enter runs; one read-only SELECT, at most ")
                .append(engine.limits().maxRows()).append(" rows, ").append(SqlEngine.human(engine.limits().timeout())).append("</span>")
                .append("</div></form><p id=\"sql-error\" class=\"error\" hidden></p><p id=\"sql-summary\" class=\"summary\"></p>")
                .append("<div id=\"sql-result\" class=\"sql-result\"></div></section><aside class=\"sql-side\">");
        b.append("<h2>Reference queries</h2><ul class=\"sql-reference\">");
        for (ReferenceQueries.Query q : ReferenceQueries.ALL) {
            b.append("<li><button type=\"button\" class=\"ref\" data-sql=\"").append(Pages.escape(q.sql())).append("\">")
                    .append(Pages.escape(q.title())).append("</button> <code>").append(Pages.escape(q.table())).append("</code></li>");
        }
        b.append("</ul><h2>Tables</h2>");
        if (tables.isEmpty()) {
            b.append("<p>The lake has no tables yet.</p>");
        }
        for (Catalog.Table t : tables) {
            b.append("<details class=\"sql-table\"><summary><code>").append(Pages.escape(t.name())).append("</code></summary>");
            if (!t.description().isEmpty()) {
                b.append("<p>").append(Pages.escape(t.description())).append("</p>");
            }
            b.append("<table><thead><tr><th>column</th><th>type</th><th>meaning</th></tr></thead><tbody>");
            for (Catalog.Column c : t.columns()) {
                b.append("<tr><td><code>").append(Pages.escape(c.name())).append("</code></td><td>").append(Pages.escape(c.type()))
                        .append("</td><td>").append(Pages.escape(c.description())).append("</td></tr>");
            }
            b.append("</tbody></table></details>");
        }
        b.append("</aside></div>");
        r.html(200, Pages.page("SQL over the lake", b.toString(),
                "<link rel=\"stylesheet\" href=\"/static/sql.css\">", "<script src=\"/static/sql.js\" defer></script>"));
    }

    @Override
    public void close() {
        engine.close();
    }
}
