package com.callpulse.generator;

import com.callpulse.model.Stream;

/**
 * Which origin (file or Kafka partition) of its stream a line is read from. Ingestion judges lateness against the
 * newest event of the line's own origin, so the generator needs the same split to know which delayed lines will be
 * flagged late or refused as too late.
 */
@FunctionalInterface
public interface Origins {
    /** An id of the origin, unique within the stream. */
    int of(Stream stream, long emitAtEpochMillis, String partitionKey);

    /** One file per stream per {@code shardHours} of emission time, as {@link FileLineSink} writes them. */
    static Origins fileShards(int shardHours) {
        long shard = shardHours * 3_600_000L;
        return (stream, emitAt, key) -> (int) Math.floorDiv(emitAt, shard);
    }
}
