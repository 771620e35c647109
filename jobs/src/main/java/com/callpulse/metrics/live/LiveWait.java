package com.callpulse.metrics.live;

/** A contact waiting in a queue now (Flink state, one per waiting contact): the live state's waiting list. */
public class LiveWait {
    public String queueId;
    public String channel;
    public long queuedAt;

    public LiveWait() {}

    public LiveWait(String queueId, String channel, long queuedAt) {
        this.queueId = queueId;
        this.channel = channel;
        this.queuedAt = queuedAt;
    }
}
