package com.callpulse.metrics.topic;

import com.callpulse.model.ContactEvent;
import com.callpulse.model.ContactEventType;
import com.callpulse.testing.Fixtures;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link ContactTopicFunction} in an operator harness: counted once the queue had time to show, corrected, forgotten. */
class ContactTopicFunctionTest {
    private static final long Q = ContactTopics.QUEUE_SETTLE_MILLIS;
    private static final long LATENESS = 3_630_000;
    private KeyedOneInputStreamOperatorTestHarness<String, ContactEvent, TopicContact> h;
    private int seq;

    @BeforeEach
    void open() throws Exception {
        h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new ContactTopicFunction(LATENESS), e -> e.tenantId + "|" + e.contactId, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private void event(String contact, ContactEventType type, long at, String topic) throws Exception {
        ContactEvent e = Fixtures.contactEvent("e" + ++seq, at, contact, type);
        e.ivrTopic = topic;
        if (type == ContactEventType.QUEUED) {
            e.queueId = "broadband_tech";
        }
        h.processElement(new StreamRecord<>(e, at));
    }

    @Test
    void aContactIsCountedOnceItsQueueHadTimeToShowThenCorrectedThenForgotten() throws Exception {
        event("C1", ContactEventType.ARRIVED, T0, null);
        event("C1", ContactEventType.IVR_LEFT, T0 + 40_000, "broadband_outage");
        event("C1", ContactEventType.QUEUED, T0 + 40_400, "broadband_outage");
        event("C2", ContactEventType.ARRIVED, T0 + 1_000, null); // never carries a topic
        h.processWatermark(new Watermark(T0 + 40_000 + Q - 1));
        assertThat(h.extractOutputValues()).isEmpty();
        h.processWatermark(new Watermark(T0 + 40_000 + Q));
        assertThat(h.extractOutputValues()).containsExactly(
                new TopicContact("cmcc-ah", "broadband_outage", T0 + 40_000, "hefei-shushan", "broadband_tech", false, 1));

        event("C1", ContactEventType.IVR_LEFT, T0 + 35_000, "broadband_outage"); // late, and earlier
        assertThat(h.extractOutputValues()).hasSize(3).endsWith(
                new TopicContact("cmcc-ah", "broadband_outage", T0 + 40_000, "hefei-shushan", "broadband_tech", false, -1),
                new TopicContact("cmcc-ah", "broadband_outage", T0 + 35_000, "hefei-shushan", "broadband_tech", false, 1));

        event("C1", ContactEventType.ENDED, T0 + 300_000, null);
        event("C2", ContactEventType.ENDED, T0 + 60_000, null);
        assertThat(h.numKeyedStateEntries()).isEqualTo(2);
        h.processWatermark(new Watermark(T0 + 300_000 + LATENESS + Q));
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(h.extractOutputValues()).hasSize(3);
    }

    @Test
    void aContactWhoseEndNeverArrivesIsForgottenADayAfterItsLatestEvent() throws Exception {
        event("C1", ContactEventType.QUEUED, T0, "bill_query");
        h.processWatermark(new Watermark(T0 + ContactTopicFunction.FALLBACK_MILLIS - 1));
        assertThat(h.numKeyedStateEntries()).isEqualTo(1);
        h.processWatermark(new Watermark(T0 + ContactTopicFunction.FALLBACK_MILLIS));
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(h.extractOutputValues()).singleElement().satisfies(t -> assertThat(t.region).as("no arrived event: region unknown").isNull());
    }
}
