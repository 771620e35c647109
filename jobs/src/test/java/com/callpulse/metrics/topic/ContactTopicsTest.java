package com.callpulse.metrics.topic;

import com.callpulse.model.Channel;
import com.callpulse.model.ContactEvent;
import com.callpulse.model.ContactEventType;
import com.callpulse.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** Each contact once per topic, with its region, queue and IVR self-service, corrected by late events. */
class ContactTopicsTest {
    private static final long Q = ContactTopics.QUEUE_SETTLE_MILLIS;
    private final ContactTopics c = new ContactTopics();
    private final List<TopicContact> out = new ArrayList<>();
    private int seq;

    private ContactEvent event(ContactEventType type, long at) {
        ContactEvent e = Fixtures.contactEvent("e" + ++seq, at, "C1", type);
        e.ivrTopic = null;
        return e;
    }

    private void arrived(long at, String region) {
        ContactEvent e = event(ContactEventType.ARRIVED, at);
        e.region = region;
        c.observe(e);
    }

    private long ivrLeft(long at, String topic, boolean selfServed) {
        ContactEvent e = event(ContactEventType.IVR_LEFT, at);
        e.ivrTopic = topic;
        e.selfServed = selfServed;
        return c.observe(e);
    }

    private long queued(long at, String queue, String topic) {
        ContactEvent e = event(ContactEventType.QUEUED, at);
        e.queueId = queue;
        e.ivrTopic = topic;
        return c.observe(e);
    }

    private List<TopicContact> reconcile(long watermark) {
        out.clear();
        c.reconcile(watermark, out::add);
        return out;
    }

    @Test
    void aVoiceContactCountsOnceAtItsIvrExitWithRegionAndQueueOnceTheQueueHadTimeToShow() {
        arrived(T0, "hefei-shushan");
        assertThat(ivrLeft(T0 + 40_000, "broadband_outage", false)).isEqualTo(T0 + 40_000 + Q);
        assertThat(reconcile(T0 + 40_000 + Q - 1)).as("not due yet").isEmpty();
        queued(T0 + 40_300, "broadband_tech", "broadband_outage");
        assertThat(reconcile(T0 + 40_000 + Q)).containsExactly(
                new TopicContact("cmcc-ah", "broadband_outage", T0 + 40_000, "hefei-shushan", "broadband_tech", false, 1));
        queued(T0 + 600_000, "general", "broadband_outage"); // leg 2 after a transfer
        assertThat(reconcile(T0 + 700_000)).as("once per topic: nothing new").isEmpty();
    }

    @Test
    void aContactTheIvrServedHasNoQueueAndIsSelfServed() {
        arrived(T0, "hefei-baohe");
        ivrLeft(T0 + 70_000, "balance", true);
        assertThat(reconcile(T0 + 70_000 + Q)).containsExactly(new TopicContact("cmcc-ah", "balance", T0 + 70_000, "hefei-baohe", null, true, 1));
    }

    @Test
    void aQueueReachedMoreThanTheSettleTimeAfterTheTopicIsNotWhereTheIvrSentIt() {
        arrived(T0, "hefei-baohe");
        ivrLeft(T0 + 30_000, "bill_query", false);
        queued(T0 + 30_000 + Q + 1, "billing", "bill_query");
        assertThat(reconcile(T0 + 120_000)).singleElement().satisfies(t -> assertThat(t.queueId).isNull());
    }

    @Test
    void aDigitalContactCountsAtItsQueuedEvent() {
        ContactEvent a = event(ContactEventType.ARRIVED, T0);
        a.channel = Channel.WECHAT;
        c.observe(a);
        queued(T0 + 20_000, "digital", "data_usage");
        assertThat(reconcile(T0 + 20_000 + Q)).singleElement().satisfies(t -> {
            assertThat(t.at).isEqualTo(T0 + 20_000);
            assertThat(t.queueId).isEqualTo("digital");
            assertThat(t.region).isEqualTo("hefei-shushan");
        });
    }

    @Test
    void lateEventsWithdrawTheCountAndMakeItAgainAsItShouldBe() {
        queued(T0 + 61_000, "general", "bill_query"); // the ivr_left and arrived events are late
        assertThat(reconcile(T0 + 61_000 + Q)).containsExactly(new TopicContact("cmcc-ah", "bill_query", T0 + 61_000, null, "general", false, 1));
        ivrLeft(T0 + 59_500, "bill_query", false);
        assertThat(reconcile(T0 + 80_000)).containsExactly(
                new TopicContact("cmcc-ah", "bill_query", T0 + 61_000, null, "general", false, -1),
                new TopicContact("cmcc-ah", "bill_query", T0 + 59_500, null, "general", false, 1));
        arrived(T0 + 20_000, "wuhu-jinghu");
        assertThat(reconcile(T0 + 90_000)).containsExactly(
                new TopicContact("cmcc-ah", "bill_query", T0 + 59_500, null, "general", false, -1),
                new TopicContact("cmcc-ah", "bill_query", T0 + 59_500, "wuhu-jinghu", "general", false, 1));
        assertThat(reconcile(T0 + 100_000)).isEmpty();
    }

    @Test
    void aContactWithTwoTopicsCountsForEach() {
        ivrLeft(T0, "other", false);
        queued(T0 + 500, "general", "other");
        queued(T0 + 300_000, "billing", "bill_query"); // a second topic later on: the contact's first queue still counts
        assertThat(reconcile(T0 + 400_000)).extracting(t -> t.topic + "@" + t.at + ":" + t.queueId)
                .containsExactly("other@" + T0 + ":general", "bill_query@" + (T0 + 300_000) + ":general");
    }

    @Test
    void theStateCanGoOnceNoEventOfTheContactCanArriveAnyMore() {
        ivrLeft(T0, "other", false);
        assertThat(c.cleanupTime(3_630_000, 86_400_000)).as("no end seen: a day after the latest event").isEqualTo(T0 + 86_400_000);
        c.observe(event(ContactEventType.ENDED, T0 + 300_000));
        assertThat(c.cleanupTime(3_630_000, 86_400_000)).isEqualTo(T0 + 300_000 + 3_630_000 + Q);
    }
}
