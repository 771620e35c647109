package com.callpulse.metrics.journey;

import com.callpulse.model.ContactRecord;
import com.callpulse.model.SelfServiceChannel;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static com.callpulse.metrics.journey.JourneyCase.DAY;
import static com.callpulse.metrics.journey.JourneyCase.HOUR;
import static com.callpulse.metrics.journey.JourneyCase.MARGIN;
import static com.callpulse.metrics.journey.JourneyCase.abandoned;
import static com.callpulse.metrics.journey.JourneyCase.at;
import static com.callpulse.metrics.journey.JourneyCase.handled;
import static com.callpulse.metrics.journey.JourneyCase.recommending;
import static com.callpulse.testing.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/** The journey operator: records and tenant progress in, rows out once, state and timers gone afterwards. */
class JourneyFunctionTest {
    private static final long T = at(0);
    private static final long E = T + 6 * 60_000;

    private KeyedBroadcastOperatorTestHarness<String, ContactRecord, TenantProgress, ContactRepeat> h;

    @BeforeEach
    void open() throws Exception {
        h = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(new JourneyFunction(JourneyCase.settings()),
                new JourneyMetrics.CallerKey(), Types.STRING, JourneyFunction.PROGRESS);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private void record(ContactRecord r) throws Exception {
        h.processElement(r, r.occurredAt);
    }

    private void progress(String tenant, long through) throws Exception {
        h.processBroadcastElement(new TenantProgress(tenant, through), through);
    }

    /** Keyed state entries of the operator (the broadcast progress is not keyed). */
    private int keyedStateEntries() {
        KeyedStateBackend<?> backend = ((AbstractStreamOperator<?>) h.getTwoInputOperator()).getKeyedStateBackend();
        return ((HeapKeyedStateBackend<?>) backend).numKeyValueStateEntries();
    }

    private List<ContactRepeat> repeats() {
        return h.extractOutputValues();
    }

    private List<SelfServiceOutcome> outcomes() {
        java.util.Queue<StreamRecord<SelfServiceOutcome>> side = h.getSideOutput(JourneyFunction.SELF_SERVICE);
        return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
    }

    @Test
    void rowsAreWrittenOnceWhenDecidedAndStateAndTimersAreGoneAfterwards() throws Exception {
        record(recommending("A", T, SelfServiceChannel.APP));
        record(handled("B", E + HOUR));
        assertThat(keyedStateEntries()).isPositive();
        assertThat(h.numEventTimeTimers()).as("one wake-up per caller").isEqualTo(1);

        h.watermark(E + HOUR + MARGIN);
        assertThat(repeats()).as("A's repeats are found and settled").hasSize(3)
                .allSatisfy(r -> assertThat(r.nextContactId).isEqualTo("B"));
        assertThat(outcomes()).as("A's caller came back, but could still use the app: used is not decided").isEmpty();
        assertThat(h.numEventTimeTimers()).isEqualTo(1);

        long later = T + 40 * DAY;
        progress(TENANT, later);
        h.watermark(later);
        assertThat(repeats()).hasSize(6);
        assertThat(outcomes()).singleElement().satisfies(o -> {
            assertThat(o.contactId).isEqualTo("A");
            assertThat(o.outcome).isEqualTo(RecommendationOutcome.CALLED_BACK_WITHOUT_USE);
            assertThat(o.used).isFalse();
            assertThat(o.complete).isTrue();
        });
        assertThat(repeats()).filteredOn(r -> r.contactId.equals("B")).hasSize(3).allSatisfy(r -> {
            assertThat(r.isRepeat).isTrue();
            assertThat(r.followedByRepeat).isFalse();
            assertThat(r.complete).isTrue();
        });
        assertThat(keyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();

        h.watermark(Long.MAX_VALUE);
        assertThat(repeats()).as("nothing is written twice").hasSize(6);
    }

    /** A handled at t; the caller's next contact {@code hours} later; each window decided as the watermark passes it. */
    @ParameterizedTest(name = "next contact {0} h after the end")
    @CsvSource({"23, true, true, true", "25, false, true, true", "71, false, true, true", "192, false, false, false"})
    void theNextContactIsARepeatInTheWindowsItFallsIn(long hours, boolean in24, boolean in72, boolean in168) throws Exception {
        record(handled("A", T));
        record(abandoned("B", E + hours * HOUR));
        long day = E - E % DAY;
        // the tenant's records and the watermark move on together, until B can no longer be looked back at
        for (long t = day; t <= E + 16 * DAY; t += HOUR) {
            progress(TENANT, t);
            h.watermark(t);
        }
        assertThat(repeats()).extracting(r -> r.windowHours + ":" + r.followedByRepeat + ":" + r.complete)
                .containsExactlyInAnyOrder("24:" + in24 + ":true", "72:" + in72 + ":true", "168:" + in168 + ":true");
        assertThat(keyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
    }

    @Test
    void aWindowTheTenantsRecordsHaveNotReachedStaysOpenWhateverTheWatermark() throws Exception {
        record(handled("A", T));
        long pastTwoWindows = E + 3 * DAY + MARGIN;
        h.watermark(pastTwoWindows);
        assertThat(repeats()).as("other streams drove the watermark on; the contact records ended").isEmpty();
        assertThat(h.numEventTimeTimers()).isEqualTo(1);

        progress(TENANT, E + DAY);
        h.watermark(pastTwoWindows + 2 * DAY);
        assertThat(repeats()).singleElement().satisfies(r -> {
            assertThat(r.windowHours).isEqualTo(24);
            assertThat(r.followedByRepeat).isFalse();
            assertThat(r.complete).isTrue();
        });

        h.watermark(Long.MAX_VALUE);
        assertThat(repeats()).hasSize(3);
        assertThat(repeats().subList(1, 3)).allSatisfy(r -> {
            assertThat(r.complete).isFalse();
            assertThat(r.followedByRepeat).isNull();
        });
        assertThat(keyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
    }

    @Test
    void theEndOfABoundedInputWritesEveryOpenRowIncompleteAndClearsTheState() throws Exception {
        record(abandoned("P", T - HOUR));
        record(recommending("A", T, SelfServiceChannel.IVR));
        ContactRecord other = handled("Z", T);
        other.callerKey = "another-caller";
        record(other);
        progress(TENANT, E + HOUR);
        h.watermark(E + HOUR);
        assertThat(repeats()).isEmpty();

        h.watermark(Long.MAX_VALUE);
        assertThat(repeats()).hasSize(6).allSatisfy(r -> {
            assertThat(r.complete).isFalse();
            assertThat(r.followedByRepeat).isNull();
            assertThat(r.followedByRepeatSameTopic).isNull();
        });
        assertThat(repeats()).filteredOn(r -> r.contactId.equals("A")).allSatisfy(r -> assertThat(r.isRepeat).isTrue());
        assertThat(repeats()).filteredOn(r -> r.contactId.equals("Z")).as("callers are kept apart").allSatisfy(r -> assertThat(r.isRepeat).isFalse());
        assertThat(outcomes()).singleElement().satisfies(o -> {
            assertThat(o.selfServiceRecommended).isEqualTo("ivr");
            assertThat(o.complete).isFalse();
            assertThat(o.outcome).isNull();
        });
        assertThat(keyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
    }

    @Test
    void aCallersRecordsArrivingOutOfOrderGiveTheSameRows() throws Exception {
        record(handled("C", E + 3 * HOUR));
        record(abandoned("B", E + HOUR)); // began earlier, delivered later
        record(handled("A", T));          // delivered last of all
        long later = T + 40 * DAY;
        progress(TENANT, later);
        h.watermark(later);
        assertThat(repeats()).filteredOn(r -> r.contactId.equals("A")).hasSize(3)
                .allSatisfy(r -> assertThat(r.nextContactId).isEqualTo("B"));
        assertThat(repeats()).filteredOn(r -> r.contactId.equals("C")).hasSize(3)
                .allSatisfy(r -> assertThat(r.previousContactId).isEqualTo("B"));
        assertThat(keyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
    }

    @Test
    void aLegDeliveredAgainIsNotWrittenAgain() throws Exception {
        record(handled("A", T));
        record(handled("A", T));
        h.watermark(Long.MAX_VALUE);
        assertThat(repeats()).hasSize(3);
    }
}
