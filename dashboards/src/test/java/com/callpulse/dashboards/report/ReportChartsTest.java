package com.callpulse.dashboards.report;

import com.callpulse.dashboards.config.DashboardsConfig;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every chart of the report against the lake: the dataset behind it equals an independent DuckDB query over the
 * whole table (latest versions taken here, business day from the timestamps in the tenant's zone rather than the
 * partition), and its PNG decodes at the chart's size and shows more than a blank plot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportChartsTest {
    static final String TENANT = "cmcc-ah";
    static final String ZONE = "Asia/Shanghai";
    static final LocalDate DAY = MultiDayLake.LAST;

    Path lake;
    Connection db;
    ReportService service;
    ReportService.Rendered report;

    @BeforeAll
    void render() throws Exception {
        lake = MultiDayLake.get();
        db = DriverManager.getConnection("jdbc:duckdb:");
        service = new ReportService(DashboardsConfig.defaults(), lake);
        report = service.render(TENANT, DAY);
        System.out.printf("multi-day report %s %s: lake %d ms, charts %d ms%n", TENANT, DAY, report.queryMillis(), report.renderMillis());
    }

    @AfterAll
    void close() throws Exception {
        service.close();
        db.close();
    }

    /** The table's latest row versions of the tenant (the key as docs/metrics.md gives it). */
    String latest(String table, String key) {
        return "(SELECT * FROM read_parquet('" + lake + "/" + table + "/*/*/*.parquet', hive_partitioning = true, union_by_name = true) "
                + "WHERE tenant_id = '" + TENANT + "' QUALIFY row_number() OVER (PARTITION BY " + key + " ORDER BY version DESC) = 1)";
    }

    static String day(String column) {
        return "CAST(timezone('" + ZONE + "', " + column + ") AS DATE)";
    }

    /** First column (as text) to second column. */
    Map<String, Double> query(String sql) throws Exception {
        Map<String, Double> m = new LinkedHashMap<>();
        try (Statement st = db.createStatement(); ResultSet r = st.executeQuery(sql)) {
            while (r.next()) {
                Object v = r.getObject(2);
                m.put(r.getString(1), v == null ? null : ((Number) v).doubleValue());
            }
        }
        return m;
    }

    /** The series of a chart's dataset as category to value, nulls left out. */
    static Map<String, Double> series(CategoryDataset ds, String series) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Object c : ds.getColumnKeys()) {
            Number v = ds.getValue(series, (Comparable<?>) c);
            if (v != null) {
                m.put(c.toString(), v.doubleValue());
            }
        }
        return m;
    }

    static CategoryDataset dataset(JFreeChart c, int i) {
        return ((CategoryPlot) c.getPlot()).getDataset(i);
    }

    JFreeChart chart(String name) {
        return ReportCharts.chart(name, report.data());
    }

    static void assertSame(Map<String, Double> plotted, Map<String, Double> lake) {
        Map<String, Double> expected = new LinkedHashMap<>();
        lake.forEach((k, v) -> {
            if (v != null) {
                expected.put(k, v);
            }
        });
        assertThat(plotted.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((k, v) -> assertThat(plotted.get(k)).as(k).isCloseTo(v, within(1e-9)));
    }

    static final String DEMAND_KEY = "tenant_id, demand_category, topic, new_business_item, channel, region, customer_segment, interval_start";
    static final String WINDOW = "BETWEEN DATE '" + DAY.minusDays(29) + "' AND DATE '" + DAY + "'";

    @Test
    void volumeIsContactsPerLocalHourOfTheDayAndOfTheSameWeekdayLastWeek() throws Exception {
        CategoryDataset ds = dataset(chart("volume"), 0);
        for (LocalDate d : new LocalDate[] {DAY, DAY.minusDays(7)}) {
            Map<String, Double> lake = query("SELECT lpad(hour(timezone('" + ZONE + "', interval_start))::VARCHAR, 2, '0'), sum(contacts)::DOUBLE "
                    + "FROM " + latest("demand_intervals", DEMAND_KEY) + " WHERE " + day("interval_start") + " = DATE '" + d + "' GROUP BY 1");
            assertThat(lake).as("the multi-day lake has contacts on " + d).isNotEmpty();
            Map<String, Double> plotted = series(ds, ReportCharts.dayLabel(d));
            plotted.values().removeIf(v -> v == 0); // hours without a row are plotted as 0
            assertSame(plotted, lake);
        }
    }

    @Test
    void serviceLevelByTheQueuesVariantAndAsaPerDay() throws Exception {
        String q = latest("queue_intervals", "tenant_id, queue_id, channel, interval_start");
        String where = " WHERE " + day("interval_start") + " " + WINDOW + " GROUP BY 1";
        Map<String, Double> sl = query("SELECT strftime(" + day("interval_start") + ", '%m-%d'), "
                + "sum(CASE WHEN sl_variant = 'answered_within' THEN answered_within WHEN sl_variant = 'answered_or_abandoned_within' "
                + "THEN answered_within + abandoned_within ELSE answered_within END)::DOUBLE / nullif(sum(CASE WHEN sl_variant = 'abandons_within_ignored' "
                + "THEN offered - abandoned_within WHEN sl_variant = 'short_abandons_ignored' THEN offered - short_abandoned ELSE offered END), 0) FROM " + q + where);
        Map<String, Double> asa = query("SELECT strftime(" + day("interval_start") + ", '%m-%d'), sum(answered_wait_seconds)::DOUBLE / nullif(sum(answered), 0) FROM " + q + where);
        assertThat(sl).hasSize(MultiDayLake.DAYS);
        JFreeChart c = chart("service");
        assertSame(series(dataset(c, 0), "Service level"), sl);
        assertSame(series(dataset(c, 1), "ASA (s)"), asa);
    }

    @Test
    void topHotTopicsAreTheTopicMinutesOfTheDay() throws Exception {
        String t = latest("topic_minutes", "tenant_id, topic, minute_start") + " WHERE " + day("minute_start") + " = DATE '" + DAY + "' GROUP BY 1";
        Map<String, Double> contacts = query("SELECT topic, sum(contacts)::DOUBLE FROM " + t);
        Map<String, Double> expected = query("SELECT topic, sum(expected) FROM " + t);
        Map<String, Double> rankOrder = query("SELECT topic, count(*) FILTER (growth_rank = 1) * 1e9 + sum(contacts) AS o FROM " + t + " ORDER BY o DESC, topic LIMIT 8");
        JFreeChart c = chart("topics");
        Map<String, Double> plotted = series(dataset(c, 0), "Contacts");
        assertThat(plotted.keySet()).containsExactlyElementsOf(rankOrder.keySet());
        plotted.forEach((k, v) -> assertThat(v).as(k).isEqualTo(contacts.get(k)));
        series(dataset(c, 0), "Expected").forEach((k, v) -> assertThat(v).as(k).isCloseTo(expected.get(k), within(1e-6)));
    }

    @Test
    void demandByCategoryAndNewBusinessItems() throws Exception {
        String d = latest("demand_intervals", DEMAND_KEY) + " WHERE " + day("interval_start") + " = DATE '" + DAY + "'";
        assertSame(series(dataset(chart("demand"), 0), "Contacts"),
                query("SELECT coalesce(demand_category, 'unknown'), sum(contacts)::DOUBLE FROM " + d + " GROUP BY 1"));
        Map<String, Double> items = query("SELECT coalesce(new_business_item, 'unknown'), sum(contacts)::DOUBLE FROM " + d
                + " AND demand_category = 'new_business' GROUP BY 1");
        assertThat(items).isNotEmpty();
        assertSame(series(dataset(chart("new_business"), 0), "Contacts"), items);
    }

    @Test
    void complaintsOpenedEscalationsAndOnTimeRatePerDay() throws Exception {
        String q = latest("complaint_intervals", "tenant_id, category, level, interval_start") + " WHERE " + day("interval_start") + " " + WINDOW + " GROUP BY 1";
        String label = "strftime(" + day("interval_start") + ", '%m-%d')";
        JFreeChart c = chart("complaints");
        Map<String, Double> opened = query("SELECT " + label + ", sum(opened)::DOUBLE FROM " + q);
        assertThat(opened.values().stream().mapToDouble(Double::doubleValue).sum()).isPositive();
        Map<String, Double> plottedOpened = series(dataset(c, 0), "Opened");
        plottedOpened.values().removeIf(v -> v == 0);
        opened.values().removeIf(v -> v == 0);
        assertSame(plottedOpened, opened);
        Map<String, Double> esc = query("SELECT " + label + ", sum(escalations)::DOUBLE FROM " + q);
        Map<String, Double> plottedEsc = series(dataset(c, 0), "Escalations");
        plottedEsc.values().removeIf(v -> v == 0);
        esc.values().removeIf(v -> v == 0);
        assertSame(plottedEsc, esc);
        assertSame(series(dataset(c, 1), "On-time resolution rate"),
                query("SELECT " + label + ", sum(resolved_on_time)::DOUBLE / nullif(sum(resolved), 0) FROM " + q));
    }

    @Test
    void csatAndNpsPerDay() throws Exception {
        String q = latest("satisfaction_intervals", "tenant_id, agent_id, queue_id, topic, channel, interval_start")
                + " WHERE " + day("interval_start") + " " + WINDOW + " GROUP BY 1";
        String label = "strftime(" + day("interval_start") + ", '%m-%d')";
        JFreeChart c = chart("satisfaction");
        Map<String, Double> csat = query("SELECT " + label + ", sum(csat_satisfied)::DOUBLE / nullif(sum(csat_responses), 0) FROM " + q);
        assertThat(csat).hasSizeGreaterThan(5);
        assertSame(series(dataset(c, 0), "CSAT (4-5 of 5)"), csat);
        assertSame(series(dataset(c, 1), "NPS"),
                query("SELECT " + label + ", 100.0 * (sum(promoters) - sum(detractors)) / nullif(sum(nps_responses), 0) FROM " + q));
    }

    @Test
    void selfServiceOutcomesOfTheDayAndTheRecommendationRate() throws Exception {
        Map<String, Double> outcomes = query("SELECT replace(coalesce(outcome, 'undecided'), '_', ' '), count(*)::DOUBLE "
                + "FROM read_parquet('" + lake + "/self_service_outcomes/*/*/*.parquet', hive_partitioning = true) "
                + "WHERE tenant_id = '" + TENANT + "' AND " + day("ended_at") + " = DATE '" + DAY + "' GROUP BY 1");
        assertThat(outcomes).isNotEmpty();
        Map<String, Double> plotted = series(dataset(chart("self_service"), 0), "Recommendations");
        plotted.values().removeIf(v -> v == 0);
        assertSame(plotted, outcomes);
        Map<String, Double> rate = query("SELECT 'x', sum(self_service_recommended)::DOUBLE / sum(handled) FROM "
                + latest("agent_intervals", "tenant_id, agent_id, team_id, site_id, remote_seat, interval_start")
                + " WHERE " + day("interval_start") + " = DATE '" + DAY + "'");
        assertThat(report.data().today().selfServiceRecommendationRate()).isCloseTo(rate.get("x"), within(1e-12));
        assertThat(chart("self_service").getSubtitle(0).toString()).isNotNull();
    }

    @Test
    void marketingOffersAcceptedAndConversionByFlowType() throws Exception {
        String q = latest("marketing_intervals", "tenant_id, agent_id, team_id, queue_id, offer_product, offer_flow_type, interval_start")
                + " WHERE " + day("interval_start") + " = DATE '" + DAY + "' GROUP BY 1";
        Map<String, Double> offers = query("SELECT offer_flow_type, sum(offers)::DOUBLE FROM " + q);
        Map<String, Double> conversion = query("SELECT offer_flow_type, sum(accepted)::DOUBLE / sum(offers) FROM " + q);
        assertThat(offers).isNotEmpty();
        Map<String, Double> plotted = series(dataset(chart("marketing"), 0), "Offers");
        assertThat(plotted).hasSameSizeAs(offers);
        offers.forEach((flow, n) -> {
            String label = flow.replace('_', ' ') + String.format(java.util.Locale.ROOT, " (%.1f %%)", 100 * conversion.get(flow));
            assertThat(plotted.get(label)).as(label).isEqualTo(n);
        });
    }

    @Test
    void everyPngDecodesAtTheChartSizeAndIsNotBlank() throws Exception {
        for (ReportCharts.Chart c : ReportCharts.CHARTS) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(report.charts().get(c.name())));
            assertThat(img).as(c.name()).isNotNull();
            assertThat(img.getWidth()).isEqualTo(ReportCharts.WIDTH);
            assertThat(img.getHeight()).isEqualTo(ReportCharts.HEIGHT);
            Set<Integer> colours = new HashSet<>();
            long plotted = 0;
            for (int y = 0; y < img.getHeight(); y += 2) {
                for (int x = 0; x < img.getWidth(); x += 2) {
                    int rgb = img.getRGB(x, y) & 0xffffff;
                    colours.add(rgb);
                    if (isSeriesColour(rgb)) {
                        plotted++;
                    }
                }
            }
            System.out.printf("chart %-13s %,7d bytes, %4d colours, %,6d sampled pixels in series colours%n", c.name(),
                    report.charts().get(c.name()).length, colours.size(), plotted);
            assertThat(colours).as(c.name() + ": more than a blank plot").hasSizeGreaterThan(20);
            assertThat(plotted).as(c.name() + ": the series are drawn").isGreaterThan(20);
        }
    }

    private static boolean isSeriesColour(int rgb) {
        for (java.awt.Color s : new java.awt.Color[] {ReportCharts.BLUE, ReportCharts.ORANGE, ReportCharts.GREEN, ReportCharts.PURPLE,
                ReportCharts.RED, ReportCharts.GREY}) {
            if ((s.getRGB() & 0xffffff) == rgb) {
                return true;
            }
        }
        return false;
    }
}
