package com.callpulse.dashboards.report;

import com.callpulse.dashboards.DashboardsCli;
import com.callpulse.dashboards.config.DashboardsConfig;
import com.callpulse.dashboards.testing.SampleLake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./callpulse report} on the sample day's lake, and what a one-day lake shows; prints the generation times. */
class ReportCommandTest {
    @TempDir
    Path out;

    record Run(int code, String out, String err) {}

    static Run cli(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = DashboardsCli.execute(Arrays.asList(args), new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyTenantGetsADirectoryWithItsChartsAndOneHtmlFile() throws Exception {
        Path lake = SampleLake.get();
        Run r = cli("report", "--date", SampleLake.DATE, "--lake", lake.toString(), "--out", out.toString());
        System.out.print(r.out);
        assertThat(r.code).as(r.err).isZero();
        for (DashboardsConfig.Tenant t : DashboardsConfig.defaults().tenants()) {
            Path dir = out.resolve(t.id());
            for (ReportCharts.Chart c : ReportCharts.CHARTS) {
                assertThat(ImageIO.read(dir.resolve(c.name() + ".png").toFile()).getWidth()).isEqualTo(ReportCharts.WIDTH);
            }
            String html = Files.readString(dir.resolve("report-" + t.id() + "-2026-11-20.html"));
            assertThat(html).contains(t.name()).contains("data:image/png;base64,");
            assertThat(r.out).contains(t.id() + " 2026-11-20: 9 charts");
        }
    }

    @Test
    void oneTenantIsWrittenIntoTheOutputDirectoryItself() throws Exception {
        Run r = cli("report", "--date", SampleLake.DATE, "--lake", SampleLake.get().toString(), "--out", out.toString(), "--tenant", "roam-eu");
        assertThat(r.code).as(r.err).isZero();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).hasSize(10).contains("report-roam-eu-2026-11-20.html", "volume.png");
        }
    }

    @Test
    void mistakesAreRefusedWithTheirReason() throws Exception {
        String lake = SampleLake.get().toString();
        assertThat(cli("report", "--out", out.toString()).err).contains("--lake is required");
        assertThat(cli("report", "--lake", lake, "--out", out.toString(), "--date", "2026-13-01").code).isEqualTo(2);
        Run unknown = cli("report", "--lake", lake, "--out", out.toString(), "--tenant", "nobody");
        assertThat(unknown.code).isEqualTo(1);
        assertThat(unknown.err).contains("no tenant nobody");
        assertThat(cli("report", "--help").out).contains("usage: ./callpulse report");
    }

    @Test
    void aOneDayLakeShowsEmptyComparisonsNotACrash() throws Exception {
        try (ReportService s = new ReportService(DashboardsConfig.defaults(), SampleLake.get())) {
            ReportService.Rendered r = s.render("cmcc-ah", LocalDate.parse(SampleLake.DATE));
            ReportData d = r.data();
            assertThat(d.today().contacts()).isPositive();
            assertThat(d.day(d.date().minusDays(1))).isEqualTo(ReportData.DayTotals.EMPTY);
            assertThat(d.hourlyLastWeek()).containsOnly(0L);
            assertThat(d.day(d.date().minusDays(1)).serviceLevel()).isNull();
            String html = ReportHtml.standalone(r);
            // the KPI rows have values for the day and "–" for the days the lake does not have
            assertThat(html).contains("<tr><td>Contacts</td><td><b>" + String.format(java.util.Locale.ROOT, "%,d", d.today().contacts())
                    + "</b></td><td>0</td><td class=\"flat\">new</td>");
            assertThat(html).contains("<tr><td>Service level</td>").contains("<td>–</td><td class=\"flat\">–</td>");
            // a day the lake has nothing for renders too, every chart saying so
            ReportService.Rendered empty = s.render("cmcc-ah", LocalDate.parse("2025-01-01"));
            assertThat(empty.data().today()).isEqualTo(ReportData.DayTotals.EMPTY);
            assertThat(empty.charts()).hasSize(ReportCharts.CHARTS.size());
        }
    }

    @Test
    void theDefaultDayIsYesterdayInTheTenantsZone() throws Exception {
        try (ReportService s = new ReportService(DashboardsConfig.defaults(), SampleLake.get())) {
            // 17:30 UTC on the 20th is already the 21st in Shanghai: its yesterday is the 20th
            Clock clock = Clock.fixed(Instant.parse("2026-11-20T17:30:00Z"), ZoneOffset.UTC);
            assertThat(s.yesterday("cmcc-ah", clock)).isEqualTo(LocalDate.parse("2026-11-20"));
            DashboardsConfig c = DashboardsConfig.defaults();
            String european = c.tenants().stream().filter(t -> t.zone().getId().startsWith("Europe")).findFirst().orElseThrow().id();
            assertThat(s.yesterday(european, clock)).isEqualTo(LocalDate.parse("2026-11-19"));
        }
    }

    @Test
    void aRenderedReportIsReusedWhileFreshAndTheSectionIsChecked() throws Exception {
        LocalDate day = LocalDate.parse(SampleLake.DATE);
        try (ReportService s = new ReportService(DashboardsConfig.defaults(), SampleLake.get())) {
            assertThat(s.report("mvno-lx", day)).isSameAs(s.report("mvno-lx", day)).isNotSameAs(s.report("roam-eu", day));
        }
        Path noCache = out.resolve("no-cache.yaml");
        Files.writeString(noCache, "dashboards:\n  report:\n    cache: PT0S\n    trend_days: 10\n");
        try (ReportService s = new ReportService(DashboardsConfig.load(noCache), SampleLake.get())) {
            ReportService.Rendered first = s.report("mvno-lx", day);
            assertThat(s.report("mvno-lx", day)).isNotSameAs(first);
            assertThat(first.data().days()).hasSize(10);
        }
        Path bad = out.resolve("bad.yaml");
        Files.writeString(bad, "dashboards:\n  report:\n    trend_days: 3\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ReportService(DashboardsConfig.load(bad), SampleLake.get()))
                .hasMessageContaining("trend_days 8..400");
    }

    /** Measured, not asserted: the report of the sample day, cold (new DuckDB, first render) and warm. */
    @Test
    void measureTheSampleDaysReport() throws Exception {
        LocalDate day = LocalDate.parse(SampleLake.DATE);
        for (String tenant : List.of("cmcc-ah", "mvno-lx")) {
            long t0 = System.nanoTime();
            try (ReportService s = new ReportService(DashboardsConfig.defaults(), SampleLake.get())) {
                ReportService.Rendered cold = s.render(tenant, day);
                long coldMs = (System.nanoTime() - t0) / 1_000_000;
                long[] warm = new long[5];
                ReportService.Rendered w = null;
                for (int i = 0; i < warm.length; i++) {
                    long t = System.nanoTime();
                    w = s.render(tenant, day);
                    warm[i] = (System.nanoTime() - t) / 1_000_000;
                }
                s.report(tenant, day);
                long t = System.nanoTime();
                s.report(tenant, day);
                long cachedMicros = (System.nanoTime() - t) / 1_000;
                int html = ReportHtml.standalone(w).getBytes(StandardCharsets.UTF_8).length;
                Arrays.sort(warm);
                System.out.printf("MEASURED report %s %s: cold %d ms (lake %d, charts %d), warm median %d ms (lake %d, charts %d), "
                        + "cached hit %d us, HTML %,d bytes%n", tenant, day, coldMs, cold.queryMillis(), cold.renderMillis(), warm[2],
                        w.queryMillis(), w.renderMillis(), cachedMicros, html);
                assertThat(html).isGreaterThan(50_000);
            }
        }
    }
}
