package com.callpulse.metrics.live;

import com.callpulse.metrics.ServiceLevelVariant;

import java.util.Arrays;

/**
 * The counters of one queue and channel, over the trailing windows and per business day. Plain Java (it is also the
 * Flink state of the pair: public fields, arrays only).
 *
 * <ul>
 *   <li>Trailing windows: per-minute buckets in a ring of {@value #RING} minutes, so memory is bounded whatever the
 *       volume. Relative to the tenant's clock minute M, the ring holds minutes M-29 (the start of the 30-minute
 *       window) to M+34 (events ahead of the clock, which count as "now"). The trailing 15 minutes are the buckets
 *       from M-14 on, the trailing 30 minutes those from M-29 on.</li>
 *   <li>Business days: three day slots, for the previous, the current and the next business date of the tenant's
 *       clock, so events late from yesterday and early for tomorrow both land in their own day.</li>
 * </ul>
 * Every counter is a sum except {@link #MAX_WAIT}, which is a maximum.
 */
public class QueueWindows {
    /** Contacts that entered the queue ({@code queued} events). */
    public static final int ENTERED = 0;
    /** Legs that left the queue: answered + abandoned + flowed out + callbacks (queue_intervals' offered). */
    public static final int OFFERED = 1;
    public static final int ANSWERED = 2;
    public static final int ANSWERED_WITHIN = 3;
    public static final int ABANDONED = 4;
    public static final int ABANDONED_WITHIN = 5;
    public static final int SHORT_ABANDONED = 6;
    public static final int FLOWED_OUT = 7;
    public static final int CALLBACKS = 8;
    public static final int TRANSFERS = 9;
    public static final int ANSWERED_WAIT = 10;
    public static final int ABANDONED_WAIT = 11;
    public static final int MAX_WAIT = 12;
    /** Handled legs whose contact record has arrived (the denominator of AHT). */
    public static final int HANDLED = 13;
    public static final int TALK = 14;
    public static final int HOLD = 15;
    public static final int ACW = 16;
    public static final int COUNTERS = 17;

    /** JSON names of the counters, in index order; the same names as queue_intervals' columns where both have one. */
    public static final String[] NAMES = {"entered", "offered", "answered", "answered_within", "abandoned", "abandoned_within", "short_abandoned",
        "flowed_out", "callbacks", "transfers", "answered_wait_seconds", "abandoned_wait_seconds", "max_wait_seconds", "handled", "talk_seconds",
        "hold_seconds", "acw_seconds"};

    public static final int RING = 64;
    /** Minutes of the longest trailing window. */
    public static final int LONG_WINDOW = 30;
    public static final int SHORT_WINDOW = 15;
    public static final int DAYS = 3;
    public static final long NONE = Long.MIN_VALUE;

    public String queueId;
    public String channel;
    /** Epoch minute held by each ring slot, {@link #NONE} when empty. */
    public long[] minutes;
    /** {@link #COUNTERS} counters per ring slot. */
    public long[] buckets;
    /** Epoch day held by each day slot, {@link #NONE} when empty. */
    public long[] days;
    public long[] dayCounters;

    public QueueWindows() {}

    public static QueueWindows create(String queueId, String channel) {
        QueueWindows w = new QueueWindows();
        w.queueId = queueId;
        w.channel = channel;
        w.minutes = new long[RING];
        Arrays.fill(w.minutes, NONE);
        w.buckets = new long[RING * COUNTERS];
        w.days = new long[DAYS];
        Arrays.fill(w.days, NONE);
        w.dayCounters = new long[DAYS * COUNTERS];
        return w;
    }

    /** Whether {@code minute} is in the ring's range around the clock minute. */
    public static boolean inRing(long minute, long clockMinute) {
        return minute > clockMinute - LONG_WINDOW && minute <= clockMinute + (RING - LONG_WINDOW);
    }

    /** Adds an event's counters to its minute; false when the minute is outside the ring's range (too old or too far ahead). */
    public boolean addToMinute(long minute, long clockMinute, long[] delta) {
        if (!inRing(minute, clockMinute)) {
            return false;
        }
        int slot = (int) Math.floorMod(minute, (long) RING);
        if (minutes[slot] != minute) {
            if (minutes[slot] != NONE && minutes[slot] > minute) {
                return false; // cannot happen while the clock only moves forward; never overwrite newer minutes
            }
            minutes[slot] = minute;
            Arrays.fill(buckets, slot * COUNTERS, (slot + 1) * COUNTERS, 0);
        }
        merge(buckets, slot * COUNTERS, delta);
        return true;
    }

    /** Adds an event's counters to its business day, taking over the day's slot from an older day if need be. */
    public void addToDay(long epochDay, long[] delta) {
        int slot = (int) Math.floorMod(epochDay, (long) DAYS);
        if (days[slot] != epochDay) {
            days[slot] = epochDay;
            Arrays.fill(dayCounters, slot * COUNTERS, (slot + 1) * COUNTERS, 0);
        }
        merge(dayCounters, slot * COUNTERS, delta);
    }

    /** Whether adding to {@code epochDay} would drop another day's counters (only when days skip: a skewed replay). */
    public boolean wouldDisplaceDay(long epochDay) {
        long held = days[(int) Math.floorMod(epochDay, (long) DAYS)];
        return held != NONE && held != epochDay;
    }

    /** Sums the buckets of minutes {@code from} to {@code to} (inclusive) into {@code out}. */
    public void sumMinutes(long from, long to, long[] out) {
        Arrays.fill(out, 0);
        for (int slot = 0; slot < RING; slot++) {
            long m = minutes[slot];
            if (m != NONE && m >= from && m <= to) {
                merge(out, 0, buckets, slot * COUNTERS);
            }
        }
    }

    /** Adds the buckets of minutes {@code from} to {@code to} into {@code out} (without clearing it first). */
    public void addMinutesTo(long from, long to, long[] out) {
        for (int slot = 0; slot < RING; slot++) {
            long m = minutes[slot];
            if (m != NONE && m >= from && m <= to) {
                merge(out, 0, buckets, slot * COUNTERS);
            }
        }
    }

    /** Whether any minute from {@code from} to {@code to} holds a count (so a window losing those minutes changes). */
    public boolean hasCountsIn(long from, long to) {
        for (int slot = 0; slot < RING; slot++) {
            long m = minutes[slot];
            if (m != NONE && m >= from && m <= to && !zero(buckets, slot * COUNTERS)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasDay(long epochDay) {
        return days[(int) Math.floorMod(epochDay, (long) DAYS)] == epochDay;
    }

    /** Adds the counters of {@code epochDay} into {@code out}; false when the day has none. */
    public boolean addDayTo(long epochDay, long[] out) {
        int slot = (int) Math.floorMod(epochDay, (long) DAYS);
        if (days[slot] != epochDay) {
            return false;
        }
        merge(out, 0, dayCounters, slot * COUNTERS);
        return true;
    }

    /** Drops the days before {@code epochDay}; true when there was one. */
    public boolean dropDaysBefore(long epochDay) {
        boolean dropped = false;
        for (int slot = 0; slot < DAYS; slot++) {
            if (days[slot] != NONE && days[slot] < epochDay) {
                days[slot] = NONE;
                Arrays.fill(dayCounters, slot * COUNTERS, (slot + 1) * COUNTERS, 0);
                dropped = true;
            }
        }
        return dropped;
    }

    /** Whether the pair holds nothing any more: no counted minute from {@code fromMinute} on and no day. */
    public boolean isEmpty(long fromMinute) {
        for (long d : days) {
            if (d != NONE) {
                return false;
            }
        }
        for (int slot = 0; slot < RING; slot++) {
            if (minutes[slot] != NONE && minutes[slot] >= fromMinute && !zero(buckets, slot * COUNTERS)) {
                return false;
            }
        }
        return true;
    }

    /** Adds {@code delta} into {@code into} at {@code offset}: sums, and the maximum for {@link #MAX_WAIT}. */
    static void merge(long[] into, int offset, long[] delta) {
        merge(into, offset, delta, 0);
    }

    static void merge(long[] into, int offset, long[] from, int fromOffset) {
        for (int i = 0; i < COUNTERS; i++) {
            long v = from[fromOffset + i];
            if (i == MAX_WAIT) {
                into[offset + i] = Math.max(into[offset + i], v);
            } else {
                into[offset + i] += v;
            }
        }
    }

    private static boolean zero(long[] a, int offset) {
        for (int i = 0; i < COUNTERS; i++) {
            if (a[offset + i] != 0) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ the ratios, from summed counters

    /** Service level by the queue's variant, 0..1, or null when no contact counts (queue_intervals' definition). */
    public static Double serviceLevel(long[] c, ServiceLevelVariant variant) {
        return variant.compute(c[OFFERED], c[ANSWERED_WITHIN], c[ABANDONED_WITHIN], c[SHORT_ABANDONED]);
    }

    /** Average speed of answer: answered wait / answered, seconds. */
    public static Double asaSeconds(long[] c) {
        return c[ANSWERED] == 0 ? null : (double) c[ANSWERED_WAIT] / c[ANSWERED];
    }

    /** Average handle time: (talk + hold + ACW) / handled legs with a record, seconds. */
    public static Double ahtSeconds(long[] c) {
        return c[HANDLED] == 0 ? null : (double) (c[TALK] + c[HOLD] + c[ACW]) / c[HANDLED];
    }

    /** Abandonment rate: abandoned / offered. */
    public static Double abandonmentRate(long[] c) {
        return c[OFFERED] == 0 ? null : (double) c[ABANDONED] / c[OFFERED];
    }
}
