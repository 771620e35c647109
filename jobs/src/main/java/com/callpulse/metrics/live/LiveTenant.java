package com.callpulse.metrics.live;

import com.callpulse.ingest.OriginClock;

/**
 * The tenant's live clock and pending timers (Flink state, one per tenant).
 *
 * <p>The clock is "now" for the tenant's trailing windows and business day: the second-newest contact-event time
 * seen (ingestion's {@link OriginClock} rule: one event from a producer clock running ahead cannot move it alone),
 * and never behind the watermark (which moves it on when the tenant is quiet). Contact events drive it because they
 * are what the queue counters count; the other streams may be read ahead or behind in a replay.
 */
public class LiveTenant {
    public static final long NONE = Long.MIN_VALUE;

    public long newest = NONE;
    public long secondNewest = NONE;
    public long clock = NONE;
    /** Newest event time of any input, shown as "as of" until the clock is known. */
    public long lastSeen = NONE;
    /** Pending event-time (housekeeping) timer, {@link #NONE} when none. */
    public long tickAt = NONE;
    /** Pending processing-time (emission) timer, {@link #NONE} when none. */
    public long emitAt = NONE;
    /** Processing time of the last emission. */
    public long lastEmitAt = NONE;

    public LiveTenant() {}

    /** Observes a contact-event time; returns what the clock would be from the events alone. */
    public long observe(long at) {
        OriginClock c = new OriginClock(newest, secondNewest); // ingestion's rule, on the two times kept here
        c.observe(at);
        newest = c.newest();
        secondNewest = c.time();
        return secondNewest != NONE ? secondNewest : newest;
    }

    /** The time the state is current as of. */
    public long asOf() {
        return clock != NONE ? clock : lastSeen;
    }
}
