package com.callpulse.dashboards.report;

import com.callpulse.dashboards.report.ReportData.DayTotals;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's charts (JFreeChart, headless): each built from {@link ReportData} only, so the dataset behind a chart
 * is exactly the lake's numbers. Ratios are plotted as ratios (0..1) on percent axes.
 */
public final class ReportCharts {
    static {
        // charts are drawn off screen, on servers without a display
        System.setProperty("java.awt.headless", "true");
    }

    public static final int WIDTH = 880;
    public static final int HEIGHT = 360;

    /** A chart of the report: its file name (without .png) and its title. */
    public record Chart(String name, String title) {}

    public static final List<Chart> CHARTS = List.of(
            new Chart("volume", "Contacts by hour against the same weekday last week"),
            new Chart("service", "Service level and ASA"),
            new Chart("topics", "Top hot topics"),
            new Chart("demand", "Demand by category"),
            new Chart("new_business", "New-business demand by product"),
            new Chart("complaints", "Complaints: opened, escalations, on-time resolution"),
            new Chart("satisfaction", "CSAT and NPS"),
            new Chart("self_service", "Self-service recommendations and their outcome"),
            new Chart("marketing", "Marketing conversion by flow type"));

    static final Color INK = new Color(0x1f2937);
    static final Color GRID = new Color(0xe5e7eb);
    static final Color BLUE = new Color(0x2563eb);
    static final Color GREY = new Color(0x9ca3af);
    static final Color ORANGE = new Color(0xea580c);
    static final Color GREEN = new Color(0x16a34a);
    static final Color RED = new Color(0xdc2626);
    static final Color PURPLE = new Color(0x7c3aed);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private ReportCharts() {}

    public static boolean exists(String name) {
        return CHARTS.stream().anyMatch(c -> c.name().equals(name));
    }

    public static JFreeChart chart(String name, ReportData d) {
        return switch (name) {
            case "volume" -> volume(d);
            case "service" -> service(d);
            case "topics" -> topics(d);
            case "demand" -> ranking(d.demandByCategory(), "Contacts", BLUE, "no demand recorded this day");
            case "new_business" -> ranking(d.newBusiness(), "Contacts", GREEN, "no new-business demand this day");
            case "complaints" -> complaints(d);
            case "satisfaction" -> satisfaction(d);
            case "self_service" -> selfService(d);
            case "marketing" -> marketing(d);
            default -> throw new IllegalArgumentException("no chart " + name);
        };
    }

    public static byte[] png(JFreeChart chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String dayLabel(LocalDate d) {
        return d + " (" + d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + ")";
    }

    private static JFreeChart volume(ReportData d) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        String today = dayLabel(d.date());
        String lastWeek = dayLabel(d.date().minusDays(7));
        for (int h = 0; h < 24; h++) {
            String hour = String.format("%02d", h);
            ds.addValue(d.hourly()[h], today, hour);
            ds.addValue(d.hourlyLastWeek()[h], lastWeek, hour);
        }
        JFreeChart c = ChartFactory.createBarChart(null, "Hour (" + d.zone().getId() + ")", "Contacts", ds, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot p = style(c, "demand_intervals.contacts (each contact once), latest versions");
        BarRenderer r = bars(p, BLUE, GREY);
        r.setItemMargin(0.02);
        return c;
    }

    private static JFreeChart service(ReportData d) {
        DefaultCategoryDataset sl = new DefaultCategoryDataset();
        DefaultCategoryDataset asa = new DefaultCategoryDataset();
        for (Map.Entry<LocalDate, DayTotals> e : d.days().entrySet()) {
            String day = e.getKey().format(DAY);
            sl.addValue(e.getValue().serviceLevel(), "Service level", day);
            asa.addValue(e.getValue().asaSeconds(), "ASA (s)", day);
        }
        return dualLines(sl, asa, percent(), "Service level", "ASA (s)", BLUE, ORANGE,
                "queue_intervals: service level by each queue's variant; ASA = answered_wait_seconds / answered");
    }

    private static JFreeChart topics(ReportData d) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (ReportData.Topic t : d.topics()) {
            ds.addValue(t.contacts(), "Contacts", t.topic());
            ds.addValue(t.expected(), "Expected", t.topic());
        }
        JFreeChart c = ChartFactory.createBarChart(null, null, "Contacts", ds, PlotOrientation.HORIZONTAL, true, false, false);
        CategoryPlot p = style(c, "topic_minutes: contacts and expected, ordered by minutes at growth rank 1");
        p.setNoDataMessage("no hot-topic rows this day");
        bars(p, ORANGE, GREY);
        return c;
    }

    private static JFreeChart ranking(Map<String, Long> values, String axis, Color color, String none) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        values.forEach((k, v) -> ds.addValue(v, axis, k));
        JFreeChart c = ChartFactory.createBarChart(null, null, axis, ds, PlotOrientation.HORIZONTAL, false, false, false);
        CategoryPlot p = style(c, "demand_intervals.contacts by demand_category and new_business_item");
        p.setNoDataMessage(none);
        BarRenderer r = bars(p, color);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("#,##0")));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        p.getRangeAxis().setUpperMargin(0.1); // room for the labels
        return c;
    }

    private static JFreeChart complaints(ReportData d) {
        DefaultCategoryDataset counts = new DefaultCategoryDataset();
        DefaultCategoryDataset rate = new DefaultCategoryDataset();
        for (Map.Entry<LocalDate, DayTotals> e : d.days().entrySet()) {
            String day = e.getKey().format(DAY);
            counts.addValue(e.getValue().complaintsOpened(), "Opened", day);
            counts.addValue(e.getValue().escalations(), "Escalations", day);
            rate.addValue(e.getValue().onTimeRate(), "On-time resolution rate", day);
        }
        JFreeChart c = ChartFactory.createBarChart(null, null, "Complaints", counts, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot p = style(c, "complaint_intervals: opened, escalations; on-time rate = resolved_on_time / resolved");
        bars(p, PURPLE, RED);
        rotate(p);
        secondAxis(p, rate, "On-time rate", percent(), GREEN);
        return c;
    }

    private static JFreeChart satisfaction(ReportData d) {
        DefaultCategoryDataset csat = new DefaultCategoryDataset();
        DefaultCategoryDataset nps = new DefaultCategoryDataset();
        for (Map.Entry<LocalDate, DayTotals> e : d.days().entrySet()) {
            String day = e.getKey().format(DAY);
            csat.addValue(e.getValue().csat(), "CSAT (4-5 of 5)", day);
            nps.addValue(e.getValue().nps(), "NPS", day);
        }
        return dualLines(csat, nps, percent(), "CSAT", "NPS", GREEN, PURPLE,
                "satisfaction_intervals: CSAT = csat_satisfied / csat_responses; NPS = 100 (promoters - detractors) / nps_responses");
    }

    private static JFreeChart selfService(ReportData d) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        d.selfServiceOutcomes().forEach((k, v) -> ds.addValue(v, "Recommendations", k.replace('_', ' ')));
        JFreeChart c = ChartFactory.createBarChart(null, null, "Recommendations", ds, PlotOrientation.HORIZONTAL, false, false, false);
        Double rate = d.today().selfServiceRecommendationRate();
        CategoryPlot p = style(c, "self_service_outcomes.outcome; recommendation rate "
                + (rate == null ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * rate))
                + " = agent_intervals.self_service_recommended / handled");
        p.getRangeAxis().setUpperMargin(0.1);
        BarRenderer r = bars(p, GREEN);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("#,##0")));
        r.setDefaultItemLabelsVisible(true);
        return c;
    }

    private static JFreeChart marketing(ReportData d) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        d.marketing().forEach((flow, o) -> {
            String label = flow.replace('_', ' ') + (o.conversion() == null ? "" : String.format(Locale.ROOT, " (%.1f %%)", 100 * o.conversion()));
            ds.addValue(o.offers(), "Offers", label);
            ds.addValue(o.accepted(), "Accepted", label);
        });
        JFreeChart c = ChartFactory.createBarChart(null, null, "Offers", ds, PlotOrientation.HORIZONTAL, true, false, false);
        CategoryPlot p = style(c, "marketing_intervals by offer_flow_type: conversion = accepted / offers");
        p.setNoDataMessage("no offers this day");
        bars(p, GREY, BLUE);
        return c;
    }

    private static JFreeChart dualLines(DefaultCategoryDataset left, DefaultCategoryDataset right, NumberFormat leftFormat, String leftLabel,
            String rightLabel, Color leftColor, Color rightColor, String source) {
        JFreeChart c = ChartFactory.createLineChart(null, null, leftLabel, left, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot p = style(c, source);
        ((NumberAxis) p.getRangeAxis()).setNumberFormatOverride(leftFormat);
        LineAndShapeRenderer r = (LineAndShapeRenderer) p.getRenderer();
        line(r, leftColor);
        rotate(p);
        secondAxis(p, right, rightLabel, null, rightColor);
        return c;
    }

    private static void secondAxis(CategoryPlot p, DefaultCategoryDataset ds, String label, NumberFormat format, Color color) {
        NumberAxis axis = new NumberAxis(label);
        // from zero: a single day's value (a one-day lake) still gets a readable scale
        axis.setAutoRangeIncludesZero(true);
        axis.setNumberFormatOverride(format != null ? format : new DecimalFormat("#,##0.#"));
        axis(axis);
        p.setRangeAxis(1, axis);
        p.setDataset(1, ds);
        p.mapDatasetToRangeAxis(1, 1);
        LineAndShapeRenderer r = new LineAndShapeRenderer(true, true);
        line(r, color);
        p.setRenderer(1, r);
        p.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    }

    private static void line(LineAndShapeRenderer r, Color color) {
        r.setSeriesPaint(0, color);
        r.setSeriesStroke(0, new BasicStroke(2.2f));
        r.setDefaultShapesVisible(true);
    }

    private static BarRenderer bars(CategoryPlot p, Color... colors) {
        BarRenderer r = (BarRenderer) p.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setMaximumBarWidth(0.12);
        for (int i = 0; i < colors.length; i++) {
            r.setSeriesPaint(i, colors[i]);
        }
        return r;
    }

    private static void rotate(CategoryPlot p) {
        p.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }

    private static NumberFormat percent() {
        NumberFormat f = NumberFormat.getPercentInstance(Locale.ROOT);
        f.setMaximumFractionDigits(0);
        return f;
    }

    /** The shared look: white, light grid, the source of the numbers under the plot. */
    private static CategoryPlot style(JFreeChart c, String source) {
        c.setBackgroundPaint(Color.WHITE);
        c.setAntiAlias(true);
        c.setTextAntiAlias(true);
        c.setPadding(new RectangleInsets(6, 6, 4, 10));
        TextTitle s = new TextTitle(source, new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setPaint(new Color(0x6b7280));
        s.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
        c.addSubtitle(s);
        if (c.getLegend() != null) {
            c.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
            c.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            c.getLegend().setPosition(org.jfree.chart.ui.RectangleEdge.TOP);
        }
        CategoryPlot p = c.getCategoryPlot();
        p.setBackgroundPaint(Color.WHITE);
        p.setOutlineVisible(false);
        p.setRangeGridlinePaint(GRID);
        p.setRangeGridlineStroke(new BasicStroke(1f));
        p.setNoDataMessage("no data for this day");
        p.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.ITALIC, 14));
        CategoryAxis domain = p.getDomainAxis();
        domain.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        domain.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        domain.setAxisLinePaint(GRID);
        domain.setTickLabelPaint(INK);
        domain.setCategoryMargin(0.15);
        axis((NumberAxis) p.getRangeAxis());
        return p;
    }

    private static void axis(NumberAxis a) {
        a.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        a.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        a.setTickLabelPaint(INK);
        a.setAxisLineVisible(false);
    }
}
