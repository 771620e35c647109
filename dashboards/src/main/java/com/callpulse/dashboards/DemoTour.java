package com.callpulse.dashboards;

import com.callpulse.dashboards.lake.LakeCatalog;
import com.callpulse.dashboards.lake.TextTable;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * The end of {@code ./callpulse demo}: where the lake is, what it holds, and a first query, shown with its result
 * and in a form to paste into the stock DuckDB CLI.
 */
public final class DemoTour {
    private DemoTour() {}

    public static void main(String[] args) throws Exception {
        if (!(args.length == 2 || args.length == 4) || !args[0].equals("--lake") || (args.length == 4 && !args[2].equals("--expect"))) {
            System.err.println("usage: DemoTour --lake DIR [--expect MANIFEST]");
            System.exit(2);
        }
        Path lake = Path.of(args[1]).toAbsolutePath().normalize();
        if (args.length == 4 && !RunCheck.matches(lake, Path.of(args[3]), System.out)) {
            System.exit(1);
        }
        try (LakeCatalog catalog = LakeCatalog.open(lake); Statement st = catalog.connection().createStatement()) {
            System.out.println("The lake: " + lake);
            StringBuilder union = new StringBuilder();
            for (String t : catalog.tables()) {
                union.append(union.length() == 0 ? "" : " UNION ALL ")
                        .append("SELECT '").append(t).append("' AS \"table\", tenant, count(*) AS \"rows\", count(DISTINCT date) AS days FROM ")
                        .append(t).append(" GROUP BY tenant");
            }
            try (ResultSet rs = st.executeQuery(union + " ORDER BY 1, 2")) {
                System.out.println(TextTable.render(rs, 100));
            }

            String sql = String.format(Locale.ROOT, String.join("\n",
                    "SELECT tenant, channel,",
                    "       count(*) AS contacts,",
                    "       count(*) FILTER (WHERE outcome = 'handled') AS handled,",
                    "       count(*) FILTER (WHERE outcome = 'abandoned') AS abandoned,",
                    "       round(avg(queue_wait_seconds) FILTER (WHERE outcome = 'handled'), 1) AS avg_wait_s,",
                    "       round(avg(talk_seconds + coalesce(hold_seconds, 0) + coalesce(acw_seconds, 0)) FILTER (WHERE outcome = 'handled')) AS avg_handle_s",
                    "FROM %s",
                    "WHERE leg = 1",
                    "GROUP BY ALL",
                    "ORDER BY tenant, contacts DESC;"), LakeCatalog.readExpression(lake, "contact_records"));
            System.out.println("Contacts by tenant and channel (leg 1 of each contact):");
            try (ResultSet rs = st.executeQuery(sql.replace(LakeCatalog.readExpression(lake, "contact_records"), "contact_records").replace(";", ""))) {
                System.out.println(TextTable.render(rs, 40));
            }
            System.out.println("The same query, to paste into the DuckDB CLI (https://duckdb.org); any Parquet reader can read these files:");
            System.out.println();
            System.out.println(sql);
            if (catalog.tables().contains("queue_intervals")) {
                queues(st, lake);
            }
        }
    }

    /** The day per queue from the metric table (latest version of each interval; ratios from summed counters). */
    private static void queues(Statement st, Path lake) throws Exception {
        String sql = String.join("\n",
                "SELECT tenant, date, queue_id, sum(offered) AS offered, sum(answered) AS answered, sum(abandoned) AS abandoned,",
                "       round(100.0 * sum(answered_within) / sum(offered), 1) AS sl_pct,",
                "       round(sum(answered_wait_seconds) / nullif(sum(answered), 0), 1) AS asa_s,",
                "       round(100.0 * sum(abandoned) / sum(offered), 1) AS abandon_pct,",
                "       round((sum(talk_seconds) + sum(hold_seconds) + sum(acw_seconds)) / nullif(sum(answered), 0)) AS aht_s",
                "FROM (SELECT * FROM queue_intervals",
                "      QUALIFY row_number() OVER (PARTITION BY tenant_id, queue_id, channel, interval_start ORDER BY version DESC) = 1)",
                "GROUP BY ALL",
                "ORDER BY tenant, date, offered DESC");
        System.out.println();
        System.out.println("Queues over the day, from the metric table queue_intervals (service level here: answered within T / offered;");
        System.out.println("each queue's own variant and T are in its rows, docs/metrics.md defines them all):");
        try (ResultSet rs = st.executeQuery(sql)) {
            System.out.println(TextTable.render(rs, 40));
        }
    }
}
