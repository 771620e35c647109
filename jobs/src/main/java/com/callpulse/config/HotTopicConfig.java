package com.callpulse.config;

import java.io.Serializable;

/**
 * Hot-topic detection.
 *
 * @param minExpected below this many expected contacts in a window, no z-score is trusted (no alert)
 * @param surgeZ a window is a surge at z at or above this; a drop at or below minus this
 * @param clearZ an alert ends once |z| stays below this
 * @param clearMinutes for this many consecutive minutes (hysteresis)
 * @param topK topics ranked by growth per tenant and minute
 * @param baselineWeeks past weeks of the same weekday and time slot that make the baseline when there is history
 * @param ewmaAlpha smoothing of the fallback baseline (per minute) when there is no such history
 */
public record HotTopicConfig(double minExpected, double surgeZ, double clearZ, int clearMinutes, int topK, int baselineWeeks, double ewmaAlpha)
        implements Serializable {
    public HotTopicConfig {
        if (!(surgeZ > clearZ && clearZ >= 0)) {
            throw new IllegalArgumentException("hot_topics: need surge_z > clear_z >= 0 (hysteresis)");
        }
        if (clearMinutes < 1 || topK < 1 || baselineWeeks < 1 || !(ewmaAlpha > 0 && ewmaAlpha <= 1) || minExpected < 0) {
            throw new IllegalArgumentException("hot_topics: clear_minutes, top_k, baseline_weeks >= 1, 0 < ewma_alpha <= 1, min_expected >= 0");
        }
    }
}
