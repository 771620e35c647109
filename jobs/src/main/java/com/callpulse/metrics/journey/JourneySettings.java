package com.callpulse.metrics.journey;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.MetricsConfig;

import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The settings of the journey family, read once from {@code metrics:} when the job is built.
 *
 * <p>The settle margin is how long, in event time, a decision waits for records that may still arrive: a row is
 * written only once the watermark is this far past every time its answer depends on. It is the lake's own horizon
 * for late data ({@code metrics.allowed_lateness + metrics.restatement_horizon}: after it, interval tables stop
 * restating too), which covers a contact's duration and after-contact work (its record is written when the leg
 * ends) plus the ingestion's allowed lateness. Journey rows are written once, never restated.
 */
public final class JourneySettings implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long HOUR = 3_600_000L;

    /** A caller's contacts kept for look-ups: beyond this the oldest are dropped (counted), so one number cannot fill the heap. */
    public static final int MAX_CONTACTS_PER_CALLER = 1_000;
    /** Handled legs of one caller waiting for their rows: beyond this the oldest are written at once, incomplete (counted). */
    public static final int MAX_OPEN_LEGS_PER_CALLER = 1_000;
    /** Least wait before a window that was due but not yet covered by its tenant's contact records is looked at again. */
    static final long RETRY_MILLIS = 60_000;

    final int[] windowHours;
    final long[] windowMillis;
    final int selfServiceHours;
    final long selfServiceMillis;
    final long settleMillis;
    /** The longest of the repeat windows and the self-service window: how far back a look-up can reach. */
    final long lookbackMillis;
    final int maxContacts;
    final int maxOpenLegs;

    JourneySettings(List<Duration> repeatWindows, Duration selfServiceWindow, Duration settle, int maxContacts, int maxOpenLegs) {
        if (repeatWindows.isEmpty() || repeatWindows.size() > 31) {
            throw new IllegalArgumentException("metrics.repeat_windows needs 1 to 31 windows, e.g. [PT24H, PT72H, P7D]");
        }
        windowHours = new int[repeatWindows.size()];
        windowMillis = new long[repeatWindows.size()];
        for (int i = 0; i < windowHours.length; i++) {
            windowHours[i] = wholeHours(repeatWindows.get(i), "metrics.repeat_windows");
            windowMillis[i] = windowHours[i] * HOUR;
        }
        if (Arrays.stream(windowHours).distinct().count() != windowHours.length) {
            throw new IllegalArgumentException("metrics.repeat_windows lists a window twice: " + repeatWindows);
        }
        selfServiceHours = wholeHours(selfServiceWindow, "metrics.self_service_window");
        selfServiceMillis = selfServiceHours * HOUR;
        settleMillis = settle.toMillis();
        lookbackMillis = Math.max(Arrays.stream(windowMillis).max().getAsLong(), selfServiceMillis);
        this.maxContacts = maxContacts;
        this.maxOpenLegs = maxOpenLegs;
    }

    public static JourneySettings of(CallPulseConfig config) {
        MetricsConfig m = config.metrics();
        return new JourneySettings(m.repeatWindows(), m.selfServiceWindow(), m.allowedLateness().plus(m.restatementHorizon()),
                MAX_CONTACTS_PER_CALLER, MAX_OPEN_LEGS_PER_CALLER);
    }

    /** Windows are stored as whole hours (the key column {@code window_hours}). */
    private static int wholeHours(Duration d, String key) {
        if (d == null || d.isNegative() || d.isZero() || d.toMillis() % HOUR != 0 || d.toHours() > 24 * 366) {
            throw new IllegalArgumentException(key + " must be whole hours between PT1H and one year, not " + d);
        }
        return (int) d.toHours();
    }

    /** {@code t + settle margin}, saturating. */
    long settledAt(long t) {
        return t > Long.MAX_VALUE - settleMillis ? Long.MAX_VALUE : t + settleMillis;
    }

    /** The latest time whose facts are settled at watermark {@code wm}. */
    long settledThrough(long wm) {
        return wm < Long.MIN_VALUE + settleMillis ? Long.MIN_VALUE : wm - settleMillis;
    }
}
