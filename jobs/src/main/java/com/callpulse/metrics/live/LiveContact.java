package com.callpulse.metrics.live;

/**
 * What the live state remembers of one contact, so its events count right in any order: the newest queue leg
 * seen, the newest exit from a queue, and the end. A contact waits in at most one queue: the one of its newest
 * {@code queued} event, unless an exit from that queue or the end of the contact at or after that time is known.
 * So an {@code answered} that arrives before its {@code queued} event leaves nothing waiting, and a contact whose
 * exit event never comes stops waiting when it ends. Plain Java; Flink state (public fields).
 */
public class LiveContact {
    public static final long NONE = Long.MIN_VALUE;

    /** Queue of the newest leg that entered a queue; null before any. */
    public String queueId;
    public String channel;
    public long queuedAt = NONE;
    public boolean waiting;
    public String exitQueueId;
    public long exitAt = NONE;
    public long endedAt = NONE;
    /** Newest event time of the contact: the state is kept for the ingestion horizon after it, for late events. */
    public long lastAt = NONE;

    public LiveContact() {}

    /** A {@code queued} event: true when whether or where the contact waits changed. */
    public boolean onQueued(String queue, String channelCode, long at) {
        seen(at);
        if (queuedAt != NONE && at <= queuedAt) {
            return false; // an older leg than the one known
        }
        boolean wasWaiting = waiting;
        queueId = queue;
        channel = channelCode;
        queuedAt = at;
        boolean left = queue.equals(exitQueueId) && exitAt >= at;
        boolean ended = endedAt != NONE && endedAt >= at;
        waiting = !left && !ended;
        return waiting || wasWaiting;
    }

    /** The contact left {@code queue} (answered, abandoned, flowed out, callback): true when this ends its wait. */
    public boolean onExit(String queue, long at) {
        seen(at);
        if (exitAt == NONE || at >= exitAt) {
            exitQueueId = queue;
            exitAt = at;
        }
        if (waiting && queue.equals(queueId) && queuedAt <= at) {
            waiting = false;
            return true;
        }
        return false;
    }

    /** The contact ended: true when it was still waiting (its exit event is missing or still to come). */
    public boolean onEnded(long at) {
        seen(at);
        endedAt = Math.max(endedAt, at);
        if (waiting && queuedAt <= at) {
            waiting = false;
            return true;
        }
        return false;
    }

    /** Seconds waited in {@code queue} until {@code at}, from the known queued time; -1 when unknown. */
    public int waitedSeconds(String queue, long at) {
        if (queuedAt == NONE || !queue.equals(queueId) || queuedAt > at) {
            return LiveInput.UNKNOWN;
        }
        return (int) Math.round((at - queuedAt) / 1000.0);
    }

    private void seen(long at) {
        lastAt = Math.max(lastAt, at);
    }
}
