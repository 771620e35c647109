package com.callpulse.metrics.topic;

import java.util.Arrays;

/**
 * One topic's counts per local 15-minute slot of the days of the last {@code baseline_weeks} weeks: the contacts and
 * the minutes the series covered. Bounded: (7 x weeks + 1) days x 96 slots, a ring by day. The repeated hour of an autumn DST night falls into the same slots as the first one (their
 * minutes add up, so the rate stays right); the hour skipped in spring has no history that day. A Flink POJO.
 */
public class SeasonalHistory {
    public static final int SLOTS = 96;

    /** Epoch day (local date) of each ring row; Long.MIN_VALUE when the row is empty. */
    public long[] days;
    public int[] contacts;
    public int[] minutes;

    public SeasonalHistory() {}

    SeasonalHistory(int weeks) {
        int rows = 7 * weeks + 1;
        days = new long[rows];
        Arrays.fill(days, Long.MIN_VALUE);
        contacts = new int[rows * SLOTS];
        minutes = new int[rows * SLOTS];
    }

    /**
     * Contacts per minute in the same slot of the same weekday in the past {@code weeks} weeks: the median of the
     * weeks there is history for (so from three weeks on, a one-off outage in one of them does not move it), each
     * week's rate over the minutes it covered; null when there is no such week.
     */
    Double rate(long epochDay, int slot, int weeks) {
        double[] rates = new double[weeks];
        int n = 0;
        for (int w = 1; w <= weeks; w++) {
            long day = epochDay - 7L * w;
            int row = (int) Math.floorMod(day, (long) days.length);
            if (days[row] == day && minutes[row * SLOTS + slot] > 0) {
                rates[n++] = (double) contacts[row * SLOTS + slot] / minutes[row * SLOTS + slot];
            }
        }
        if (n == 0) {
            return null;
        }
        Arrays.sort(rates, 0, n);
        return n % 2 == 1 ? rates[n / 2] : (rates[n / 2 - 1] + rates[n / 2]) / 2;
    }

    /** One minute of the series, with its contacts. */
    void record(long epochDay, int slot, int count) {
        int row = (int) Math.floorMod(epochDay, (long) days.length);
        if (days[row] != epochDay) {
            days[row] = epochDay;
            Arrays.fill(contacts, row * SLOTS, (row + 1) * SLOTS, 0);
            Arrays.fill(minutes, row * SLOTS, (row + 1) * SLOTS, 0);
        }
        contacts[row * SLOTS + slot] += count;
        minutes[row * SLOTS + slot]++;
    }
}
