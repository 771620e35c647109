package com.callpulse.generator;

import com.callpulse.ingest.EventParser;
import com.callpulse.ingest.Ingested;
import com.callpulse.model.QuarantineReason;
import com.callpulse.model.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every injected fault must lead ingestion to exactly the outcome its expectation states. */
class FaultsTest {
    private static final double RATE = 0.05;
    private static final long HOUR = 3_600_000;
    private static final long BOUND = 30_000;
    private static final long LATENESS = HOUR;

    private static Recording day;

    @BeforeAll
    static void simulate() {
        day = Recording.of(GeneratorSettings.of(LocalDate.parse("2026-11-20"), 1, 4000, 11, RATE).withShardHours(1));
    }

    @Test
    void everyLineParsesAsExpected() {
        EventParser parser = day.parser();
        Map<Fault, Integer> checked = new EnumMap<>(Fault.class);
        for (Recording.Line l : day.lines) {
            Ingested r = parser.parse(l.stream(), l.text(), "test", 0);
            Expectation e = l.expectation();
            if (e.fault() != null && e.fault().inContent()) {
                assertThat(r.reason).as("%s: %s", e.fault(), l.text()).isEqualTo(e.reason());
            } else {
                assertThat(r.isRefused()).as("%s refused as %s (%s): %s", e, r.reason, r.detail, l.text()).isFalse();
            }
            if (e.fault() != null) {
                checked.merge(e.fault(), 1, Integer::sum);
            }
        }
        assertThat(checked.keySet()).containsExactlyInAnyOrder(Fault.values());
    }

    @Test
    void faultsTakeTheirShareOfTheLines() {
        long faulty = day.lines.stream().filter(l -> l.expectation().fault() != null).count();
        assertThat(faulty / (double) day.lines.size()).isBetween(RATE * 0.85, RATE * 1.15);
        Map<Fault, Integer> perClass = new EnumMap<>(Fault.class);
        day.lines.stream().filter(l -> l.expectation().fault() != null).forEach(l -> perClass.merge(l.expectation().fault(), 1, Integer::sum));
        double fair = faulty / (double) Fault.values().length;
        perClass.forEach((fault, n) -> assertThat(n).as("%s", fault).isBetween((int) (fair * 0.6), (int) (fair * 1.4)));
        assertThat(day.lines.stream().filter(l -> l.expectation().fault() == Fault.TOO_LATE)
                .filter(l -> l.stream() == Stream.COMPLAINT_EVENTS || l.stream() == Stream.SURVEY_RESPONSES).count()).as("too late on sparse streams").isZero();
    }

    @Test
    void linesComeInEmissionOrderAndDelaysHaveTheirSize() {
        EventParser parser = day.parser();
        Map<Stream, Long> last = new EnumMap<>(Stream.class);
        for (Recording.Line l : day.lines) {
            assertThat(l.emitAt()).isGreaterThanOrEqualTo(last.getOrDefault(l.stream(), Long.MIN_VALUE));
            last.put(l.stream(), l.emitAt());
            Expectation e = l.expectation();
            if (e.fault() != null && e.fault().inContent() || e.verdict() == Expectation.Verdict.DUPLICATE) {
                continue;
            }
            long delay = l.emitAt() - parser.parse(l.stream(), l.text(), "test", 0).eventTime;
            if (e.fault() == null) {
                assertThat(delay).isBetween(0L, 2_000L);
            } else if (e.fault() == Fault.LATE) {
                assertThat(delay).isBetween(2 * 60_000L, 40 * 60_000L);
            } else if (e.fault() == Fault.TOO_LATE) {
                assertThat(delay).isBetween(2 * HOUR, 4 * HOUR);
                assertThat(l.emitAt() % HOUR).as("not in a shard's first 15 minutes").isGreaterThanOrEqualTo(15 * 60_000L);
            } else {
                assertThat(delay).as("%s", e).isBetween(3_000L, 40 * 60_000L);
            }
        }
    }

    /** Replays ingestion's lateness gate (per file, newest event so far) and de-duplication on the emitted order. */
    @Test
    void lateTooLateAndDuplicateVerdictsMatchAReplayOfIngestion() {
        EventParser parser = day.parser();
        Map<String, Long> newest = new HashMap<>();
        Map<String, Long> firstSeen = new HashMap<>();
        int late = 0;
        int duplicates = 0;
        for (Recording.Line l : day.lines) {
            Ingested r = parser.parse(l.stream(), l.text(), "test", 0);
            if (r.isRefused()) {
                continue;
            }
            String origin = l.stream().code() + "/" + Math.floorDiv(l.emitAt(), HOUR);
            Long max = newest.get(origin);
            long behind = max == null ? Long.MIN_VALUE : max - r.eventTime;
            Expectation e = l.expectation();
            if (behind > BOUND + LATENESS) {
                assertThat(e.reason()).as("%s", l.text()).isEqualTo(QuarantineReason.TOO_LATE);
                continue;
            }
            assertThat(e.reason()).isNotEqualTo(QuarantineReason.TOO_LATE);
            if (max == null || r.eventTime > max) {
                newest.put(origin, r.eventTime);
            }
            String id = l.stream() + "/" + r.event().eventId;
            Long seen = firstSeen.putIfAbsent(id, l.emitAt());
            if (seen != null) {
                assertThat(e.verdict()).isEqualTo(Expectation.Verdict.DUPLICATE);
                assertThat(l.emitAt() - seen).isBetween(1_000L, 120_000L);
                assertThat(Math.floorDiv(l.emitAt(), HOUR)).as("the copy stays in the original's file").isEqualTo(Math.floorDiv(seen, HOUR));
                duplicates++;
                continue;
            }
            assertThat(e.verdict()).isEqualTo(Expectation.Verdict.ACCEPTED);
            assertThat(e.late()).as("%s behind %d ms: %s", e, behind, l.text()).isEqualTo(behind > BOUND);
            if (e.late()) {
                late++;
            }
        }
        assertThat(late).isGreaterThan(50);
        assertThat(duplicates).isGreaterThan(50);
    }
}
