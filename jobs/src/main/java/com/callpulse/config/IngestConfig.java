package com.callpulse.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * How records are read and judged.
 *
 * @param maxOutOfOrderness watermark bound: how far behind the newest event of its source partition or file an
 *     event may arrive and still count as in order
 * @param allowedLateness beyond the watermark bound, how much later an event is still accepted (and flagged
 *     late); later ones are quarantined as {@code too_late}. It is also how long event ids are remembered for
 *     de-duplication, so a duplicate is either caught or too late, never accepted twice.
 * @param idleness a Kafka partition silent this long stops holding back the watermark
 * @param maxFuture an occurred_at further ahead of the wall clock is refused as {@code bad_timestamp}: it can only
 *     come from a wrong clock, and it would move the watermark past everything else
 * @param maxRecordBytes longer lines or messages are quarantined as {@code too_large}
 * @param parallelism default operator parallelism
 * @param schemaVersion the contract version this build reads
 */
public record IngestConfig(
        Duration maxOutOfOrderness,
        Duration allowedLateness,
        Duration idleness,
        Duration maxFuture,
        int maxRecordBytes,
        int parallelism,
        int schemaVersion)
        implements Serializable {

    public IngestConfig {
        require(maxOutOfOrderness, "ingest.max_out_of_orderness");
        require(allowedLateness, "ingest.allowed_lateness");
        require(idleness, "ingest.idleness");
        require(maxFuture, "ingest.max_future");
        if (maxRecordBytes < 1024) {
            throw new IllegalArgumentException("ingest.max_record_bytes must be at least 1024");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("ingest.parallelism must be at least 1");
        }
    }

    /** How long an event id stays in the de-duplication state, measured in event time past its occurrence. */
    public long dedupHorizonMillis() {
        return maxOutOfOrderness.toMillis() + allowedLateness.toMillis();
    }

    static void require(Duration d, String key) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(key + " must be a non-negative ISO-8601 duration, e.g. PT30S");
        }
    }
}
