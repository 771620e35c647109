package com.callpulse.model;

/** A lake row that knows its partition: {@code tenant=<tenant>/date=<business date of the time>}. */
public interface Partitioned {
    /** Owning tenant; null when unknown (quarantined records only). */
    String partitionTenant();

    /** Epoch millis whose business date is the partition; {@link Long#MIN_VALUE} when unknown. */
    long partitionTime();
}
