package com.callpulse.dashboards.report;

import com.callpulse.dashboards.config.DashboardsConfig;
import com.callpulse.dashboards.server.Options;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./callpulse report --date D --lake DIR --out DIR [--tenant T] [--config FILE]}: each tenant's report of a
 * business day as PNG charts and one self-contained HTML file to mail (without --tenant: every tenant, a directory
 * each). The default day is yesterday in each tenant's zone.
 */
public final class ReportCommand {
    static final String USAGE = String.join("\n",
            "usage: ./callpulse report --lake DIR --out DIR [--date YYYY-MM-DD] [--tenant ID] [--config FILE]",
            "  --lake DIR      the Parquet lake",
            "  --out DIR       where to write <chart>.png and report-<tenant>-<date>.html (a directory per tenant without --tenant)",
            "  --date DAY      the business day (default: yesterday in each tenant's zone)",
            "  --tenant ID     one tenant (default: every configured tenant)",
            "  --config FILE   CallPulse's configuration (tenants and zones, dashboards.report)");

    private ReportCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Options o = Options.parse(args, Set.of("lake", "out", "date", "tenant", "config"), Set.of("help"));
        if (o.has("help")) {
            out.println(USAGE);
            return 0;
        }
        Path lake = Path.of(o.require("lake"));
        if (!Files.isDirectory(lake)) {
            throw new IllegalArgumentException("no lake at " + lake.toAbsolutePath());
        }
        Path outDir = Path.of(o.require("out"));
        LocalDate date = o.has("date") ? parseDate(o.get("date")) : null;
        DashboardsConfig config = DashboardsConfig.load(o.has("config") ? Path.of(o.get("config")) : null);
        List<String> tenants;
        if (o.has("tenant")) {
            if (config.tenant(o.get("tenant")) == null) {
                throw new IllegalArgumentException("no tenant " + o.get("tenant") + " in the configuration");
            }
            tenants = List.of(o.get("tenant"));
        } else {
            tenants = config.tenants().stream().map(DashboardsConfig.Tenant::id).toList();
        }
        try (ReportService reports = new ReportService(config, lake)) {
            for (String tenant : tenants) {
                LocalDate day = date != null ? date : reports.yesterday(tenant, Clock.systemUTC());
                Path dir = o.has("tenant") ? outDir : outDir.resolve(tenant);
                long t0 = System.nanoTime();
                ReportService.Rendered r = reports.render(tenant, day);
                Path html = write(dir, r);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                out.printf("%s %s: %d charts and %s (%,d bytes) in %d ms (lake %d ms, charts %d ms)%n", tenant, day, r.charts().size(),
                        html, Files.size(html), ms, r.queryMillis(), r.renderMillis());
            }
        }
        return 0;
    }

    static String fileName(String tenant, LocalDate date) {
        return "report-" + tenant + "-" + date + ".html";
    }

    /** Writes the charts and the mail file into {@code dir}; the HTML file's path. */
    static Path write(Path dir, ReportService.Rendered r) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> c : r.charts().entrySet()) {
            Files.write(dir.resolve(c.getKey() + ".png"), c.getValue());
        }
        Path html = dir.resolve(fileName(r.data().tenant(), r.data().date()));
        Files.writeString(html, ReportHtml.standalone(r), StandardCharsets.UTF_8);
        return html;
    }

    private static LocalDate parseDate(String s) {
        try {
            return LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new Options.UsageException("--date must be YYYY-MM-DD: " + s);
        }
    }
}
