package com.callpulse.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Compares a run's reconciliation ({@code <lake>/_runs/*.json}) with what the generator's manifest says ingestion
 * must do with every line: the demo proves itself instead of asking to be believed. Reads both as the documented
 * JSON; no job code.
 */
public final class RunCheck {
    private static final List<String> COUNTERS = List.of("accepted", "duplicates", "rejected", "late_kept");

    private RunCheck() {}

    /** True when the lake's only run matches the manifest stream by stream; says what differs otherwise. */
    public static boolean matches(Path lake, Path manifest, PrintStream out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Path> runs;
        try (Stream<Path> s = Files.list(lake.resolve("_runs"))) {
            runs = s.filter(p -> p.toString().endsWith(".json")).toList();
        }
        if (runs.size() != 1) {
            out.println("expected one run in " + lake.resolve("_runs") + ", found " + runs.size());
            return false;
        }
        JsonNode run = json.readTree(runs.get(0).toFile());
        JsonNode expected = json.readTree(manifest.toFile()).path("streams");
        boolean ok = run.path("balanced").asBoolean(false) && "complete".equals(run.path("status").asText());
        long lines = 0;
        for (var it = expected.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode actual = run.path("streams").path(e.getKey());
            lines += e.getValue().path("lines").asLong();
            if (actual.path("read").asLong() != e.getValue().path("lines").asLong()) {
                out.printf(Locale.ROOT, "%s: read %d, the manifest has %d lines%n", e.getKey(), actual.path("read").asLong(), e.getValue().path("lines").asLong());
                ok = false;
            }
            for (String c : COUNTERS) {
                if (actual.path(c).asLong() != e.getValue().path(c).asLong()) {
                    out.printf(Locale.ROOT, "%s: %s %d, expected %d%n", e.getKey(), c, actual.path(c).asLong(), e.getValue().path(c).asLong());
                    ok = false;
                }
            }
            if (!actual.path("rejected_by_reason").equals(e.getValue().path("rejected_by_reason"))) {
                out.printf(Locale.ROOT, "%s: rejected by reason %s, expected %s%n", e.getKey(), actual.path("rejected_by_reason"), e.getValue().path("rejected_by_reason"));
                ok = false;
            }
        }
        out.printf(Locale.ROOT, ok
                ? "Checked against %s: all %,d lines reached the outcome the generator planned for them.%n"
                : "Checked against %s: the run does NOT match the expected outcomes (%,d lines).%n", manifest.getFileName(), lines);
        return ok;
    }
}
