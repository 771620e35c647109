package com.callpulse.reconcile;

import com.callpulse.model.QuarantineReason;
import com.callpulse.model.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The reconciliation of one run: per stream, records read, accepted, duplicates and rejected by reason. It is
 * written to {@code <lake>/_runs/<run id>.json} whenever a checkpoint completes, so it always matches what the
 * lake has committed, and logged when the run ends.
 */
public final class RunSummary {
    public static final String RUNS_DIR = "_runs";

    private final String runId;
    private final String source;
    private final String startedAt;
    private final String updatedAt;
    private final String status;
    private final Tallies tallies;

    public RunSummary(String runId, String source, String startedAt, String updatedAt, String status, Tallies tallies) {
        this.runId = runId;
        this.source = source;
        this.startedAt = startedAt;
        this.updatedAt = updatedAt;
        this.status = status;
        this.tallies = tallies;
    }

    public String runId() {
        return runId;
    }

    public String status() {
        return status;
    }

    /** What the run read, e.g. {@code files:/data/day}. */
    public String source() {
        return source;
    }

    public long get(Stream s, int counter) {
        return tallies.get(s, counter);
    }

    public long rejected(Stream s) {
        long n = 0;
        for (int c = 0; c < Outcome.count(); c++) {
            if (Outcome.isRejection(c)) {
                n += tallies.get(s, c);
            }
        }
        return n;
    }

    public long rejected(Stream s, QuarantineReason r) {
        return tallies.get(s, Outcome.of(r));
    }

    public long total(int counter) {
        long n = 0;
        for (Stream s : Stream.values()) {
            n += tallies.get(s, counter);
        }
        return n;
    }

    public long totalRejected() {
        long n = 0;
        for (Stream s : Stream.values()) {
            n += rejected(s);
        }
        return n;
    }

    /** read = accepted + duplicates + rejected, for every stream. */
    public boolean balanced() {
        for (Stream s : Stream.values()) {
            if (!balanced(s)) {
                return false;
            }
        }
        return true;
    }

    public boolean balanced(Stream s) {
        return get(s, Outcome.READ) == get(s, Outcome.ACCEPTED) + get(s, Outcome.DUPLICATE) + rejected(s);
    }

    public String toJson() {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("run_id", runId);
        root.put("source", source);
        root.put("started_at", startedAt);
        root.put("updated_at", updatedAt);
        root.put("status", status);
        root.put("balanced", balanced());
        ObjectNode streams = root.putObject("streams");
        for (Stream s : Stream.values()) {
            ObjectNode n = streams.putObject(s.code());
            n.put("read", get(s, Outcome.READ));
            n.put("accepted", get(s, Outcome.ACCEPTED));
            n.put("duplicates", get(s, Outcome.DUPLICATE));
            n.put("rejected", rejected(s));
            n.put("late_kept", get(s, Outcome.LATE_KEPT));
            ObjectNode reasons = n.putObject("rejected_by_reason");
            for (QuarantineReason r : QuarantineReason.values()) {
                if (r.isRejection() && rejected(s, r) > 0) {
                    reasons.put(r.code(), rejected(s, r));
                }
            }
        }
        ObjectNode totals = root.putObject("totals");
        totals.put("read", total(Outcome.READ));
        totals.put("accepted", total(Outcome.ACCEPTED));
        totals.put("duplicates", total(Outcome.DUPLICATE));
        totals.put("rejected", totalRejected());
        totals.put("late_kept", total(Outcome.LATE_KEPT));
        try {
            return m.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RunSummary fromJson(String json) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            Tallies t = new Tallies();
            Iterator<Map.Entry<String, JsonNode>> it = root.path("streams").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                Stream s = Stream.ofCode(e.getKey());
                JsonNode n = e.getValue();
                t.add(s, Outcome.READ, n.path("read").asLong());
                t.add(s, Outcome.ACCEPTED, n.path("accepted").asLong());
                t.add(s, Outcome.DUPLICATE, n.path("duplicates").asLong());
                t.add(s, Outcome.LATE_KEPT, n.path("late_kept").asLong());
                Iterator<Map.Entry<String, JsonNode>> rs = n.path("rejected_by_reason").fields();
                while (rs.hasNext()) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    t.add(s, Outcome.byName(r.getKey()), r.getValue().asLong());
                }
            }
            return new RunSummary(root.path("run_id").asText(), root.path("source").asText(), root.path("started_at").asText(),
                    root.path("updated_at").asText(), root.path("status").asText(), t);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixed-width table, one row per stream plus totals, then the rejections by reason. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        String row = "%-20s %12s %12s %11s %10s %10s%n";
        sb.append(String.format(Locale.ROOT, row, "stream", "read", "accepted", "duplicates", "rejected", "late kept"));
        for (Stream s : Stream.values()) {
            sb.append(String.format(Locale.ROOT, row, s.code(), n(get(s, Outcome.READ)), n(get(s, Outcome.ACCEPTED)),
                    n(get(s, Outcome.DUPLICATE)), n(rejected(s)), n(get(s, Outcome.LATE_KEPT))));
        }
        sb.append(String.format(Locale.ROOT, row, "total", n(total(Outcome.READ)), n(total(Outcome.ACCEPTED)),
                n(total(Outcome.DUPLICATE)), n(totalRejected()), n(total(Outcome.LATE_KEPT))));
        StringBuilder reasons = new StringBuilder();
        for (QuarantineReason r : QuarantineReason.values()) {
            long total = 0;
            for (Stream s : Stream.values()) {
                total += r.isRejection() ? rejected(s, r) : 0;
            }
            if (total > 0) {
                reasons.append(reasons.length() == 0 ? "" : ", ").append(r.code()).append(' ').append(n(total));
            }
        }
        sb.append("rejected by reason: ").append(reasons.length() == 0 ? "none" : reasons).append(System.lineSeparator());
        sb.append(balanced() ? "read = accepted + duplicates + rejected: holds for every stream" : "read = accepted + duplicates + rejected: DOES NOT HOLD");
        return sb.toString();
    }

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
