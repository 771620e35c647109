package com.callpulse.metrics;

import com.callpulse.schema.Code;

/**
 * The service-level formulas the industry uses, all computed from the same stored counters of a queue interval
 * (offered, answered within T, abandoned within T, abandoned within the short-abandon time Ts), so any of them can
 * be recomputed for any past interval in SQL. Which one a queue reports is configured per queue
 * ({@code metrics.service_levels}). See docs/metrics.md.
 */
public enum ServiceLevelVariant implements Code {
    /** answered within T / offered. Cisco "abandons negative", Avaya CMS "% within service level". */
    ANSWERED_WITHIN,
    /** (answered within T + abandoned within T) / offered. Amazon Connect "service level X", Cisco "abandons positive". */
    ANSWERED_OR_ABANDONED_WITHIN,
    /** answered within T / (offered - abandoned within T). Cisco "abandons ignored", CxEngage default. */
    ABANDONS_WITHIN_IGNORED,
    /** answered within T / (offered - abandoned within Ts). Genesys Stat Server ServiceFactor, RingCentral. */
    SHORT_ABANDONS_IGNORED;

    /** The service level as a share (0..1), or null when no contact counts. */
    public Double compute(long offered, long answeredWithin, long abandonedWithin, long shortAbandoned) {
        long numerator;
        long denominator;
        switch (this) {
            case ANSWERED_WITHIN:
                numerator = answeredWithin;
                denominator = offered;
                break;
            case ANSWERED_OR_ABANDONED_WITHIN:
                numerator = answeredWithin + abandonedWithin;
                denominator = offered;
                break;
            case ABANDONS_WITHIN_IGNORED:
                numerator = answeredWithin;
                denominator = offered - abandonedWithin;
                break;
            case SHORT_ABANDONS_IGNORED:
                numerator = answeredWithin;
                denominator = offered - shortAbandoned;
                break;
            default:
                throw new IllegalStateException(name());
        }
        return denominator <= 0 ? null : (double) numerator / denominator;
    }
}
