package com.callpulse.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * How facts land.
 *
 * @param checkpointInterval files are committed on each checkpoint, so this is both the lake's freshness and
 *     how many small files a partition gets
 * @param compression Parquet codec: SNAPPY, ZSTD, GZIP or UNCOMPRESSED
 */
public record LakeConfig(Duration checkpointInterval, String compression) implements Serializable {
    private static final Set<String> CODECS = Set.of("SNAPPY", "ZSTD", "GZIP", "UNCOMPRESSED");

    public LakeConfig {
        IngestConfig.require(checkpointInterval, "lake.checkpoint_interval");
        if (checkpointInterval.toMillis() < 100) {
            throw new IllegalArgumentException("lake.checkpoint_interval must be at least 100 ms");
        }
        compression = compression == null ? "ZSTD" : compression.toUpperCase(Locale.ROOT);
        if (!CODECS.contains(compression)) {
            throw new IllegalArgumentException("lake.compression must be one of " + CODECS);
        }
    }
}
