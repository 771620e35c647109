package com.callpulse.metrics.live;

/**
 * When a queue's service level over the trailing 15 minutes is in breach, with hysteresis so a level hovering at the
 * target raises one alert, not a storm: a breach opens when the service level is below the queue's target with at
 * least {@link #MIN_OFFERED} contacts offered in the window, and closes once it is back at the target plus
 * {@link #CLEAR_MARGIN} (or nothing was offered in the window any more). Beyond the anchors: Amazon Connect's
 * metric rules ({@code OnMetricDataUpdate}) evaluate a threshold over a trailing window, without hysteresis.
 */
public final class ServiceLevelBreach {
    /** Fewer contacts offered in the window: too few to call the service level a breach. */
    public static final long MIN_OFFERED = 10;
    /** A breach closes at target + this (capped at 100 %). */
    public static final double CLEAR_MARGIN = 0.05;

    public enum Decision { NONE, RAISE, CLEAR }

    private ServiceLevelBreach() {}

    public static double clearLevel(double target) {
        return Math.min(1.0, Math.round((target + CLEAR_MARGIN) * 1e9) / 1e9); // 0.8 + 0.05 is 0.8500000000000001 in binary
    }

    /**
     * @param open whether a breach is open for the queue
     * @param serviceLevel the trailing-15-minute service level, null when nothing counts
     * @param offered contacts offered in the window
     */
    public static Decision evaluate(boolean open, Double serviceLevel, long offered, double target) {
        if (!open) {
            return serviceLevel != null && offered >= MIN_OFFERED && serviceLevel < target ? Decision.RAISE : Decision.NONE;
        }
        if (offered == 0 || (serviceLevel != null && serviceLevel >= clearLevel(target))) {
            return Decision.CLEAR;
        }
        return Decision.NONE;
    }
}
