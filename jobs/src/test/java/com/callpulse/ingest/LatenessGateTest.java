package com.callpulse.ingest;

import com.callpulse.model.ContactEventType;
import com.callpulse.model.QuarantineReason;
import com.callpulse.model.Stream;
import com.callpulse.testing.Fixtures;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

class LatenessGateTest {
    private static final long BOUND = 30_000;
    private static final long LATENESS = 3_600_000;

    private static Ingested event(String origin, String id, long at) {
        return Ingested.accepted(Stream.CONTACT_EVENTS, origin, 1, Fixtures.contactEvent(id, at, "c1", ContactEventType.ARRIVED));
    }

    private static void send(OneInputStreamOperatorTestHarness<Ingested, Ingested> h, Ingested r) throws Exception {
        h.processElement(new StreamRecord<>(r, r.eventTime));
    }

    private static List<Ingested> refused(OneInputStreamOperatorTestHarness<Ingested, Ingested> h) {
        return java.util.Optional.ofNullable(h.getSideOutput(LatenessGate.REFUSED)).stream().flatMap(java.util.Collection::stream).map(StreamRecord::getValue).toList();
    }

    @Test
    void outOfOrderWithinTheBoundIsOnTimeAndBeyondItIsLateButKept() throws Exception {
        try (var h = ProcessFunctionTestHarnesses.forProcessFunction(new LatenessGate(BOUND, LATENESS))) {
            send(h, event("f1", "first", T0 - 1));
            send(h, event("f1", "newest", T0));
            send(h, event("f1", "jitter", T0 - 20_000));
            send(h, event("f1", "late", T0 - 20 * 60_000));
            List<Ingested> out = h.extractOutputValues();
            assertThat(out).extracting(r -> r.event().eventId).containsExactly("first", "newest", "jitter", "late");
            assertThat(out).extracting(r -> r.late).containsExactly(false, false, false, true);
        }
    }

    @Test
    void beyondBoundPlusLatenessIsTooLate() throws Exception {
        try (var h = ProcessFunctionTestHarnesses.forProcessFunction(new LatenessGate(BOUND, LATENESS))) {
            send(h, event("f1", "first", T0));
            send(h, event("f1", "newest", T0 + 1));
            send(h, event("f1", "edge", T0 - BOUND - LATENESS));
            send(h, event("f1", "old", T0 - BOUND - LATENESS - 1));
            assertThat(h.extractOutputValues()).extracting(r -> r.event().eventId).containsExactly("first", "newest", "edge");
            assertThat(refused(h)).singleElement().satisfies(r -> {
                assertThat(r.reason).isEqualTo(QuarantineReason.TOO_LATE);
                assertThat(r.eventId).isEqualTo("old");
                assertThat(r.streamTime).isEqualTo(T0);
                assertThat(r.raw).as("the refused event keeps its content").contains("\"event_id\":\"old\"");
            });
        }
    }

    @Test
    void eachOriginIsJudgedOnItsOwnProgress() throws Exception {
        try (var h = ProcessFunctionTestHarnesses.forProcessFunction(new LatenessGate(BOUND, LATENESS))) {
            send(h, event("partition-0", "ahead", T0 + 5 * LATENESS));
            send(h, event("partition-0", "ahead too", T0 + 5 * LATENESS));
            send(h, event("partition-1", "behind", T0));
            assertThat(h.extractOutputValues()).extracting(r -> r.late).containsExactly(false, false, false);
            assertThat(refused(h)).isEmpty();
        }
    }

    @Test
    void oneEventFromAFastClockDoesNotMakeItsNeighboursLate() throws Exception {
        try (var h = ProcessFunctionTestHarnesses.forProcessFunction(new LatenessGate(BOUND, LATENESS))) {
            send(h, event("f1", "a", T0));
            send(h, event("f1", "b", T0 + 1_000));
            send(h, event("f1", "clock two hours fast", T0 + 2 * LATENESS));
            send(h, event("f1", "c", T0 + 2_000));
            assertThat(h.extractOutputValues()).extracting(r -> r.late).containsExactly(false, false, false, false);
            assertThat(refused(h)).isEmpty();
        }
    }

    @Test
    void refusedRecordsPassWithTheirOriginsTime() throws Exception {
        try (var h = ProcessFunctionTestHarnesses.forProcessFunction(new LatenessGate(BOUND, LATENESS))) {
            send(h, event("f1", "first", T0));
            send(h, event("f1", "newest", T0 + 1));
            send(h, Ingested.refused(Stream.CONTACT_EVENTS, "f1", 2, QuarantineReason.MALFORMED_JSON, "malformed JSON: x", "{"));
            assertThat(refused(h)).singleElement().satisfies(r -> {
                assertThat(r.streamTime).isEqualTo(T0);
                assertThat(r.eventTime).isEqualTo(Long.MIN_VALUE);
            });
        }
    }

    @Test
    void progressSurvivesARestore() throws Exception {
        org.apache.flink.runtime.checkpoint.OperatorSubtaskState snapshot;
        try (var h = ProcessFunctionTestHarnesses.forProcessFunction(new LatenessGate(BOUND, LATENESS))) {
            send(h, event("f1", "first", T0));
            send(h, event("f1", "newest", T0 + 1));
            snapshot = h.snapshot(1, 1);
        }
        try (var h = new OneInputStreamOperatorTestHarness<Ingested, Ingested>(
                new org.apache.flink.streaming.api.operators.ProcessOperator<>(new LatenessGate(BOUND, LATENESS)))) {
            h.setup();
            h.initializeState(snapshot);
            h.open();
            send(h, event("f1", "old", T0 - 2 * LATENESS));
            assertThat(refused(h)).singleElement().extracting(r -> r.reason).isEqualTo(QuarantineReason.TOO_LATE);
        }
    }
}
