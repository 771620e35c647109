package com.callpulse.generator;

import java.util.SplittableRandom;

/** The few distributions the simulation draws from, all on one seeded generator so a run can be replayed. */
final class Dist {
    private Dist() {}

    static boolean chance(SplittableRandom r, double p) {
        return r.nextDouble() < p;
    }

    /** Log-normal with the given median; sigma is the spread of the underlying normal. */
    static double lognormal(SplittableRandom r, double median, double sigma) {
        return median * Math.exp(sigma * r.nextGaussian());
    }

    static double exponential(SplittableRandom r, double mean) {
        return -mean * Math.log(1.0 - r.nextDouble());
    }

    static double uniform(SplittableRandom r, double from, double to) {
        return from + (to - from) * r.nextDouble();
    }

    static long uniformMillis(SplittableRandom r, double fromSeconds, double toSeconds) {
        return Math.round(uniform(r, fromSeconds, toSeconds) * 1000.0);
    }

    /** Seconds to whole milliseconds, never below {@code minMillis}. */
    static long millis(double seconds, long minMillis) {
        return Math.max(minMillis, Math.round(seconds * 1000.0));
    }

    static <T> T pick(SplittableRandom r, T[] items) {
        return items[r.nextInt(items.length)];
    }
}
