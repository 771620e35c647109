package com.callpulse.reconcile;

import com.callpulse.model.Stream;

import java.util.ArrayList;
import java.util.List;

/** Counts per stream and {@link Outcome} counter, in a flat array: counting allocates nothing. */
public final class Tallies {
    private final long[] counts = new long[Stream.values().length * Outcome.count()];

    public void add(Stream stream, int counter) {
        counts[stream.ordinal() * Outcome.count() + counter]++;
    }

    public void add(Stream stream, int counter, long n) {
        counts[stream.ordinal() * Outcome.count() + counter] += n;
    }

    public long get(Stream stream, int counter) {
        return counts[stream.ordinal() * Outcome.count() + counter];
    }

    public void add(TallyDelta d) {
        add(d.stream, d.counter, d.count);
    }

    /** The non-zero counters as deltas, and resets them. */
    public List<TallyDelta> drain() {
        List<TallyDelta> out = new ArrayList<>();
        for (Stream s : Stream.values()) {
            for (int c = 0; c < Outcome.count(); c++) {
                int i = s.ordinal() * Outcome.count() + c;
                if (counts[i] != 0) {
                    out.add(new TallyDelta(s, c, counts[i]));
                    counts[i] = 0;
                }
            }
        }
        return out;
    }

    public Tallies copy() {
        Tallies t = new Tallies();
        System.arraycopy(counts, 0, t.counts, 0, counts.length);
        return t;
    }
}
