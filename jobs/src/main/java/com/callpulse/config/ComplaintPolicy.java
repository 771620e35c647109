package com.callpulse.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * How long a complaint may stay unresolved and what happens when it does.
 *
 * @param resolveWithin time to resolution, from opening
 * @param businessHours count only the tenant's business hours (else around the clock)
 * @param pauseWhileAwaitingCustomer stop the clock between {@code awaiting_customer} and {@code customer_responded}
 * @param escalateEvery after a breach, the next escalation comes this much later (same counting rule)
 * @param maxLevel no escalation beyond this level
 */
public record ComplaintPolicy(Duration resolveWithin, boolean businessHours, boolean pauseWhileAwaitingCustomer, Duration escalateEvery, int maxLevel)
        implements Serializable {
    public ComplaintPolicy {
        if (resolveWithin == null || resolveWithin.isNegative() || resolveWithin.isZero()) {
            throw new IllegalArgumentException("a complaint policy needs a positive resolve_within");
        }
        if (escalateEvery == null || escalateEvery.isNegative() || escalateEvery.isZero()) {
            throw new IllegalArgumentException("a complaint policy needs a positive escalate_every");
        }
        if (maxLevel < 1) {
            throw new IllegalArgumentException("max_level must be at least 1");
        }
    }
}
