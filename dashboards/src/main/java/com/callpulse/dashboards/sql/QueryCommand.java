package com.callpulse.dashboards.sql;

import com.callpulse.dashboards.config.DashboardsConfig;
import com.callpulse.dashboards.lake.TextTable;
import com.callpulse.dashboards.server.Options;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code ./callpulse query "SQL" --lake DIR}: one read-only statement over the lake, under the same guard as the
 * console (the same {@link SqlEngine}); every tenant, or one with {@code --tenant}. Exit 0 with the rows on stdout,
 * 1 when the statement is refused or fails (the reason on stderr), 2 on a usage mistake.
 */
public final class QueryCommand {
    static final String USAGE = String.join("\n",
            "usage: ./callpulse query \"SQL\" --lake DIR [--tenant T] [--format table|csv] [--config FILE] [--max-rows N]",
            "  runs one read-only statement (SELECT ...) over the lake's tables, as the SQL console does",
            "  --lake DIR        the Parquet lake",
            "  --tenant T        only that tenant's partitions (default: every tenant)",
            "  --format F        table (default, aligned for the terminal) or csv (RFC 4180, with a header row)",
            "  --config FILE     CallPulse's configuration (tenants; dashboards.sql: timeout, max_rows, memory_limit)",
            "  --max-rows N      rows at most (default dashboards.sql.max_rows); the rest is cut and stderr says so");

    private QueryCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Options o = Options.parse(args, Set.of("lake", "tenant", "format", "config", "max-rows"), Set.of("help"));
        if (o.has("help")) {
            out.println(USAGE);
            return 0;
        }
        if (o.positional().size() != 1) {
            err.println("error: give exactly one statement, quoted (" + o.positional().size() + " given)");
            err.println(USAGE);
            return 2;
        }
        String format = o.get("format", "table");
        if (!format.equals("table") && !format.equals("csv")) {
            err.println("error: --format is table or csv, not " + format);
            return 2;
        }
        Path lake = Path.of(o.require("lake"));
        DashboardsConfig config = DashboardsConfig.load(o.has("config") ? Path.of(o.get("config")) : null);
        SqlEngine.Limits limits = SqlEngine.Limits.of(config.section("sql"));
        if (o.has("max-rows")) {
            int n;
            try {
                n = Integer.parseInt(o.get("max-rows"));
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1) {
                err.println("error: --max-rows needs a positive whole number, not " + o.get("max-rows"));
                return 2;
            }
            limits = limits.withMaxRows(n);
        }
        SqlEngine.Scope scope = SqlEngine.Scope.ALL;
        if (o.has("tenant")) {
            if (config.tenant(o.get("tenant")) == null) {
                err.println("error: no tenant " + o.get("tenant") + " in the configuration");
                return 2;
            }
            scope = SqlEngine.Scope.of(o.get("tenant"));
        }
        try (SqlEngine engine = new SqlEngine(lake, limits)) {
            SqlEngine.Result r = engine.run(scope, o.positional().get(0));
            out.print(format.equals("csv") ? csv(r) : TextTable.render(r.columns(), r.numeric(), r.rows()));
            out.flush();
            err.println("(" + r.rows().size() + (r.rows().size() == 1 ? " row" : " rows") + ", " + r.elapsedMs() + " ms"
                    + (r.truncated() ? "; cut at " + limits.maxRows() + " rows: there are more (--max-rows, dashboards.sql.max_rows)" : "") + ")");
            return 0;
        } catch (SqlEngine.QueryException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled; null is empty. */
    static String csv(SqlEngine.Result r) {
        StringBuilder b = new StringBuilder();
        csvLine(b, List.copyOf(r.columns()));
        for (List<Object> row : r.rows()) {
            csvLine(b, row);
        }
        return b.toString();
    }

    private static void csvLine(StringBuilder b, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            String s = v == null ? "" : v.toString();
            if (i > 0) {
                b.append(',');
            }
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                b.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                b.append(s);
            }
        }
        b.append("\r\n");
    }
}
