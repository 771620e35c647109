package com.callpulse.metrics.topic;

import java.util.Objects;

/**
 * One contact counted for a topic (delta +1), or the withdrawal of such a count (delta -1) when a late event changes
 * what the contact counts as: an earlier topic event moves it to another minute, a late arrived event gives it its
 * region, a late queued event its queue. A Flink POJO, between {@link ContactTopicFunction} and {@link HotTopicFunction}.
 */
public class TopicContact {
    public String tenantId;
    public String topic;
    /** Time of the contact's first event carrying the topic, epoch milliseconds. */
    public long at;
    /** Region of the contact's arrived event; null when unknown. */
    public String region;
    /** Queue of the contact's first queued event if within {@link ContactTopics#QUEUE_SETTLE_MILLIS} of {@link #at}; else null. */
    public String queueId;
    /** The IVR served the contact on this topic without an agent. */
    public boolean ivrSelfServed;
    /** +1 or -1. */
    public int delta;

    public TopicContact() {}

    public TopicContact(String tenantId, String topic, long at, String region, String queueId, boolean ivrSelfServed, int delta) {
        this.tenantId = tenantId;
        this.topic = topic;
        this.at = at;
        this.region = region;
        this.queueId = queueId;
        this.ivrSelfServed = ivrSelfServed;
        this.delta = delta;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopicContact c && at == c.at && delta == c.delta && ivrSelfServed == c.ivrSelfServed && Objects.equals(tenantId, c.tenantId)
                && Objects.equals(topic, c.topic) && Objects.equals(region, c.region) && Objects.equals(queueId, c.queueId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, topic, at, region, queueId, ivrSelfServed, delta);
    }

    @Override
    public String toString() {
        return (delta > 0 ? "+" : "") + delta + " " + tenantId + "/" + topic + "@" + at + " region=" + region + " queue=" + queueId
                + (ivrSelfServed ? " ivr-self-served" : "");
    }
}
