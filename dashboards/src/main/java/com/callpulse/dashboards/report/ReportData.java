package com.callpulse.dashboards.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numbers of one tenant's daily report, read from the lake's tables (docs/metrics.md) with DuckDB: the highest
 * {@code version} of each row, summed counters, ratios derived from the sums. Every query reads only the partition
 * directories it needs ({@code <table>/tenant=T/date=D/}), so a report costs the same over a day or a year of lake.
 *
 * @param days   the counters of every day of the trend window (oldest first), {@link DayTotals#EMPTY} where the lake
 *               has nothing
 * @param hourly contacts per local hour (0..23) of the report day and of the same weekday a week before
 */
public record ReportData(String tenant, String tenantName, ZoneId zone, LocalDate date, Map<LocalDate, DayTotals> days,
        long[] hourly, long[] hourlyLastWeek, List<Topic> topics, List<TopicAlert> alerts, Map<String, Long> demandByCategory,
        Map<String, Long> newBusiness, Map<String, Long> selfServiceOutcomes, Map<String, Offers> marketing) {

    /** Outcomes of self_service_outcomes in the order the report shows them; undecided rows have no outcome yet. */
    public static final List<String> OUTCOMES = List.of("succeeded", "used_then_called_back", "called_back_without_use", "not_used", "undecided");

    /** A day's additive counters from the interval tables; every ratio below is computed from them. */
    public record DayTotals(long contacts, long offered, long answered, double slNumerator, double slDenominator, long answeredWait,
            long abandoned, long handleSeconds, long csatResponses, long csatSatisfied, long npsResponses, long promoters,
            long detractors, long complaintsOpened, long complaintsResolved, long resolvedOnTime, long escalations, long breached,
            long handledLegs, long selfServiceRecommended, long offers, long offersAccepted) {
        public static final DayTotals EMPTY = new DayTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** Service level by each queue's own variant (its numerator and denominator summed over queues). */
        public Double serviceLevel() {
            return ratio(slNumerator, slDenominator);
        }

        /** ASA: answered_wait_seconds / answered. */
        public Double asaSeconds() {
            return ratio(answeredWait, answered);
        }

        public Double abandonmentRate() {
            return ratio(abandoned, offered);
        }

        /** AHT: (talk + hold + ACW) / answered. */
        public Double ahtSeconds() {
            return ratio(handleSeconds, answered);
        }

        public Double csat() {
            return ratio(csatSatisfied, csatResponses);
        }

        public Double nps() {
            return npsResponses == 0 ? null : 100.0 * (promoters - detractors) / npsResponses;
        }

        public Double onTimeRate() {
            return ratio(resolvedOnTime, complaintsResolved);
        }

        public Double selfServiceRecommendationRate() {
            return ratio(selfServiceRecommended, handledLegs);
        }

        public Double conversion() {
            return ratio(offersAccepted, offers);
        }
    }

    /** A hot topic of the day: contacts, expected contacts (sum of topic_minutes.expected), minutes at growth rank 1. */
    public record Topic(String topic, long contacts, double expected, long minutesOnTop, Double maxGrowth) {}

    public record TopicAlert(String topic, String kind, String startedLocal, Integer durationMinutes, long observed15, double expected15,
            Long observedTotal, Double expectedTotal, String suggestion) {}

    public record Offers(long offers, long accepted) {
        public Double conversion() {
            return ratio(accepted, offers);
        }
    }

    public DayTotals day(LocalDate d) {
        return days.getOrDefault(d, DayTotals.EMPTY);
    }

    public DayTotals today() {
        return day(date);
    }

    static Double ratio(double num, double den) {
        return den == 0 ? null : num / den;
    }

    /** The tables' row keys: a row is identified by them and its highest version is the row (docs/metrics.md). */
    static final Map<String, String> KEYS = Map.of(
            "queue_intervals", "tenant_id, queue_id, channel, interval_start",
            "demand_intervals", "tenant_id, demand_category, topic, new_business_item, channel, region, customer_segment, interval_start",
            "agent_intervals", "tenant_id, agent_id, team_id, site_id, remote_seat, interval_start",
            "satisfaction_intervals", "tenant_id, agent_id, queue_id, topic, channel, interval_start",
            "marketing_intervals", "tenant_id, agent_id, team_id, queue_id, offer_product, offer_flow_type, interval_start",
            "complaint_intervals", "tenant_id, category, level, interval_start",
            "topic_minutes", "tenant_id, topic, minute_start",
            "topic_alerts", "tenant_id, alert_id");

    /** Reads the report of {@code tenant} for business day {@code date}, with a trend window of {@code trendDays} days. */
    public static ReportData load(Connection db, Path lake, String tenant, String tenantName, ZoneId zone, LocalDate date,
            int trendDays, int topTopics) throws SQLException {
        Reader r = new Reader(db, lake, tenant);
        LocalDate first = date.minusDays(trendDays - 1L);
        List<LocalDate> window = first.datesUntil(date.plusDays(1)).toList();
        LocalDate lastWeek = date.minusDays(7);
        Map<LocalDate, long[]> counters = new TreeMap<>();
        for (LocalDate d : window) {
            counters.put(d, new long[22]);
        }
        Map<LocalDate, double[]> sl = new TreeMap<>();
        long[] hourly = new long[24];
        long[] hourlyLastWeek = new long[24];
        String z = sqlString(zone.getId());

        // contacts: every contact once, by its first leg (demand_intervals.contacts), per local hour of interval_start
        r.each("demand_intervals", window, "SELECT date, hour(timezone(" + z + ", interval_start)) AS h, sum(contacts) FROM %s GROUP BY ALL", row -> {
            LocalDate d = row.getObject(1, LocalDate.class);
            long n = row.getLong(3);
            add(counters, d, 0, n);
            if (d.equals(date)) {
                hourly[row.getInt(2)] += n;
            } else if (d.equals(lastWeek)) {
                hourlyLastWeek[row.getInt(2)] += n;
            }
        });
        // service level by each row's sl_variant (docs/metrics.md, queue_intervals): numerator and denominator per row
        r.each("queue_intervals", window, "SELECT date, sum(offered), sum(answered), "
                + "sum(CASE sl_variant WHEN 'answered_or_abandoned_within' THEN answered_within + abandoned_within ELSE answered_within END), "
                + "sum(CASE sl_variant WHEN 'abandons_within_ignored' THEN offered - abandoned_within "
                + "WHEN 'short_abandons_ignored' THEN offered - short_abandoned ELSE offered END), "
                + "sum(answered_wait_seconds), sum(abandoned), sum(talk_seconds + hold_seconds + acw_seconds) FROM %s GROUP BY ALL", row -> {
            LocalDate d = row.getObject(1, LocalDate.class);
            add(counters, d, 1, row.getLong(2));
            add(counters, d, 2, row.getLong(3));
            sl.put(d, new double[] {row.getDouble(4), row.getDouble(5)});
            add(counters, d, 3, row.getLong(6));
            add(counters, d, 4, row.getLong(7));
            add(counters, d, 5, row.getLong(8));
        });
        r.each("satisfaction_intervals", window, "SELECT date, sum(csat_responses), sum(csat_satisfied), sum(nps_responses), "
                + "sum(promoters), sum(detractors) FROM %s GROUP BY ALL", row -> {
            LocalDate d = row.getObject(1, LocalDate.class);
            for (int i = 0; i < 5; i++) {
                add(counters, d, 6 + i, row.getLong(2 + i));
            }
        });
        r.each("complaint_intervals", window, "SELECT date, sum(opened), sum(resolved), sum(resolved_on_time), sum(escalations), "
                + "sum(breached) FROM %s GROUP BY ALL", row -> {
            LocalDate d = row.getObject(1, LocalDate.class);
            for (int i = 0; i < 5; i++) {
                add(counters, d, 11 + i, row.getLong(2 + i));
            }
        });
        // self-service recommendation rate: agent_intervals.self_service_recommended / handled (the agent family)
        r.each("agent_intervals", window, "SELECT date, sum(handled), sum(self_service_recommended) FROM %s GROUP BY ALL", row -> {
            LocalDate d = row.getObject(1, LocalDate.class);
            add(counters, d, 16, row.getLong(2));
            add(counters, d, 17, row.getLong(3));
        });
        Map<String, Offers> marketing = new TreeMap<>();
        r.each("marketing_intervals", window, "SELECT date, offer_flow_type, sum(offers), sum(accepted) FROM %s GROUP BY ALL", row -> {
            LocalDate d = row.getObject(1, LocalDate.class);
            add(counters, d, 18, row.getLong(3));
            add(counters, d, 19, row.getLong(4));
            if (d.equals(date)) {
                marketing.put(row.getString(2), new Offers(row.getLong(3), row.getLong(4)));
            }
        });

        Map<String, Long> categories = new LinkedHashMap<>();
        Map<String, Long> newBusiness = new LinkedHashMap<>();
        r.each("demand_intervals", List.of(date), "SELECT coalesce(demand_category, 'unknown'), new_business_item, sum(contacts) AS n "
                + "FROM %s GROUP BY ALL ORDER BY n DESC, 1, 2", row -> {
            categories.merge(row.getString(1), row.getLong(3), Long::sum);
            if ("new_business".equals(row.getString(1))) {
                newBusiness.merge(row.getString(2) == null ? "unknown" : row.getString(2), row.getLong(3), Long::sum);
            }
        });
        Map<String, Long> outcomes = new LinkedHashMap<>();
        OUTCOMES.forEach(o -> outcomes.put(o, 0L));
        r.eachRaw("self_service_outcomes", List.of(date), "SELECT coalesce(outcome, 'undecided'), count(*) FROM %s GROUP BY ALL",
                row -> outcomes.merge(row.getString(1), row.getLong(2), Long::sum));
        List<Topic> topics = new ArrayList<>();
        r.each("topic_minutes", List.of(date), "SELECT topic, sum(contacts) AS n, sum(expected), count(*) FILTER (growth_rank = 1) AS top, "
                + "max(growth15) FILTER (z15 IS NOT NULL) FROM %s GROUP BY ALL ORDER BY top DESC, n DESC, topic LIMIT " + topTopics,
                row -> topics.add(new Topic(row.getString(1), row.getLong(2), row.getDouble(3), row.getLong(4), (Double) row.getObject(5))));
        List<TopicAlert> alerts = new ArrayList<>();
        r.each("topic_alerts", List.of(date), "SELECT topic, kind, strftime(timezone(" + z + ", started_at), '%%H:%%M'), duration_minutes, "
                + "observed15, expected15, observed_total, expected_total, suggestion FROM %s ORDER BY started_at, topic",
                row -> alerts.add(new TopicAlert(row.getString(1), row.getString(2), row.getString(3), (Integer) row.getObject(4),
                        row.getLong(5), row.getDouble(6), (Long) row.getObject(7), (Double) row.getObject(8), row.getString(9))));

        Map<LocalDate, DayTotals> days = new LinkedHashMap<>();
        counters.forEach((d, c) -> {
            double[] s = sl.getOrDefault(d, new double[2]);
            days.put(d, new DayTotals(c[0], c[1], c[2], s[0], s[1], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12],
                    c[13], c[14], c[15], c[16], c[17], c[18], c[19]));
        });
        return new ReportData(tenant, tenantName, zone, date, days, hourly, hourlyLastWeek, topics, alerts, byCountDescending(categories),
                byCountDescending(newBusiness), outcomes, marketing);
    }

    /** A category's rows come per sub-item: the merged totals, largest first (then by name). */
    private static Map<String, Long> byCountDescending(Map<String, Long> m) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static void add(Map<LocalDate, long[]> counters, LocalDate d, int i, long n) {
        long[] c = counters.get(d);
        if (c != null) {
            c[i] += n;
        }
    }

    static String sqlString(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    interface RowHandler {
        void row(ResultSet r) throws SQLException;
    }

    /** Reads a table's partitions of one tenant and some dates, as its latest row versions. */
    private record Reader(Connection db, Path lake, String tenant) {
        void each(String table, List<LocalDate> dates, String sql, RowHandler h) throws SQLException {
            String source = source(table, dates);
            if (source != null) {
                query(String.format(sql, "(SELECT * FROM " + source + " QUALIFY row_number() OVER (PARTITION BY "
                        + KEYS.get(table) + " ORDER BY version DESC) = 1)"), h);
            }
        }

        /** For tables without versions (written once). */
        void eachRaw(String table, List<LocalDate> dates, String sql, RowHandler h) throws SQLException {
            String source = source(table, dates);
            if (source != null) {
                query(String.format(sql, source), h);
            }
        }

        private void query(String sql, RowHandler h) throws SQLException {
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    h.row(rs);
                }
            }
        }

        /** read_parquet over the partition directories that exist, or null when none has a file. */
        private String source(String table, List<LocalDate> dates) {
            Path tenantDir = lake.resolve(table).resolve("tenant=" + tenant);
            List<String> globs = new ArrayList<>();
            for (LocalDate d : dates) {
                Path dir = tenantDir.resolve("date=" + d);
                if (hasParquet(dir)) {
                    globs.add(sqlString(dir.toAbsolutePath() + "/*.parquet"));
                }
            }
            return globs.isEmpty() ? null : "read_parquet([" + String.join(", ", globs) + "], hive_partitioning = true, union_by_name = true)";
        }

        private static boolean hasParquet(Path dir) {
            if (!Files.isDirectory(dir)) {
                return false;
            }
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.parquet")) {
                for (Path p : s) {
                    if (!p.getFileName().toString().startsWith(".")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
