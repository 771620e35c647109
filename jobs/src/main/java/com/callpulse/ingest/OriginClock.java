package com.callpulse.ingest;

/**
 * How far one origin (a file or a Kafka partition) has got in event time, and what that makes of an event read
 * from it. The origin's time is the second-newest event time read from it: one event stamped by a clock running
 * hours ahead cannot on its own make every event after it late (it takes two). The watermark of a source split
 * follows the same time ({@link IngestWatermarks}), and so does the sample-data generator when it predicts verdicts.
 */
public final class OriginClock {
    /** What an event's place in its origin makes of it. */
    public enum Verdict {
        /** Within the watermark bound of the origin's time. */
        ON_TIME,
        /** Behind by more than the bound, within the allowed lateness: accepted, counted as late. */
        LATE,
        /** Behind by more than bound + allowed lateness: refused. */
        TOO_LATE
    }

    private long newest = Long.MIN_VALUE;
    private long secondNewest = Long.MIN_VALUE;

    public OriginClock() {}

    public OriginClock(long newest, long secondNewest) {
        this.newest = newest;
        this.secondNewest = secondNewest;
    }

    /** The origin's time: the second-newest event time read, or {@link Long#MIN_VALUE} before two events. */
    public long time() {
        return secondNewest;
    }

    public long newest() {
        return newest;
    }

    public void observe(long eventTime) {
        if (eventTime > newest) {
            secondNewest = newest;
            newest = eventTime;
        } else if (eventTime > secondNewest) {
            secondNewest = eventTime;
        }
    }

    public Verdict judge(long eventTime, long boundMillis, long latenessMillis) {
        if (secondNewest == Long.MIN_VALUE) {
            return Verdict.ON_TIME;
        }
        long behind = secondNewest - eventTime;
        if (behind > boundMillis + latenessMillis) {
            return Verdict.TOO_LATE;
        }
        return behind > boundMillis ? Verdict.LATE : Verdict.ON_TIME;
    }
}
