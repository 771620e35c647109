package com.callpulse.reconcile;

import com.callpulse.model.Stream;

/** Records counted by one tally operator since its last flush, for one stream and counter. A Flink POJO. */
public class TallyDelta {
    public Stream stream;
    /** A counter of {@link Outcome}. */
    public int counter;
    public long count;

    public TallyDelta() {}

    public TallyDelta(Stream stream, int counter, long count) {
        this.stream = stream;
        this.counter = counter;
        this.count = count;
    }

    @Override
    public String toString() {
        return stream.code() + "." + Outcome.name(counter) + "+" + count;
    }
}
