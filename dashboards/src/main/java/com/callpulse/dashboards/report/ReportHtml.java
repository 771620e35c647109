package com.callpulse.dashboards.report;

import com.callpulse.dashboards.report.ReportData.DayTotals;
import com.callpulse.dashboards.server.Pages;

import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The report as HTML: the body the page shows (charts by URL) and the self-contained file that is mailed (charts
 * inlined as data: URIs, the style inline, no external reference).
 */
public final class ReportHtml {
    private ReportHtml() {}

    enum Unit { COUNT, PERCENT, SECONDS, POINTS }

    /** A headline KPI: its label, where it comes from, how it is computed from a day's counters, and which way is good. */
    record Kpi(String label, String source, Function<DayTotals, Number> value, Unit unit, boolean higherIsBetter) {}

    static final List<Kpi> KPIS = List.of(
            new Kpi("Contacts", "demand_intervals.contacts", DayTotals::contacts, Unit.COUNT, true),
            new Kpi("Offered to queues", "queue_intervals.offered", DayTotals::offered, Unit.COUNT, true),
            new Kpi("Answered", "queue_intervals.answered", DayTotals::answered, Unit.COUNT, true),
            new Kpi("Service level", "queue_intervals, each queue's sl_variant", DayTotals::serviceLevel, Unit.PERCENT, true),
            new Kpi("ASA", "answered_wait_seconds / answered", DayTotals::asaSeconds, Unit.SECONDS, false),
            new Kpi("Abandonment rate", "abandoned / offered", DayTotals::abandonmentRate, Unit.PERCENT, false),
            new Kpi("AHT", "(talk + hold + acw) / answered", DayTotals::ahtSeconds, Unit.SECONDS, false),
            new Kpi("CSAT", "satisfaction_intervals: csat_satisfied / csat_responses", DayTotals::csat, Unit.PERCENT, true),
            new Kpi("NPS", "100 (promoters - detractors) / nps_responses", DayTotals::nps, Unit.POINTS, true),
            new Kpi("Complaints opened", "complaint_intervals.opened", DayTotals::complaintsOpened, Unit.COUNT, false),
            new Kpi("On-time resolution", "resolved_on_time / resolved", DayTotals::onTimeRate, Unit.PERCENT, true),
            new Kpi("Complaint escalations", "complaint_intervals.escalations", DayTotals::escalations, Unit.COUNT, false),
            new Kpi("Self-service recommendation rate", "agent_intervals: self_service_recommended / handled",
                    DayTotals::selfServiceRecommendationRate, Unit.PERCENT, true),
            new Kpi("Marketing conversion", "marketing_intervals: accepted / offers", DayTotals::conversion, Unit.PERCENT, true));

    /** The style of the report, scoped to {@code .report} so the page's frame keeps its own. */
    static final String STYLE = ".report{background:#fff;color:#1f2937;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',"
            + "'DejaVu Sans',sans-serif;max-width:1820px;margin:0 auto;padding:20px 24px;border-radius:6px}"
            + ".report h1{font-size:22px;margin:0 0 2px}.report h2{font-size:16px;margin:18px 0 6px;color:#111827}"
            + ".report .sub{color:#6b7280;margin:0 0 14px;font-size:13px}"
            + ".report table{border-collapse:collapse;font-size:13px;margin:4px 0 10px}"
            + ".report th,.report td{padding:4px 10px;border-bottom:1px solid #e5e7eb;text-align:right;color:#1f2937}"
            + ".report th{background:#f3f4f6;font-weight:600}.report th:first-child,.report td:first-child{text-align:left}"
            + ".report td.src{color:#9ca3af;font-size:11px;text-align:left}"
            + ".report .up{color:#15803d}.report .down{color:#b91c1c}.report .flat{color:#6b7280}"
            + ".report .grid{display:flex;flex-wrap:wrap;gap:12px}.report figure{margin:0;flex:1 1 600px;max-width:890px}"
            + ".report figure img{width:100%;height:auto;border:1px solid #e5e7eb;border-radius:4px}"
            + ".report figcaption{font-weight:600;font-size:14px;margin:0 0 4px}"
            + ".report .note{color:#6b7280;font-size:12px}";

    /** The self-contained file to mail: every chart inlined, no external reference. */
    public static String standalone(ReportService.Rendered r) {
        Base64.Encoder b64 = Base64.getEncoder();
        String body = body(r.data(), name -> "data:image/png;base64," + b64.encodeToString(r.charts().get(name)));
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Pages.escape(title(r.data())) + "</title>"
                + "<style>body{margin:0;background:#f3f4f6}" + STYLE + "</style></head><body>" + body + "</body></html>";
    }

    static String title(ReportData d) {
        return "Daily report " + d.tenantName() + ", " + ReportCharts.dayLabel(d.date());
    }

    /** The report's body; {@code imageSource} gives each chart's image address. */
    public static String body(ReportData d, Function<String, String> imageSource) {
        StringBuilder b = new StringBuilder(16_384);
        b.append("<div class=\"report\"><h1>").append(Pages.escape(title(d))).append("</h1><p class=\"sub\">Tenant ")
                .append(Pages.escape(d.tenant())).append(", business day in ").append(Pages.escape(d.zone().getId()))
                .append(". Numbers are the lake's tables (docs/metrics.md), latest versions; ratios from summed counters. "
                        + "Changes against the previous day and the same weekday last week.</p>");
        kpis(b, d);
        b.append("<div class=\"grid\">");
        for (ReportCharts.Chart c : ReportCharts.CHARTS) {
            b.append("<figure><figcaption>").append(Pages.escape(c.title()));
            if (c.name().equals("service") || c.name().equals("complaints") || c.name().equals("satisfaction")) {
                b.append(", last ").append(d.days().size()).append(" days");
            }
            b.append("</figcaption><img alt=\"").append(Pages.escape(c.title())).append("\" width=\"").append(ReportCharts.WIDTH)
                    .append("\" height=\"").append(ReportCharts.HEIGHT).append("\" src=\"").append(Pages.escape(imageSource.apply(c.name())))
                    .append("\">");
            if (c.name().equals("topics")) {
                alerts(b, d);
            }
            b.append("</figure>");
        }
        b.append("</div></div>");
        return b.toString();
    }

    private static void kpis(StringBuilder b, ReportData d) {
        LocalDate prev = d.date().minusDays(1);
        LocalDate week = d.date().minusDays(7);
        b.append("<h2>Headline KPIs</h2><table><tr><th>KPI</th><th>").append(d.date()).append("</th><th>")
                .append(prev).append("</th><th>vs previous day</th><th>").append(week).append("</th><th>vs last week</th><th>from</th></tr>");
        for (Kpi k : KPIS) {
            Number v = k.value.apply(d.today());
            Number p = k.value.apply(d.day(prev));
            Number w = k.value.apply(d.day(week));
            b.append("<tr><td>").append(Pages.escape(k.label)).append("</td><td><b>").append(format(v, k.unit)).append("</b></td><td>")
                    .append(format(p, k.unit)).append("</td>").append(change(v, p, k)).append("<td>").append(format(w, k.unit)).append("</td>")
                    .append(change(v, w, k)).append("<td class=\"src\">").append(Pages.escape(k.source)).append("</td></tr>");
        }
        b.append("</table>");
    }

    private static void alerts(StringBuilder b, ReportData d) {
        if (d.alerts().isEmpty()) {
            b.append("<p class=\"note\">No hot-topic alert started this day (topic_alerts).</p>");
            return;
        }
        b.append("<table><tr><th>Alert (topic_alerts)</th><th>started</th><th>minutes</th><th>contacts in 15 min</th><th>expected</th>"
                + "<th>excess</th><th>suggestion</th></tr>");
        for (ReportData.TopicAlert a : d.alerts()) {
            String excess = a.observedTotal() == null || a.expectedTotal() == null ? "–"
                    : String.format(Locale.ROOT, "%+.0f", a.observedTotal() - a.expectedTotal());
            b.append("<tr><td>").append(Pages.escape(a.topic() + " " + a.kind())).append("</td><td>").append(Pages.escape(a.startedLocal()))
                    .append("</td><td>").append(a.durationMinutes() == null ? "–" : a.durationMinutes()).append("</td><td>").append(a.observed15())
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.1f", a.expected15())).append("</td><td>").append(excess)
                    .append("</td><td>").append(Pages.escape(a.suggestion().replace('_', ' '))).append("</td></tr>");
        }
        b.append("</table>");
    }

    static String format(Number v, Unit unit) {
        if (v == null) {
            return "–";
        }
        return switch (unit) {
            case COUNT -> String.format(Locale.ROOT, "%,d", v.longValue());
            case PERCENT -> String.format(Locale.ROOT, "%.1f %%", 100 * v.doubleValue());
            case SECONDS -> String.format(Locale.ROOT, "%.1f s", v.doubleValue());
            case POINTS -> String.format(Locale.ROOT, "%.1f", v.doubleValue());
        };
    }

    /** The change as a table cell: points for rates, percent for counts and times; green when it is the good way. */
    static String change(Number now, Number before, Kpi k) {
        if (now == null || before == null) {
            return "<td class=\"flat\">–</td>";
        }
        double a = now.doubleValue();
        double p = before.doubleValue();
        String text;
        double delta = a - p;
        switch (k.unit) {
            case PERCENT -> text = String.format(Locale.ROOT, "%+.1f pp", 100 * delta);
            case POINTS -> text = String.format(Locale.ROOT, "%+.1f", delta);
            default -> {
                if (p == 0) {
                    return "<td class=\"flat\">" + (a == 0 ? "±0" : "new") + "</td>";
                }
                text = String.format(Locale.ROOT, "%+.1f %%", 100 * delta / p);
            }
        }
        String cls = Math.abs(delta) < 1e-9 ? "flat" : (delta > 0) == k.higherIsBetter ? "up" : "down";
        String arrow = delta > 0 ? "▲ " : delta < 0 ? "▼ " : "";
        return "<td class=\"" + cls + "\">" + arrow + text + "</td>";
    }
}
