package com.callpulse.metrics.topic;

import java.util.Arrays;

/**
 * Everything {@link HotTopicFunction} keeps for one topic of a tenant: its counts per minute (topic, IVR self-served,
 * and per region and queue) for the minutes the detection chains still need, and each chain's state. A Flink POJO.
 */
public class TopicState {
    public String topic;
    /** Latest minute with a counted contact (epoch minute). */
    public long lastContactMinute = Long.MIN_VALUE;
    /** Epoch minute of index 0 of the count arrays; they cover [base, base + counts.length). */
    public long base;
    public int[] counts = new int[0];
    public int[] selfServed = new int[0];
    /** Dimension values seen on the topic: "r:" + region or "q:" + queue; "r" / "q" alone when unknown. */
    public String[] dims = new String[0];
    /** Counts per dimension value and minute: dims.length rows of counts.length. */
    public int[] dimCounts = new int[0];
    public ChainState live = new ChainState();
    public ChainState fin = new ChainState();

    public TopicState() {}

    TopicState(String topic) {
        this.topic = topic;
    }

    ChainState chain(boolean liveChain) {
        return liveChain ? live : fin;
    }

    int count(long minute) {
        long i = minute - base;
        return i >= 0 && i < counts.length ? counts[(int) i] : 0;
    }

    int selfServed(long minute) {
        long i = minute - base;
        return i >= 0 && i < counts.length ? selfServed[(int) i] : 0;
    }

    int dimCount(int dim, long minute) {
        long i = minute - base;
        return i >= 0 && i < counts.length ? dimCounts[dim * counts.length + (int) i] : 0;
    }

    /** Sum of counts over [from, to]. */
    long sum(long from, long to) {
        long s = 0;
        for (long k = from; k <= to; k++) {
            s += count(k);
        }
        return s;
    }

    /** Adds a counted contact (delta +1) or withdraws one (-1). */
    void add(TopicContact c, long minute) {
        ensure(minute);
        int i = (int) (minute - base);
        counts[i] += c.delta;
        if (c.ivrSelfServed) {
            selfServed[i] += c.delta;
        }
        int region = dim(c.region == null ? "r" : "r:" + c.region); // may grow dimCounts: index it afterwards
        int queue = dim(c.queueId == null ? "q" : "q:" + c.queueId);
        dimCounts[region * counts.length + i] += c.delta;
        dimCounts[queue * counts.length + i] += c.delta;
        if (c.delta > 0) {
            lastContactMinute = Math.max(lastContactMinute, minute);
        }
    }

    /** Forgets minutes before {@code minute}. */
    void trim(long minute) {
        int drop = (int) Math.min(counts.length, minute - base);
        if (drop <= 0) {
            return;
        }
        int n = counts.length;
        System.arraycopy(counts, drop, counts, 0, n - drop);
        Arrays.fill(counts, n - drop, n, 0);
        System.arraycopy(selfServed, drop, selfServed, 0, n - drop);
        Arrays.fill(selfServed, n - drop, n, 0);
        for (int d = 0; d < dims.length; d++) {
            System.arraycopy(dimCounts, d * n + drop, dimCounts, d * n, n - drop);
            Arrays.fill(dimCounts, d * n + n - drop, d * n + n, 0);
        }
        base = minute;
    }

    /** Makes room for {@code minute}, keeping what is there. */
    private void ensure(long minute) {
        int n = counts.length;
        if (n > 0 && minute >= base && minute < base + n) {
            return;
        }
        long from = n == 0 ? minute : Math.min(base, minute);
        long to = n == 0 ? minute : Math.max(base + n - 1, minute);
        int size = Math.max(128, Integer.highestOneBit((int) (to - from + 1) - 1) << 1);
        int shift = (int) (n == 0 ? 0 : base - from);
        int[] c = new int[size];
        int[] s = new int[size];
        int[] dc = new int[dims.length * size];
        if (n > 0) {
            System.arraycopy(counts, 0, c, shift, n);
            System.arraycopy(selfServed, 0, s, shift, n);
            for (int d = 0; d < dims.length; d++) {
                System.arraycopy(dimCounts, d * n, dc, d * size + shift, n);
            }
        }
        base = from;
        counts = c;
        selfServed = s;
        dimCounts = dc;
    }

    private int dim(String key) {
        for (int d = 0; d < dims.length; d++) {
            if (dims[d].equals(key)) {
                return d;
            }
        }
        int d = dims.length;
        dims = Arrays.copyOf(dims, d + 1);
        dims[d] = key;
        dimCounts = Arrays.copyOf(dimCounts, (d + 1) * counts.length);
        live.dimS = Arrays.copyOf(live.dimS, d + 1);
        fin.dimS = Arrays.copyOf(fin.dimS, d + 1);
        return d;
    }

    static DriverDimension dimension(String key) {
        return key.charAt(0) == 'r' ? DriverDimension.REGION : DriverDimension.QUEUE;
    }

    static String value(String key) {
        return key.length() == 1 ? null : key.substring(2);
    }
}
