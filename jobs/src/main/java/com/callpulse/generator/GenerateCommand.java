package com.callpulse.generator;

import com.callpulse.app.Args;
import com.callpulse.config.CallPulseConfig;
import com.callpulse.model.Stream;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code ./callpulse generate}: simulate hotline days and write the five input streams to files or Kafka. */
public final class GenerateCommand {
    private static final Set<String> OPTIONS = Set.of("date", "days", "contacts", "seed", "faults", "config", "out", "shard-hours", "kafka", "rate", "speed");
    private static final Set<String> FLAGS = Set.of("help");

    static final String USAGE = String.join("\n",
            "Usage: callpulse generate --date YYYY-MM-DD (--out DIR | --kafka HOST:PORT) [options]",
            "",
            "Simulates a telecom hotline day by day and writes its five input streams (contact_events, contact_records,",
            "agent_state_events, complaint_events, survey_responses) with injected faults. Same settings, same output.",
            "",
            "  --date D          first business day (required)",
            "  --days N          number of days (default 1)",
            "  --contacts N      inbound customer contacts per day over all tenants (default 300000)",
            "  --seed N          random seed (default 7)",
            "  --faults F        share of lines carrying one injected fault (default 0.01; 0 disables)",
            "  --config FILE     CallPulse YAML configuration (tenants, time zones, Kafka topics)",
            "",
            "Files:",
            "  --out DIR         write DIR/<stream>/<stream>-<yyyyMMddTHH>.jsonl.gz and DIR/manifest.json",
            "  --shard-hours H   hours of emission time per file: 1, 2, 3, 4, 6, 8, 12 or 24 (default 24)",
            "",
            "Kafka:",
            "  --kafka HOST:PORT produce to the configured topics instead of writing files",
            "  --rate N          at most N lines per second",
            "  --speed X         pace by event time, X times real time (1 = real time, 60 = a minute per second)",
            "",
            "  --help            show this help");

    private GenerateCommand() {}

    /** Runs the command on its own, e.g. before a launcher dispatches to it. */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Args a;
        GeneratorSettings settings;
        KafkaLineSink.Pacer pacer;
        try {
            a = Args.parse(args, OPTIONS, FLAGS);
            if (a.has("help")) {
                out.println(USAGE);
                return 0;
            }
            if (!a.positional().isEmpty()) {
                throw new Args.UsageException("unexpected argument '" + a.positional().get(0) + "'");
            }
            settings = settings(a);
            if (a.has("out") == a.has("kafka")) {
                throw new Args.UsageException("give exactly one of --out DIR and --kafka HOST:PORT");
            }
            if (a.has("rate") && a.has("speed")) {
                throw new Args.UsageException("give at most one of --rate and --speed");
            }
            if (!a.has("kafka") && (a.has("rate") || a.has("speed"))) {
                throw new Args.UsageException("--rate and --speed pace Kafka output; they need --kafka");
            }
            if (a.has("kafka") && a.has("shard-hours")) {
                throw new Args.UsageException("--shard-hours applies to files; it needs --out");
            }
            pacer = a.has("rate") ? KafkaLineSink.Pacer.rate(positive(a.getDouble("rate", 0), "--rate"))
                    : a.has("speed") ? KafkaLineSink.Pacer.speed(positive(a.getDouble("speed", 0), "--speed")) : KafkaLineSink.Pacer.unlimited();
        } catch (Args.UsageException | IllegalArgumentException | UncheckedIOException e) {
            err.println("generate: " + e.getMessage());
            err.println("Run 'callpulse generate --help' for the options.");
            return 2;
        }
        ProgressBar bar = new ProgressBar(err, System.nanoTime());
        try {
            return a.has("out") ? toFiles(settings, Path.of(a.get("out")), bar, out) : toKafka(settings, a.get("kafka"), pacer, bar, out);
        } catch (RuntimeException e) {
            bar.finish();
            err.println("generate: " + e.getMessage());
            return 1;
        }
    }

    private static GeneratorSettings settings(Args a) {
        LocalDate date;
        try {
            date = LocalDate.parse(a.required("date"));
        } catch (DateTimeParseException e) {
            throw new Args.UsageException("--date must be a date like 2026-11-20, got '" + a.get("date") + "'");
        }
        Path configFile = a.has("config") ? Path.of(a.get("config")) : null;
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new Args.UsageException("--config: no such file " + configFile);
        }
        CallPulseConfig config = CallPulseConfig.load(configFile, System.getenv());
        int days = a.getInt("days", 1);
        int contacts = a.getInt("contacts", 300_000);
        double faults = a.getDouble("faults", 0.01);
        if (contacts > 50_000_000) {
            throw new Args.UsageException("--contacts is per day; at most 50000000");
        }
        return new GeneratorSettings(date, days, contacts, a.getLong("seed", 7), faults, a.getInt("shard-hours", 24), config);
    }

    private static int toFiles(GeneratorSettings s, Path dir, ProgressBar bar, PrintStream out) {
        FileLineSink files = new FileLineSink(dir, s.shardHours());
        ExpectedTally tally = new ExpectedTally(files);
        HotlineSimulator sim = new HotlineSimulator(s);
        HotlineSimulator.Summary summary = sim.run(tally, Origins.fileShards(s.shardHours()), number -> {}, bar);
        bar.finish();
        Manifest.write(dir.resolve("manifest.json"), s, sim.tenantShares(), summary, tally, files.files());
        long bytes = 0;
        for (FileLineSink.FileInfo f : files.files()) {
            try {
                bytes += Files.size(dir.resolve(f.path()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        report(out, s, summary, tally, bar.start);
        out.printf(Locale.ROOT, "  wrote %d files (%.1f MB gzip) under %s; manifest.json lists them with their expected outcomes%n", files.files().size(),
                bytes / 1e6, dir);
        return 0;
    }

    private static int toKafka(GeneratorSettings s, String bootstrap, KafkaLineSink.Pacer pacer, ProgressBar bar, PrintStream out) {
        KafkaLineSink kafka = KafkaLineSink.connect(bootstrap, s.config().kafka(), pacer);
        ExpectedTally tally = new ExpectedTally(kafka);
        HotlineSimulator.Summary summary = new HotlineSimulator(s).run(tally, kafka, number -> {}, bar);
        bar.finish();
        report(out, s, summary, tally, bar.start);
        StringBuilder topics = new StringBuilder();
        for (Stream st : Stream.values()) {
            topics.append(topics.length() == 0 ? "" : ", ").append(kafka.topic(st));
        }
        out.println("  produced to " + bootstrap + ": " + topics);
        return 0;
    }

    private static double positive(double v, String option) {
        if (!(v > 0)) {
            throw new Args.UsageException(option + " must be positive");
        }
        return v;
    }

    private static void report(PrintStream out, GeneratorSettings s, HotlineSimulator.Summary sum, ExpectedTally tally, long t0) {
        double secs = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "Generated %d day%s from %s: %,d contacts/day, seed %d, faults %.2f%%, in %.1f s (%,.0f lines/s)%n", s.days(),
                s.days() == 1 ? "" : "s", s.date(), s.contactsPerDay(), s.seed(), s.faultRate() * 100, secs, tally.total().lines / Math.max(secs, 1e-3));
        out.printf(Locale.ROOT, "  %-20s %12s %12s %9s %11s %10s%n", "stream", "lines", "accepted", "late", "duplicates", "rejected");
        for (Stream st : Stream.values()) {
            row(out, st.code(), tally.of(st));
        }
        row(out, "total", tally.total());
        StringBuilder f = new StringBuilder();
        for (Map.Entry<Fault, Long> e : tally.faults().entrySet()) {
            f.append(f.length() == 0 ? "" : ", ").append(e.getKey().code()).append(' ').append(String.format(Locale.ROOT, "%,d", e.getValue()));
        }
        out.printf(Locale.ROOT, "  faults (%,d lines): %s%n", tally.faultyLines(), f.length() == 0 ? "none" : f);
        out.printf(Locale.ROOT, "  simulated %,d inbound contacts, %,d callbacks, %,d agents, %,d complaints, %,d survey responses%n", sum.inboundContacts(),
                sum.outboundCallbacks(), sum.agents(), sum.complaints(), sum.surveys());
    }

    private static void row(PrintStream out, String name, ExpectedTally.Counts c) {
        out.printf(Locale.ROOT, "  %-20s %,12d %,12d %,9d %,11d %,10d%n", name, c.lines, c.accepted, c.lateKept, c.duplicates, c.rejectedTotal());
    }

    /**
     * One line on stderr, redrawn at most five times a second, only once the run has taken two seconds. When stderr is
     * not a terminal (CI, a log file), a plain line every ten seconds instead of redraws.
     */
    private static final class ProgressBar implements HotlineSimulator.Progress {
        private final PrintStream err;
        final long start;
        private final boolean terminal = System.console() != null;
        private long lastDraw;
        private boolean drawn;

        ProgressBar(PrintStream err, long start) {
            this.err = err;
            this.start = start;
        }

        @Override
        public void update(double fraction, long contacts, long lines) {
            long t = System.nanoTime();
            if (t - start < 2_000_000_000L || t - lastDraw < (terminal ? 200_000_000L : 10_000_000_000L)) {
                return;
            }
            lastDraw = t;
            drawn = true;
            int filled = (int) Math.round(fraction * 30);
            double secs = (t - start) / 1e9;
            err.printf(Locale.ROOT, "%s[%s%s] %5.1f%% simulated | %,d contacts | %,.0f lines/s   %s", terminal ? "\r" : "", "#".repeat(filled),
                    ".".repeat(30 - filled), fraction * 100, contacts, lines / secs, terminal ? "" : System.lineSeparator());
            err.flush();
        }

        void finish() {
            if (drawn && terminal) {
                err.println();
                drawn = false;
            }
        }
    }
}
