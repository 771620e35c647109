package com.callpulse.dashboards.report;

import com.callpulse.dashboards.config.DashboardsConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measured, not asserted: the report over a lake of a year. The multi-day lake's partitions of cmcc-ah are linked
 * under every date of a year (the rows keep their own timestamps: the numbers mean nothing, the files read are what a
 * year's lake holds), and the report of its last day is rendered cold and warm.
 */
class ReportYearTest {
    @Test
    void measureTheReportOverAYearOfPartitions() throws Exception {
        Path source = MultiDayLake.get();
        Path year = Path.of("target", "report-year").toAbsolutePath();
        if (Files.exists(year)) {
            try (Stream<Path> s = Files.walk(year)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        LocalDate last = MultiDayLake.LAST;
        int files = 0;
        List<Path> tables;
        try (Stream<Path> s = Files.list(source)) {
            tables = s.filter(p -> Files.isDirectory(p.resolve("tenant=cmcc-ah"))).toList();
        }
        for (Path table : tables) {
            List<Path> days = new ArrayList<>();
            for (int i = 0; i < MultiDayLake.DAYS; i++) {
                Path d = table.resolve("tenant=cmcc-ah").resolve("date=" + last.minusDays(i));
                if (Files.isDirectory(d)) {
                    days.add(d);
                }
            }
            for (int i = 0; i < 365 && !days.isEmpty(); i++) {
                Path from = days.get(i % days.size());
                Path to = year.resolve(table.getFileName()).resolve("tenant=cmcc-ah").resolve("date=" + last.minusDays(i));
                Files.createDirectories(to);
                files += link(from, to);
            }
        }
        try (ReportService s = new ReportService(DashboardsConfig.defaults(), year)) {
            long t0 = System.nanoTime();
            ReportService.Rendered cold = s.render("cmcc-ah", last);
            long coldMs = (System.nanoTime() - t0) / 1_000_000;
            long t1 = System.nanoTime();
            ReportService.Rendered warm = s.render("cmcc-ah", last);
            long warmMs = (System.nanoTime() - t1) / 1_000_000;
            System.out.printf("MEASURED report over a year's lake (%,d Parquet files of cmcc-ah, %d tables x 365 days): cold %d ms (lake %d, charts %d), "
                    + "warm %d ms (lake %d, charts %d)%n", files, tables.size(), coldMs, cold.queryMillis(), cold.renderMillis(), warmMs,
                    warm.queryMillis(), warm.renderMillis());
            assertThat(cold.data().days()).hasSize(30);
            // (the linked copies repeat the same rows under several dates, so the latest-version pick mixes them: no value checks)
            assertThat(cold.charts()).hasSize(ReportCharts.CHARTS.size());
        }
    }

    private static int link(Path from, Path to) throws IOException {
        int n = 0;
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList()) {
                Files.createLink(to.resolve(f.getFileName()), f);
                n++;
            }
        }
        return n;
    }
}
