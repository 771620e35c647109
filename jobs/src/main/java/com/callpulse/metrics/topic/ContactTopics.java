package com.callpulse.metrics.topic;

import com.callpulse.model.ContactEvent;
import com.callpulse.model.ContactEventType;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What one contact counts as for hot topics, and what has been counted for it so far (no Flink types; the state of
 * {@link ContactTopicFunction}, a Flink POJO).
 *
 * <p>A contact counts once for each topic that one of its {@code ivr_left} or {@code queued} events carries in
 * {@code ivr_topic}, at the earliest such event. It is counted with the region of its {@code arrived} event, the queue
 * of its first {@code queued} event if that came within {@link #QUEUE_SETTLE_MILLIS} of the topic (the IVR routes at
 * once; later, the contact was served or lost in the IVR), and whether the IVR served it on that topic. A count is
 * made once the watermark has passed the topic time plus {@link #QUEUE_SETTLE_MILLIS}; when a late event changes any
 * of that afterwards, the count is withdrawn (-1) and made again (+1) as it should be.
 */
public class ContactTopics {
    /** How long after its topic is known a contact's first queue still counts as where the IVR sent it. */
    public static final long QUEUE_SETTLE_MILLIS = 15_000;

    public String tenantId;
    public String contactId;
    /** Earliest arrived event: its time (Long.MAX_VALUE when none yet) and region. */
    public long arrivedAt = Long.MAX_VALUE;
    public String region;
    /** Earliest queued event: its time (Long.MAX_VALUE when none yet) and queue. */
    public long queuedAt = Long.MAX_VALUE;
    public String queueId;
    /** Latest ended event (Long.MIN_VALUE when none yet), and the latest event of any kind. */
    public long endedAt = Long.MIN_VALUE;
    public long lastSeen = Long.MIN_VALUE;

    /** Per topic the contact carried: the topic, its earliest event, and whether the IVR served it on that topic. */
    public String[] topics = new String[0];
    public long[] topicAt = new long[0];
    public boolean[] selfServed = new boolean[0];
    /** Per topic, what was counted (emitted[i] false: nothing yet). */
    public boolean[] emitted = new boolean[0];
    public long[] emittedAt = new long[0];
    public String[] emittedRegion = new String[0];
    public String[] emittedQueue = new String[0];
    public boolean[] emittedSelfServed = new boolean[0];

    /** Event time at which the state may go (see {@link #cleanupTime}); Long.MIN_VALUE when none is set. */
    public long cleanupAt = Long.MIN_VALUE;

    public ContactTopics() {}

    /**
     * Takes one event of the contact into account.
     *
     * @return the topic time whose count is now due at a later watermark, or Long.MIN_VALUE when this event set none
     */
    public long observe(ContactEvent e) {
        if (tenantId == null) {
            tenantId = e.tenantId;
            contactId = e.contactId;
        }
        long t = e.occurredAt;
        lastSeen = Math.max(lastSeen, t);
        long due = Long.MIN_VALUE;
        ContactEventType type = e.eventType;
        if (type == ContactEventType.ARRIVED) {
            if (t < arrivedAt) {
                arrivedAt = t;
                region = e.region;
            }
        } else if (type == ContactEventType.ENDED) {
            endedAt = Math.max(endedAt, t);
        } else if (type == ContactEventType.IVR_LEFT || type == ContactEventType.QUEUED) {
            if (type == ContactEventType.QUEUED && e.queueId != null && t < queuedAt) {
                queuedAt = t;
                queueId = e.queueId;
            }
            if (e.ivrTopic != null) {
                int i = topicIndex(e.ivrTopic);
                if (t < topicAt[i]) {
                    topicAt[i] = t;
                    due = t + QUEUE_SETTLE_MILLIS;
                }
                if (type == ContactEventType.IVR_LEFT && Boolean.TRUE.equals(e.selfServed)) {
                    selfServed[i] = true;
                }
            }
        }
        return due;
    }

    /** Emits the counts that are due at {@code watermark} and differ from what was counted. */
    public void reconcile(long watermark, Consumer<TopicContact> out) {
        for (int i = 0; i < topics.length; i++) {
            if (topicAt[i] + QUEUE_SETTLE_MILLIS > watermark) {
                continue;
            }
            String queue = queuedAt <= topicAt[i] + QUEUE_SETTLE_MILLIS ? queueId : null;
            if (emitted[i]) {
                if (emittedAt[i] == topicAt[i] && Objects.equals(emittedRegion[i], region) && Objects.equals(emittedQueue[i], queue)
                        && emittedSelfServed[i] == selfServed[i]) {
                    continue;
                }
                out.accept(new TopicContact(tenantId, topics[i], emittedAt[i], emittedRegion[i], emittedQueue[i], emittedSelfServed[i], -1));
            }
            out.accept(new TopicContact(tenantId, topics[i], topicAt[i], region, queue, selfServed[i], 1));
            emitted[i] = true;
            emittedAt[i] = topicAt[i];
            emittedRegion[i] = region;
            emittedQueue[i] = queue;
            emittedSelfServed[i] = selfServed[i];
        }
    }

    /**
     * When no accepted event of the contact can arrive any more: {@code lateness} after its end (an event is at most
     * that far behind the watermark, and none comes after the end); without an end seen, {@code fallback} after its
     * latest event.
     */
    public long cleanupTime(long lateness, long fallback) {
        return endedAt != Long.MIN_VALUE ? Math.max(endedAt, lastSeen) + lateness + QUEUE_SETTLE_MILLIS : lastSeen + fallback;
    }

    private int topicIndex(String topic) {
        for (int i = 0; i < topics.length; i++) {
            if (topics[i].equals(topic)) {
                return i;
            }
        }
        int n = topics.length + 1;
        topics = Arrays.copyOf(topics, n);
        topics[n - 1] = topic;
        topicAt = Arrays.copyOf(topicAt, n);
        topicAt[n - 1] = Long.MAX_VALUE;
        selfServed = Arrays.copyOf(selfServed, n);
        emitted = Arrays.copyOf(emitted, n);
        emittedAt = Arrays.copyOf(emittedAt, n);
        emittedRegion = Arrays.copyOf(emittedRegion, n);
        emittedQueue = Arrays.copyOf(emittedQueue, n);
        emittedSelfServed = Arrays.copyOf(emittedSelfServed, n);
        return n - 1;
    }
}
