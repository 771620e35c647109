package com.callpulse.metrics.topic;

/**
 * One topic's state in one detection chain (the live one, or the final one behind the lake tables): its EWMA
 * baseline, the baseline rates of the last hour, and its open alert. A Flink POJO, part of {@link TopicState}.
 */
public class ChainState {
    /** Minutes of the ring: the longest window. */
    public static final int RING = 60;

    /** EWMA of the per-minute count (numerator) and of 1 (weight): the baseline is s / w, corrected for its start. */
    public double s;
    public double w;
    /** EWMA of each dimension value's per-minute count (aligned with {@link TopicState#dims}); its share is dimS / s. */
    public double[] dimS = new double[0];
    /** Baseline rate of minute k at k mod 60 (0 for minutes before the chain started). */
    public double[] ring = new double[RING];
    /** Minutes in a row that were calm (within clear_z) while an alert is open. */
    public int calm;
    /** Contacts and expected contacts of those calm minutes: they join the alert only if it goes on. */
    public long pendingObserved;
    public double pendingExpected;
    /** The open alert, filled as it goes; null when there is none. */
    public TopicAlert open;

    public ChainState() {}

    AlertKind kind() {
        return open == null ? null : open.kind;
    }
}
