package com.callpulse.metrics.live;

/** Per queue of a tenant (Flink state): whether its message is due, and its open service-level breach, if any. */
public class LiveQueue {
    public static final long NONE = Long.MIN_VALUE;

    public String queueId;
    /** Changed since its last message. */
    public boolean dirty;
    /** Id of the open service-level breach alert; null when none is open. */
    public String breachId;
    public long breachSince = NONE;

    public LiveQueue() {}

    public LiveQueue(String queueId) {
        this.queueId = queueId;
    }
}
