package com.callpulse.ingest;

import com.callpulse.model.ContactEventType;
import com.callpulse.model.QuarantineReason;
import com.callpulse.model.Stream;
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

class DeduplicateFunctionTest {
    private static final long HORIZON = 3_630_000; // 30 s bound + 1 h lateness
    private KeyedOneInputStreamOperatorTestHarness<String, Ingested, Ingested> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new DeduplicateFunction(HORIZON), Ingested::dedupKey, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static Ingested event(String id, long at) {
        return Ingested.accepted(Stream.CONTACT_EVENTS, "f", 1, Fixtures.contactEvent(id, at, "c1", ContactEventType.ARRIVED));
    }

    private void send(Ingested r) throws Exception {
        harness.processElement(new StreamRecord<>(r, r.eventTime));
    }

    private List<Ingested> quarantined() {
        return java.util.Optional.ofNullable(harness.getSideOutput(DeduplicateFunction.QUARANTINE)).stream().flatMap(java.util.Collection::stream).map(StreamRecord::getValue).toList();
    }

    @Test
    void theFirstDeliveryPassesAndLaterOnesAreDuplicates() throws Exception {
        send(event("e1", T0));
        send(event("e2", T0));
        send(event("e1", T0));
        assertThat(harness.extractOutputValues()).extracting(r -> r.event().eventId).containsExactly("e1", "e2");
        assertThat(quarantined()).singleElement().satisfies(r -> {
            assertThat(r.reason).isEqualTo(QuarantineReason.DUPLICATE);
            assertThat(r.eventId).isEqualTo("e1");
        });
    }

    @Test
    void theSameIdInAnotherTenantOrStreamIsNotADuplicate() throws Exception {
        send(event("e1", T0));
        Ingested other = event("e1", T0);
        other.contactEvent.tenantId = Fixtures.EU_TENANT;
        send(other);
        send(Ingested.accepted(Stream.AGENT_STATE_EVENTS, "f", 1, Fixtures.agentState("e1", T0, "a1", com.callpulse.model.AgentState.READY)));
        assertThat(harness.extractOutputValues()).hasSize(3);
        assertThat(quarantined()).isEmpty();
    }

    @Test
    void idsAreForgottenOnceTheWatermarkPassesTheHorizonAndStateIsEmptyThen() throws Exception {
        send(event("e1", T0));
        send(event("e2", T0 + 60_000));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);

        harness.processWatermark(new Watermark(T0 + HORIZON));
        assertThat(harness.numKeyedStateEntries()).as("e1 forgotten, e2 not yet").isEqualTo(1);
        harness.processWatermark(new Watermark(T0 + 60_000 + HORIZON));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void anEventWhoseHorizonTheWatermarkPassedIsTooLateNotAcceptedUnchecked() throws Exception {
        harness.processWatermark(new Watermark(T0 + HORIZON));
        send(event("old", T0));
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(quarantined()).singleElement().extracting(r -> r.reason).isEqualTo(QuarantineReason.TOO_LATE);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void stateSurvivesACheckpointAndRestore() throws Exception {
        send(event("e1", T0));
        var snapshot = harness.snapshot(1, T0);
        harness.close();
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new org.apache.flink.streaming.api.operators.KeyedProcessOperator<>(new DeduplicateFunction(HORIZON)), Ingested::dedupKey, Types.STRING);
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
        send(event("e1", T0));
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(quarantined()).singleElement().extracting(r -> r.reason).isEqualTo(QuarantineReason.DUPLICATE);
    }
}
