package com.callpulse.dashboards.report;

import com.callpulse.dashboards.config.DashboardsConfig;
import com.callpulse.dashboards.server.HttpError;
import com.callpulse.dashboards.server.Pages;
import com.callpulse.dashboards.server.Request;
import com.callpulse.dashboards.server.View;
import com.callpulse.dashboards.server.WebServer;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The executives' daily report as a page ({@code /report?tenant=&date=}), its charts
 * ({@code /report/chart/<name>.png?tenant=&date=}) and the file that is mailed ({@code /report/html?tenant=&date=}).
 * A tenant's user sees only its tenant (any other in {@code tenant=}: 403); an operator picks one.
 */
public final class ReportView implements View {
    private final DashboardsConfig config;
    private final ReportService reports;
    private final Clock clock;

    ReportView(DashboardsConfig config, ReportService reports, Clock clock) {
        this.config = config;
        this.reports = reports;
        this.clock = clock;
    }

    public static ReportView create(View.Context context) throws SQLException {
        return new ReportView(context.config(), new ReportService(context.config(), context.lake()), Clock.systemUTC());
    }

    @Override
    public void register(WebServer server) {
        server.page("/report", this::page);
        server.api("/report/chart/", this::chart);
        server.api("/report/html", this::mailFile);
        server.nav("Daily report", "/report", "the executives' report of a business day: KPIs and charts, as a page or a file to mail");
    }

    private record Asked(String tenant, LocalDate date) {
        String query() {
            return "tenant=" + URLEncoder.encode(tenant, StandardCharsets.UTF_8) + "&date=" + date;
        }
    }

    private Asked asked(Request r) {
        List<String> visible = r.principal().visibleTenants(config);
        String tenant = r.tenant(visible.isEmpty() ? null : visible.get(0));
        String d = r.param("date");
        LocalDate date;
        if (d == null || d.isEmpty()) {
            date = reports.yesterday(tenant, clock);
        } else {
            try {
                date = LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                throw new HttpError(400, "date must be YYYY-MM-DD: " + d);
            }
        }
        return new Asked(tenant, date);
    }

    private void page(Request r) throws IOException {
        Asked a = asked(r);
        ReportService.Rendered rendered = reports.report(a.tenant, a.date);
        StringBuilder b = new StringBuilder("<form class=\"report-pick\" method=\"get\" action=\"/report\">");
        if (r.principal().operator()) {
            b.append("<label>Tenant <select name=\"tenant\">");
            for (DashboardsConfig.Tenant t : config.tenants()) {
                b.append("<option value=\"").append(Pages.escape(t.id())).append('"').append(t.id().equals(a.tenant) ? " selected" : "")
                        .append('>').append(Pages.escape(t.name())).append("</option>");
            }
            b.append("</select></label> ");
        }
        b.append("<label>Business day <input type=\"date\" name=\"date\" value=\"").append(a.date).append("\"></label> ")
                .append("<button type=\"submit\">Show</button> <a href=\"/report/html?").append(Pages.escape(a.query()))
                .append("\">Download the file to mail</a></form>");
        b.append(ReportHtml.body(rendered.data(), name -> "/report/chart/" + name + ".png?" + a.query()));
        r.html(200, Pages.page("Daily report", b.toString(), "<style>" + ReportHtml.STYLE
                + ".report-pick{margin:0 0 12px;display:flex;gap:12px;align-items:center}</style>"));
    }

    private void chart(Request r) throws IOException {
        String file = r.path().substring("/report/chart/".length());
        String name = file.endsWith(".png") ? file.substring(0, file.length() - 4) : "";
        if (!ReportCharts.exists(name)) {
            throw new HttpError(404, "no chart " + file);
        }
        Asked a = asked(r);
        r.send(200, "image/png", reports.report(a.tenant, a.date).charts().get(name));
    }

    private void mailFile(Request r) throws IOException {
        Asked a = asked(r);
        String html = ReportHtml.standalone(reports.report(a.tenant, a.date));
        r.exchange().getResponseHeaders().set("Content-Disposition",
                "attachment; filename=\"" + ReportCommand.fileName(a.tenant, a.date) + "\"");
        r.html(200, html);
    }

    @Override
    public void close() {
        reports.close();
    }
}
