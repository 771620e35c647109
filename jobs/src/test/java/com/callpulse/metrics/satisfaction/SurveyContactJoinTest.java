package com.callpulse.metrics.satisfaction;

import com.callpulse.model.ContactOutcome;
import com.callpulse.model.ContactRecord;
import com.callpulse.model.SurveyResponse;
import com.callpulse.testing.Fixtures;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** Surveys meet their contact's records in either order, wait a bounded time, and leave no state behind. */
class SurveyContactJoinTest {
    private static final long MIN = 60_000;
    private static final long RETENTION = 72 * 60 * MIN;
    private static final long WAIT = 180 * MIN;
    private KeyedTwoInputStreamOperatorTestHarness<String, ContactRecord, SurveyResponse, SurveyedContact> h;

    @BeforeEach
    void open() throws Exception {
        h = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new SurveyContactJoin(RETENTION, WAIT),
                r -> SurveyContactJoin.contactKey(r.tenantId, r.contactId), s -> SurveyContactJoin.contactKey(s.tenantId, s.contactId), Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private void record(String contact, int leg, String topic, String queue, long endedAt) throws Exception {
        ContactRecord r = Fixtures.contactRecord("r-" + contact + "-" + leg, endedAt, contact);
        r.leg = leg;
        r.topic = topic;
        r.queueId = queue;
        h.processElement1(new StreamRecord<>(r, r.occurredAt));
    }

    private void survey(String id, String contact, long at) throws Exception {
        SurveyResponse s = Fixtures.survey(id, at, contact);
        s.queueId = null;
        h.processElement2(new StreamRecord<>(s, at));
    }

    @Test
    void aSurveyAfterItsContactIsJoinedAtOnce() throws Exception {
        record("c1", 1, "bill_query", "general", T0);
        survey("s1", "c1", T0 + 30 * MIN);
        assertThat(h.extractOutputValues()).singleElement().satisfies(s -> {
            assertThat(s.contactFound).isTrue();
            assertThat(s.topic).isEqualTo("bill_query");
            assertThat(s.channel).isEqualTo("voice");
            assertThat(s.queueId).as("the survey names no queue: the contact's").isEqualTo("general");
            assertThat(s.answeredAt).isEqualTo(T0 + 30 * MIN);
            assertThat(s.csat).isEqualTo(4);
        });
    }

    @Test
    void anIvrSurveyBeforeTheRecordWaitsForIt() throws Exception {
        survey("s1", "c1", T0 + MIN);
        h.processBothWatermarks(new Watermark(T0 + 10 * MIN));
        assertThat(h.extractOutputValues()).isEmpty();
        record("c1", 1, "roaming", "general", T0);
        assertThat(h.extractOutputValues()).singleElement().satisfies(s -> {
            assertThat(s.contactFound).isTrue();
            assertThat(s.topic).isEqualTo("roaming");
        });
        h.processBothWatermarks(new Watermark(T0 + MIN + WAIT));
        assertThat(h.extractOutputValues()).as("not emitted a second time by the wait's timer").hasSize(1);
    }

    @Test
    void theTopicIsTheLowestLegsAndTheQueueTheHighestWhateverTheArrivalOrder() throws Exception {
        record("c1", 2, "broadband_fault", "broadband", T0 + 10 * MIN);
        record("c1", 1, "bill_query", "general", T0);
        survey("s1", "c1", T0 + 30 * MIN);
        assertThat(h.extractOutputValues()).singleElement().satisfies(s -> {
            assertThat(s.topic).isEqualTo("bill_query");
            assertThat(s.queueId).isEqualTo("broadband");
        });
    }

    @Test
    void aSurveyWithoutAnyRecordCountsWithoutTopicAfterTheWait() throws Exception {
        survey("s1", "c9", T0);
        h.processBothWatermarks(new Watermark(T0 + WAIT - 1));
        assertThat(h.extractOutputValues()).isEmpty();
        h.processBothWatermarks(new Watermark(T0 + WAIT));
        assertThat(h.extractOutputValues()).singleElement().satisfies(s -> {
            assertThat(s.contactFound).isFalse();
            assertThat(s.topic).isNull();
            assertThat(s.channel).isNull();
            assertThat(s.agentId).isEqualTo("a-0001");
        });
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
    }

    @Test
    void aContactsFactsAreKeptForTheRetentionAfterWrapUpThenDropped() throws Exception {
        record("c1", 1, "bill_query", "general", T0);
        long wrapUpEnd = T0 + 40_000;
        h.processBothWatermarks(new Watermark(wrapUpEnd + RETENTION - 1));
        assertThat(h.numKeyedStateEntries()).isPositive();
        survey("s1", "c1", wrapUpEnd + RETENTION - 1);
        assertThat(h.extractOutputValues()).singleElement().satisfies(s -> assertThat(s.contactFound).isTrue());
        h.processBothWatermarks(new Watermark(wrapUpEnd + RETENTION));
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
    }

    @Test
    void theEndOfABoundedInputFlushesWaitingSurveys() throws Exception {
        survey("s1", "c1", T0);
        record("c2", 1, "bill_query", "general", T0);
        h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
        assertThat(h.extractOutputValues()).singleElement().satisfies(s -> assertThat(s.contactFound).isFalse());
        assertThat(h.numKeyedStateEntries()).isZero();
    }

    @Test
    void everyRecordTheJoinKeepsOrEmitsIsAPojo() {
        PojoTestUtils.assertSerializedAsPojo(SurveyedContact.class);
        PojoTestUtils.assertSerializedAsPojo(ContactFacts.class);
        PojoTestUtils.assertSerializedAsPojo(SatisfactionInterval.class);
    }

    @Test
    void abandonedRecordsStillNameTheContactsTopic() throws Exception {
        ContactRecord r = Fixtures.contactRecord("r-x", T0, "c1");
        r.outcome = ContactOutcome.ABANDONED;
        r.agentId = null;
        h.processElement1(new StreamRecord<>(r, r.occurredAt));
        survey("s1", "c1", T0 + MIN);
        assertThat(h.extractOutputValues()).singleElement().satisfies(s -> assertThat(s.topic).isEqualTo("bill_query"));
    }
}
