package com.callpulse.testing;

import com.callpulse.generator.Expectation;
import com.callpulse.generator.LineSink;
import com.callpulse.model.Stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Tallies the generator's expectation for every line it emits, and passes the line on. */
public final class ExpectedOutcomes {
    private final Map<Stream, List<String>> accepted = new TreeMap<>();
    private final Map<String, Long> rejected = new TreeMap<>();
    private final Map<String, Long> duplicates = new TreeMap<>();
    private final Map<Stream, Long> lines = new TreeMap<>();
    private final Map<Stream, Long> late = new TreeMap<>();
    private final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

    public LineSink tee(LineSink next) {
        return new LineSink() {
            @Override
            public void accept(Stream stream, long emitAt, String key, String line, Expectation e) {
                record(stream, line, e);
                next.accept(stream, emitAt, key, line, e);
            }

            @Override
            public void close() {
                next.close();
            }
        };
    }

    private void record(Stream s, String line, Expectation e) {
        lines.merge(s, 1L, Long::sum);
        switch (e.verdict()) {
            case ACCEPTED:
                try {
                    accepted.computeIfAbsent(s, k -> new ArrayList<>()).add(json.readTree(line).get("event_id").asText());
                } catch (Exception ex) {
                    throw new AssertionError(ex);
                }
                if (e.late()) {
                    late.merge(s, 1L, Long::sum);
                }
                break;
            case DUPLICATE:
                duplicates.merge(s.code(), 1L, Long::sum);
                break;
            default:
                rejected.merge(s.code() + "|" + e.reason().code(), 1L, Long::sum);
        }
    }

    public List<String> acceptedIds(Stream s) {
        List<String> ids = new ArrayList<>(accepted.getOrDefault(s, List.of()));
        ids.sort(null);
        return ids;
    }

    /** What the quarantine table must hold, counted by {@code "<stream>|<reason>"} (duplicates included). */
    public Map<String, Long> quarantineCounts() {
        Map<String, Long> all = new TreeMap<>(rejected);
        duplicates.forEach((s, n) -> all.put(s + "|duplicate", n));
        return all;
    }

    public Map<String, Long> rejectedByReason() {
        return rejected;
    }

    public Map<String, Long> duplicatesByStream() {
        return duplicates;
    }

    public long duplicates() {
        return duplicates.values().stream().mapToLong(Long::longValue).sum();
    }

    public long lines(Stream s) {
        return lines.getOrDefault(s, 0L);
    }

    public long totalLines() {
        return lines.values().stream().mapToLong(Long::longValue).sum();
    }

    public long lateAccepted() {
        return late.values().stream().mapToLong(Long::longValue).sum();
    }

    public long lateAccepted(Stream s) {
        return late.getOrDefault(s, 0L);
    }
}
