package com.callpulse.metrics.topic;

/** Where each detection chain of a tenant is (epoch minutes). A Flink POJO, state of {@link HotTopicFunction}. */
public class TenantClock {
    /** The final chain's first minute: the tenant's earliest counted contact (it moves earlier until the chain begins). */
    public long start;
    /** The next minute the final chain will close. */
    public long finalNext;
    /** The live chain's first minute and next minute. */
    public long liveStart;
    public long liveNext;
    /** The latest minute with a counted contact. */
    public long lastMinute;

    public TenantClock() {}

    TenantClock(long minute) {
        start = minute;
        finalNext = minute;
        liveStart = minute;
        liveNext = minute;
        lastMinute = minute;
    }
}
