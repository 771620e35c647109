package com.callpulse.dashboards.report;

import com.callpulse.dashboards.access.AccessControl;
import com.callpulse.dashboards.testing.Browser;
import com.callpulse.dashboards.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Headless Chromium loads the report page of the multi-day lake: every chart image loads; a screenshot is kept. */
class ReportBrowserTest {
    static final Path SCREENSHOT = Path.of("target", "screenshots", "report.png");

    @Test
    void theReportPageLoadsEveryChart() throws Exception {
        Browser.requireInstalled();
        try (TestServer server = TestServer.start(MultiDayLake.get(), null); Browser b = Browser.start()) {
            String session = server.signIn("ah");
            b.open(server.url("/login"));
            b.cookie(AccessControl.SESSION_COOKIE, session);
            long t0 = System.nanoTime();
            b.open(server.url("/report?date=" + MultiDayLake.LAST));
            String images = "return Array.from(document.images).map(i => i.complete ? i.naturalWidth : -1);";
            JsonNode widths = b.waitFor(images, v -> v.size() > 0 && java.util.stream.StreamSupport.stream(v.spliterator(), false).allMatch(w -> w.asInt() >= 0), Duration.ofSeconds(30));
            System.out.printf("MEASURED report page with %d charts loaded in the browser in %d ms%n", widths.size(), (System.nanoTime() - t0) / 1_000_000);
            assertThat(widths).hasSize(ReportCharts.CHARTS.size());
            for (JsonNode w : widths) {
                assertThat(w.asInt()).as("naturalWidth of every chart").isEqualTo(ReportCharts.WIDTH);
            }
            assertThat(b.text(".report h1")).contains("10086 hotline, Anhui").contains("2026-11-20 (Fri)");
            assertThat(b.script("return document.querySelectorAll('.report table tr').length;").asInt()).isGreaterThan(ReportHtml.KPIS.size());
            // zoomed out so the screenshot shows the KPI table and the first rows of charts
            b.script("document.body.style.zoom = '0.6'; window.scrollTo(0, 0); return 0;");
            b.screenshot(SCREENSHOT);
            assertThat(ImageIO.read(SCREENSHOT.toFile()).getWidth()).isGreaterThan(800);
        }
    }
}
