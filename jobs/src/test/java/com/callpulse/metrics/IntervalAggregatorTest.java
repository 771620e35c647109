package com.callpulse.metrics;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.metrics.queue.QueueInterval;
import com.callpulse.metrics.queue.QueueIntervals;
import com.callpulse.model.ContactOutcome;
import com.callpulse.model.ContactRecord;
import com.callpulse.testing.Fixtures;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** Interval finalization, restatement and clean-up, with queue_intervals as the metric. */
class IntervalAggregatorTest {
    private static final long MIN = 60_000;
    private static final long LATENESS = 20 * MIN;   // shipped default
    private static final long HORIZON = 180 * MIN;
    private final QueueIntervals metric = new QueueIntervals();
    private KeyedOneInputStreamOperatorTestHarness<String, ContactRecord, QueueInterval> h;

    @BeforeEach
    void open() throws Exception {
        CallPulseConfig config = Fixtures.config();
        h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new IntervalAggregator<>(metric, config), metric::key, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    /** An answered leg of queue general that ended at {@code endedAt} after {@code wait} seconds in queue. */
    private void leg(String id, long endedAt, int wait) throws Exception {
        ContactRecord r = Fixtures.contactRecord(id, endedAt, "c-" + id);
        r.queueWaitSeconds = wait;
        h.processElement(new StreamRecord<>(r, r.occurredAt));
    }

    private void abandoned(String id, long endedAt, int wait) throws Exception {
        ContactRecord r = Fixtures.contactRecord(id, endedAt, "c-" + id);
        r.outcome = ContactOutcome.ABANDONED;
        r.agentId = null;
        r.answeredAt = null;
        r.queueWaitSeconds = wait;
        h.processElement(new StreamRecord<>(r, r.occurredAt));
    }

    private List<QueueInterval> rows() {
        return h.extractOutputValues();
    }

    @Test
    void anIntervalIsWrittenOnceTheWatermarkPassesItsEndPlusTheLateness() throws Exception {
        // T0 is 09:00 Shanghai: the interval 09:00-09:15
        leg("a", T0 + 2 * MIN, 10);
        leg("b", T0 + 5 * MIN, 25);
        abandoned("c", T0 + 7 * MIN, 3);
        h.processWatermark(new Watermark(T0 + 15 * MIN + LATENESS - 1));
        assertThat(rows()).isEmpty();
        h.processWatermark(new Watermark(T0 + 15 * MIN + LATENESS));
        assertThat(rows()).singleElement().satisfies(r -> {
            assertThat(r.intervalStart).isEqualTo(T0);
            assertThat(r.intervalEnd).isEqualTo(T0 + 15 * MIN);
            assertThat(r.version).isEqualTo(1);
            assertThat(r.restated).isFalse();
            assertThat(r.offered).isEqualTo(3);
            assertThat(r.answered).isEqualTo(2);
            assertThat(r.answeredWithin).as("T = 20 s").isEqualTo(1);
            assertThat(r.shortAbandoned).as("Ts = 5 s").isEqualTo(1);
            assertThat(r.serviceLevel).as("answered within / offered").isEqualTo(1.0 / 3);
            assertThat(r.asaSeconds).isEqualTo(17.5);
        });
    }

    @Test
    void aLateEventRestatesAFinalIntervalWithTheNextVersion() throws Exception {
        leg("a", T0 + 2 * MIN, 10);
        h.processWatermark(new Watermark(T0 + 40 * MIN));
        assertThat(rows()).extracting(r -> r.version).containsExactly(1);
        leg("late-1", T0 + 3 * MIN, 10);
        leg("late-2", T0 + 4 * MIN, 60);
        h.processWatermark(new Watermark(T0 + 40 * MIN + IntervalAggregator.RESTATE_DELAY_MILLIS));
        assertThat(rows()).hasSize(2);
        QueueInterval restated = rows().get(1);
        assertThat(restated.version).isEqualTo(2);
        assertThat(restated.restated).isTrue();
        assertThat(restated.offered).as("both late legs in one restatement").isEqualTo(3);
        assertThat(rows().get(0).offered).as("the first version is not changed afterwards").isEqualTo(1);
    }

    @Test
    void aLateEventInAnIntervalThatHadNoRowStartsOneAsARestatement() throws Exception {
        h.processWatermark(new Watermark(T0 + 60 * MIN));
        leg("late", T0 + 2 * MIN, 10);
        h.processWatermark(new Watermark(T0 + 62 * MIN));
        assertThat(rows()).singleElement().satisfies(r -> {
            assertThat(r.version).isEqualTo(1);
            assertThat(r.restated).isTrue();
            assertThat(r.offered).isEqualTo(1);
        });
    }

    @Test
    void stateAndTimersAreGoneOnceTheRestatementHorizonHasPassed() throws Exception {
        leg("a", T0 + 2 * MIN, 10);
        leg("b", T0 + 20 * MIN, 10);
        assertThat(h.numKeyedStateEntries()).isPositive();
        h.processWatermark(new Watermark(T0 + 30 * MIN + LATENESS + HORIZON));
        assertThat(rows()).hasSize(2);
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        // past the horizon an event is not counted (ingestion refuses such events long before)
        leg("too-old", T0 + 2 * MIN, 10);
        h.processWatermark(new Watermark(Long.MAX_VALUE));
        assertThat(rows()).hasSize(2);
        assertThat(h.numKeyedStateEntries()).isZero();
    }

    /** One answered leg every 5 minutes through the business day {@code date} of tenant {@code tenant}. */
    private List<QueueInterval> aDayOfLegs(String tenant, java.time.ZoneId zone, String date) throws Exception {
        long start = java.time.LocalDate.parse(date).atStartOfDay(zone).toInstant().toEpochMilli();
        long end = java.time.LocalDate.parse(date).plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        int n = 0;
        for (long t = start + 60_000; t < end; t += 5 * MIN) {
            ContactRecord r = Fixtures.contactRecord("r" + n, t, "c" + n++);
            r.tenantId = tenant;
            h.processElement(new StreamRecord<>(r, r.occurredAt));
        }
        h.processWatermark(new Watermark(Long.MAX_VALUE));
        return rows();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "cmcc-ah, Asia/Shanghai, 2026-11-20, 96",
        "roam-eu, Europe/Berlin, 2026-11-20, 96",
        "roam-eu, Europe/Berlin, 2026-03-29, 92",   // 23-hour day: 02:00-03:00 does not exist
        "roam-eu, Europe/Berlin, 2026-10-25, 100",  // 25-hour day: 02:00-03:00 twice
    })
    void aBusinessDayHasOneRowPerLocalQuarterHourAllOnItsOwnDate(String tenant, String zone, String date, int quarterHours) throws Exception {
        List<QueueInterval> day = aDayOfLegs(tenant, java.time.ZoneId.of(zone), date);
        assertThat(day).hasSize(quarterHours);
        assertThat(day).allSatisfy(r -> {
            assertThat(r.intervalEnd - r.intervalStart).isEqualTo(15 * MIN);
            assertThat(java.time.Instant.ofEpochMilli(r.intervalStart).atZone(java.time.ZoneId.of(zone)).toLocalDate()).hasToString(date);
            assertThat(r.offered).isEqualTo(3);
        });
        assertThat(day.stream().mapToLong(r -> r.offered).sum()).as("every leg counted once").isEqualTo(quarterHours * 3L);
        assertThat(h.numKeyedStateEntries()).isZero();
    }
}
