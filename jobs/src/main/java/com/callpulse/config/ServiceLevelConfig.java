package com.callpulse.config;

import com.callpulse.metrics.ServiceLevelVariant;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One version of a queue's service-level target: threshold T, short-abandon time Ts, and the formula. Versions
 * apply from their {@code effective_from} business date; an interval uses the newest version in force on its date,
 * and its row records which ({@link #version()}), so a change never rewrites history unnoticed.
 *
 * @param tenant a tenant id or {@code *}
 * @param queue a queue id or {@code *}
 * @param target the share of contacts the queue aims to serve within T (e.g. 0.8 for "80/20"), for dashboards
 */
public record ServiceLevelConfig(String tenant, String queue, LocalDate effectiveFrom, int thresholdSeconds, int shortAbandonSeconds,
        ServiceLevelVariant variant, double target) implements Serializable {

    public ServiceLevelConfig {
        if (tenant == null || queue == null || effectiveFrom == null || variant == null) {
            throw new IllegalArgumentException("a service level needs tenant, queue, effective_from and variant (use * for any tenant or queue)");
        }
        if (thresholdSeconds < 1 || shortAbandonSeconds < 0 || shortAbandonSeconds > thresholdSeconds) {
            throw new IllegalArgumentException("service level for " + tenant + "/" + queue + ": need threshold_seconds >= 1 and 0 <= short_abandon_seconds <= threshold_seconds");
        }
        if (!(target > 0 && target <= 1)) {
            throw new IllegalArgumentException("service level for " + tenant + "/" + queue + ": target must be a share in (0, 1], e.g. 0.8");
        }
    }

    /** {@code tenant/queue@date}: which configuration an interval row was computed with. */
    public String version() {
        return tenant + "/" + queue + "@" + effectiveFrom;
    }

    boolean matches(String t, String q) {
        return (tenant.equals("*") || tenant.equals(t)) && (queue.equals("*") || queue.equals(q));
    }

    /** More specific entries win over wildcards; then the later effective date. */
    int specificity() {
        return (tenant.equals("*") ? 0 : 2) + (queue.equals("*") ? 0 : 1);
    }
}
