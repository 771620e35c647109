package com.callpulse.dashboards.report;

import com.callpulse.dashboards.testing.SampleLake;
import com.callpulse.dashboards.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route of the report over HTTP, on the sample day's lake: sign-in, tenant scope, answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportViewTest {
    static final String DAY = "date=" + SampleLake.DATE;
    TestServer server;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(SampleLake.get(), null);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void withoutSignInThePageSendsToSignInAndTheApiRoutesAnswer401() throws Exception {
        HttpResponse<byte[]> page = server.get("/report?" + DAY, null);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).startsWith("/login?next=");
        assertThat(server.get("/report/chart/volume.png?" + DAY, null).statusCode()).isEqualTo(401);
        assertThat(server.get("/report/html?" + DAY, null).statusCode()).isEqualTo(401);
        assertThat(server.get("/report/chart/volume.png?tenant=cmcc-ah&" + DAY, "ah-wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void theStartPageLinksTheReport() throws Exception {
        assertThat(server.getText("/", "ah").body()).contains("href=\"/report\"").contains("Daily report");
    }

    @Test
    void aTenantUserGetsItsOwnReportWithEveryChartLinked() throws Exception {
        HttpResponse<String> r = server.getText("/report?" + DAY, "ah");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("10086 hotline, Anhui").contains("Headline KPIs")
                .doesNotContain("Lexin").doesNotContain("mvno-lx").doesNotContain("roam-eu").doesNotContain("<select");
        for (ReportCharts.Chart c : ReportCharts.CHARTS) {
            assertThat(r.body()).contains("src=\"/report/chart/" + c.name() + ".png?tenant=cmcc-ah&amp;date=2026-11-20\"");
            HttpResponse<byte[]> png = server.get("/report/chart/" + c.name() + ".png?tenant=cmcc-ah&" + DAY, "ah");
            assertThat(png.statusCode()).as(c.name()).isEqualTo(200);
            assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(ImageIO.read(new ByteArrayInputStream(png.body())).getWidth()).isEqualTo(ReportCharts.WIDTH);
        }
    }

    @Test
    void aTenantUserCannotReachAnotherTenantsReportOrChartByAnyUrl() throws Exception {
        List<String> urls = List.of("/report?tenant=mvno-lx&" + DAY, "/report?" + DAY + "&tenant=roam-eu", "/report?tenant=mvno-lx",
                "/report/chart/volume.png?tenant=mvno-lx&" + DAY, "/report/chart/service.png?tenant=roam-eu", "/report/html?tenant=mvno-lx&" + DAY,
                "/report/chart/marketing.png?tenant=mvno-lx&tenant=cmcc-ah&" + DAY, "/report/html?tenant=*&" + DAY, "/report?tenant=&" + DAY);
        for (String url : urls) {
            assertThat(server.get(url, "ah").statusCode()).as(url).isEqualTo(403);
            HttpResponse<byte[]> token = server.http().send(HttpRequest.newBuilder(URI.create(server.url(url)))
                    .header("Authorization", "Bearer " + TestServer.AH_TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(token.statusCode()).as("token " + url).isEqualTo(403);
        }
        // without a tenant parameter a tenant user gets its own tenant, whatever else the URL says
        byte[] own = server.get("/report/chart/demand.png?" + DAY, "lx").body();
        assertThat(own).isEqualTo(server.get("/report/chart/demand.png?tenant=mvno-lx&" + DAY, "ops").body())
                .isNotEqualTo(server.get("/report/chart/demand.png?tenant=cmcc-ah&" + DAY, "ops").body());
        assertThat(server.getText("/report/html?" + DAY, "lx").body()).contains("Lexin").doesNotContain("10086 hotline");
    }

    @Test
    void theOperatorPicksAnyTenant() throws Exception {
        HttpResponse<String> lx = server.getText("/report?tenant=mvno-lx&" + DAY, "ops");
        assertThat(lx.statusCode()).isEqualTo(200);
        assertThat(lx.body()).contains("Lexin Mobile").contains("<select name=\"tenant\">")
                .contains("<option value=\"mvno-lx\" selected>").contains("/report/chart/volume.png?tenant=mvno-lx&amp;date=2026-11-20");
        HttpResponse<String> first = server.getText("/report?" + DAY, "ops");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("10086 hotline, Anhui");
        assertThat(server.get("/report?tenant=nobody&" + DAY, "ops").statusCode()).isEqualTo(404);
        assertThat(server.get("/report/chart/volume.png?tenant=nobody", "ops").statusCode()).isEqualTo(404);
    }

    @Test
    void badDatesAndUnknownChartsAreRefused() throws Exception {
        assertThat(server.get("/report?date=20-11-2026", "ah").statusCode()).isEqualTo(400);
        assertThat(server.get("/report/chart/volume.png?date=yesterday", "ah").statusCode()).isEqualTo(400);
        assertThat(server.get("/report/chart/nothing.png?" + DAY, "ah").statusCode()).isEqualTo(404);
        assertThat(server.get("/report/chart/volume?" + DAY, "ah").statusCode()).isEqualTo(404);
        assertThat(server.get("/report/chart/../html?" + DAY, "ah").statusCode()).isIn(400, 404);
    }

    @Test
    void theMailFileIsSelfContained() throws Exception {
        HttpResponse<String> r = server.getText("/report/html?" + DAY, "ah");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"report-cmcc-ah-2026-11-20.html\"");
        String html = r.body();
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("url(").doesNotContain("src=\"/").doesNotContain("href=");
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        int images = 0;
        while (m.find()) {
            assertThat(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1)))).getHeight()).isEqualTo(ReportCharts.HEIGHT);
            images++;
        }
        assertThat(images).isEqualTo(ReportCharts.CHARTS.size());
        assertThat(html.split("<img").length - 1).isEqualTo(images);
    }
}
