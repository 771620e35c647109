package com.callpulse.generator;

import java.time.Instant;
import java.time.zone.ZoneRules;
import java.util.SplittableRandom;

/**
 * Exactly {@code count} arrival instants of one tenant's business day, in time order, following the intraday curve
 * (plus an optional surge). The day is cut into its real minutes, so a 23- or 25-hour DST day is weighted by the
 * local clock it actually shows. Arrivals are the sorted order statistics of {@code count} draws from the day's
 * density, produced one at a time: memory does not grow with the count.
 */
final class Arrivals {
    /** Relative contact intensity at the middle of each local half-hour (00:15, 00:45, ...) on a weekday. */
    private static final double[] WEEKDAY = {
        1.0, 0.8, 0.6, 0.5, 0.4, 0.35, 0.3, 0.3, 0.3, 0.35, 0.4, 0.5, 0.7, 1.0, 1.5, 2.2, // 00:00-07:59
        3.5, 5.0, 6.3, 7.0, 7.3, 7.4, 7.1, 6.4, // 08:00-11:59: steep rise, morning peak 09:30-11:30
        5.2, 4.7, 5.0, 5.6, 5.9, 6.0, 6.0, 5.9, 5.8, 5.6, 5.2, 4.9, // 12:00-17:59: lunch dip, afternoon plateau
        5.0, 5.6, 6.3, 6.6, 6.6, 6.2, 5.2, 4.2, 3.2, 2.4, 1.8, 1.3 // 18:00-23:59: evening peak 19:00-21:00, decline
    };
    /** Weekends start later and lean towards the evening. */
    private static final double[] WEEKEND = new double[48];

    static {
        for (int i = 0; i < 48; i++) {
            double shifted = i < 24 ? interpolate(WEEKDAY, i - 1.5) : WEEKDAY[i];
            double factor = i < 24 ? 0.85 : i < 36 ? 0.95 : 1.08;
            WEEKEND[i] = shifted * factor;
        }
    }

    /** A scripted burst of one topic: its window and the share of the day's contacts it adds. */
    record Surge(long start, long end, double share) {
        double shape(long t) {
            if (t < start || t >= end) {
                return 0;
            }
            double x = (double) (t - start) / (end - start);
            return x < 1.0 / 6 ? x * 6 : x < 2.0 / 3 ? 1.0 : (1 - x) * 3; // steep rise, plateau, decay
        }
    }

    private final long dayStart;
    private final double[] base;
    private final double[] surge;
    private final double[] cumulative;
    private final int count;
    private final SplittableRandom random;
    private int produced;
    private double remaining = 1.0;
    private int minute;
    private boolean lastWasSurge;

    /**
     * @param slotNoise multiplicative forecast error per half-hour of the day (null for none)
     */
    Arrivals(long dayStart, long dayEnd, ZoneRules zone, boolean weekend, int count, double[] slotNoise, Surge surgeWindow, SplittableRandom random) {
        this.dayStart = dayStart;
        this.count = count;
        this.random = random;
        int minutes = (int) ((dayEnd - dayStart) / 60_000);
        this.base = new double[minutes];
        this.surge = new double[minutes];
        this.cumulative = new double[minutes + 1];
        double baseTotal = 0;
        double shapeTotal = 0;
        for (int m = 0; m < minutes; m++) {
            long mid = dayStart + m * 60_000L + 30_000;
            double w = intensity(localHour(zone, mid), weekend);
            if (slotNoise != null) {
                w *= slotNoise[Math.min(slotNoise.length - 1, m / 30)];
            }
            base[m] = w;
            baseTotal += w;
            if (surgeWindow != null) {
                surge[m] = surgeWindow.shape(mid);
                shapeTotal += surge[m];
            }
        }
        if (shapeTotal > 0) {
            double scale = surgeWindow.share() / (1 - surgeWindow.share()) * baseTotal / shapeTotal;
            for (int m = 0; m < minutes; m++) {
                surge[m] *= scale;
            }
        }
        for (int m = 0; m < minutes; m++) {
            cumulative[m + 1] = cumulative[m] + base[m] + surge[m];
        }
    }

    /** Expected share of the day's (unsurged, forecast) contacts in each half-hour from the day's start. */
    static double[] forecastShares(long dayStart, long dayEnd, ZoneRules zone, boolean weekend) {
        int minutes = (int) ((dayEnd - dayStart) / 60_000);
        double[] slots = new double[(minutes + 29) / 30];
        double total = 0;
        for (int m = 0; m < minutes; m++) {
            double w = intensity(localHour(zone, dayStart + m * 60_000L + 30_000), weekend);
            slots[m / 30] += w;
            total += w;
        }
        for (int i = 0; i < slots.length; i++) {
            slots[i] /= total;
        }
        return slots;
    }

    boolean hasNext() {
        return produced < count;
    }

    /** The next arrival instant; afterwards {@link #lastWasSurge()} tells whether it belongs to the surge. */
    long next() {
        int n = count - produced;
        produced++;
        // the smallest of n uniforms is 1 - V^(1/n); scaling the remainder keeps the sequence sorted
        remaining *= Math.exp(Math.log(1.0 - random.nextDouble()) / n);
        double target = (1.0 - remaining) * cumulative[cumulative.length - 1];
        while (minute < base.length - 1 && cumulative[minute + 1] < target) {
            minute++;
        }
        double w = base[minute] + surge[minute];
        double within = w > 0 ? Math.min(1.0, Math.max(0.0, (target - cumulative[minute]) / w)) : 0.5;
        lastWasSurge = surge[minute] > 0 && random.nextDouble() * w < surge[minute];
        return dayStart + minute * 60_000L + (long) (within * 60_000);
    }

    boolean lastWasSurge() {
        return lastWasSurge;
    }

    static double intensity(double hourOfDay, boolean weekend) {
        return interpolate(weekend ? WEEKEND : WEEKDAY, hourOfDay * 2 - 0.5);
    }

    /** Linear interpolation between half-hour midpoints, wrapping around midnight. */
    private static double interpolate(double[] curve, double slot) {
        double s = ((slot % 48) + 48) % 48;
        int i = (int) Math.floor(s);
        double f = s - i;
        return curve[i] * (1 - f) + curve[(i + 1) % 48] * f;
    }

    static double localHour(ZoneRules zone, long epochMillis) {
        int offset = zone.getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds();
        long local = Math.floorMod(epochMillis + offset * 1000L, 86_400_000L);
        return local / 3_600_000.0;
    }
}
