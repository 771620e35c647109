package com.callpulse.ingest;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.callpulse.ingest.OriginClock.Verdict.LATE;
import static com.callpulse.ingest.OriginClock.Verdict.ON_TIME;
import static com.callpulse.ingest.OriginClock.Verdict.TOO_LATE;
import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

class OriginClockTest {
    private static final long BOUND = 30_000;
    private static final long LATENESS = 3_600_000;
    private static final long HOUR = 3_600_000;

    @Test
    void theTimeReachedIsTheSecondNewestEvent() {
        OriginClock c = new OriginClock();
        assertThat(c.time()).isEqualTo(Long.MIN_VALUE);
        c.observe(T0);
        assertThat(c.time()).as("one event sets no time").isEqualTo(Long.MIN_VALUE);
        c.observe(T0 + 10);
        assertThat(c.time()).isEqualTo(T0);
        c.observe(T0 + 5);
        assertThat(c.time()).isEqualTo(T0 + 5);
        c.observe(T0 + 20);
        assertThat(c.time()).isEqualTo(T0 + 10);
    }

    @Test
    void oneEventFromAClockHoursAheadDoesNotMakeTheOthersLate() {
        OriginClock c = new OriginClock();
        c.observe(T0);
        c.observe(T0 + 1_000);
        c.observe(T0 + 2 * HOUR); // a producer with its clock two hours fast
        assertThat(c.judge(T0 + 2_000, BOUND, LATENESS)).isEqualTo(ON_TIME);
        c.observe(T0 + 2 * HOUR + 1); // a second one: now the origin has really moved on
        assertThat(c.judge(T0 + 2_000, BOUND, LATENESS)).isEqualTo(TOO_LATE);
    }

    @Test
    void verdictsAtTheBoundaries() {
        OriginClock c = new OriginClock(T0 + 1, T0);
        assertThat(c.judge(T0 - BOUND, BOUND, LATENESS)).isEqualTo(ON_TIME);
        assertThat(c.judge(T0 - BOUND - 1, BOUND, LATENESS)).isEqualTo(LATE);
        assertThat(c.judge(T0 - BOUND - LATENESS, BOUND, LATENESS)).isEqualTo(LATE);
        assertThat(c.judge(T0 - BOUND - LATENESS - 1, BOUND, LATENESS)).isEqualTo(TOO_LATE);
    }

    @Test
    void theWatermarkFollowsTheSameTimeAndIgnoresRefusedRecords() {
        IngestWatermarks w = new IngestWatermarks(BOUND);
        List<Long> emitted = new ArrayList<>();
        WatermarkOutput out = new WatermarkOutput() {
            @Override
            public void emitWatermark(Watermark watermark) {
                emitted.add(watermark.getTimestamp());
            }

            @Override
            public void markIdle() {}

            @Override
            public void markActive() {}
        };
        Ingested refused = Ingested.refused(com.callpulse.model.Stream.CONTACT_EVENTS, "f", 1, com.callpulse.model.QuarantineReason.UNKNOWN_TENANT, "x", "{}");
        refused.eventTime = T0 + 99 * HOUR; // a refused record's time, read but not trusted
        w.onEvent(refused, Long.MIN_VALUE, out);
        w.onEvent(accepted(T0), T0, out);
        w.onPeriodicEmit(out);
        assertThat(emitted).isEmpty();
        w.onEvent(accepted(T0 + 5 * HOUR), T0, out);
        w.onEvent(accepted(T0 + 1_000), T0, out);
        w.onPeriodicEmit(out);
        assertThat(emitted).containsExactly(T0 + 1_000 - BOUND - 1);
    }

    private static Ingested accepted(long t) {
        return Ingested.accepted(com.callpulse.model.Stream.CONTACT_EVENTS, "f", 1,
                com.callpulse.testing.Fixtures.contactEvent("e" + t, t, "c", com.callpulse.model.ContactEventType.ARRIVED));
    }
}
