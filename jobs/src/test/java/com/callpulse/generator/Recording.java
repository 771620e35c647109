package com.callpulse.generator;

import com.callpulse.ingest.EventParser;
import com.callpulse.ingest.Ingested;
import com.callpulse.model.Event;
import com.callpulse.model.Stream;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** A generated day held in memory: every line with its expectation, the phone numbers reported, and parsed events. */
final class Recording {
    record Line(Stream stream, long emitAt, String key, String text, Expectation expectation) {}

    final GeneratorSettings settings;
    final List<Line> lines = new ArrayList<>();
    final Set<String> phoneNumbers = new HashSet<>();
    final HotlineSimulator.Summary summary;
    final Set<String> tenantIds = new HashSet<>();

    private Recording(GeneratorSettings settings) {
        this.settings = settings;
        settings.tenants().forEach(t -> tenantIds.add(t.id()));
        this.summary = new HotlineSimulator(settings).run((stream, emitAt, key, text, expectation) -> lines.add(new Line(stream, emitAt, key, text, expectation)),
                phoneNumbers::add, null);
    }

    static Recording of(int contacts, long seed, double faults) {
        return new Recording(GeneratorSettings.of(LocalDate.parse("2026-11-20"), 1, contacts, seed, faults));
    }

    static Recording of(GeneratorSettings settings) {
        return new Recording(settings);
    }

    EventParser parser() {
        return com.callpulse.testing.Fixtures.parser(tenantIds);
    }

    /** Parsed events of the accepted lines of a stream. */
    @SuppressWarnings("unchecked")
    <T extends Event> List<T> accepted(Stream stream) {
        EventParser parser = parser();
        List<T> out = new ArrayList<>();
        for (Line l : lines) {
            if (l.stream() == stream && l.expectation().accepted()) {
                Ingested r = parser.parse(stream, l.text(), "test", 0);
                if (r.isRefused()) {
                    throw new AssertionError("an accepted line was refused (" + r.reason + ": " + r.detail + "): " + l.text());
                }
                out.add((T) r.event());
            }
        }
        return out;
    }

    List<Line> lines(Predicate<Line> which) {
        List<Line> out = new ArrayList<>();
        for (Line l : lines) {
            if (which.test(l)) {
                out.add(l);
            }
        }
        return out;
    }
}
