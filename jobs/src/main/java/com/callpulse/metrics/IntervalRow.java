package com.callpulse.metrics;

import com.callpulse.model.Partitioned;
import com.callpulse.schema.Doc;
import com.callpulse.schema.Required;
import com.callpulse.schema.Timestamp;

/**
 * A row of an interval table: one tenant, one interval, one version. Subclasses add their dimensions and counters
 * (public fields: the row is a Flink POJO in state and a Parquet row in the lake).
 *
 * <p>A row is written when its interval is final (its end plus {@code metrics.allowed_lateness}); if a late event
 * changes it afterwards, the row is written again with the next version and {@code restated} set. Readers take
 * the highest version of each interval.
 */
public abstract class IntervalRow implements Partitioned {
    @Required
    @Doc("Tenant.")
    public String tenantId;

    @Required
    @Timestamp
    @Doc("Start of the interval, in the tenant's zone counted from local midnight.")
    public long intervalStart;

    @Required
    @Timestamp
    @Doc("End of the interval (exclusive).")
    public long intervalEnd;

    @Required
    @Doc("1 for the first final row of the interval; each restatement adds 1.")
    public int version;

    @Required
    @Doc("True when late events changed the interval after it was first final (or first reached it then).")
    public boolean restated;

    @Override
    public String partitionTenant() {
        return tenantId;
    }

    @Override
    public long partitionTime() {
        return intervalStart;
    }

    /** Ratios and other derived columns, from the counters; called before each write. */
    public abstract void complete();

    /**
     * True when the counters net to nothing (possible only for metrics that take back what they added, e.g. a
     * late event moving time or a fact elsewhere): such a row is not written unless an earlier version was.
     */
    public boolean isEmpty() {
        return false;
    }
}
