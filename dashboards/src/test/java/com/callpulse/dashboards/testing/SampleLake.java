package com.callpulse.dashboards.testing;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.LakeConfig;
import com.callpulse.pipeline.FileIngestSource;
import com.callpulse.testing.IngestJobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The lake of the committed sample day (sample-data/, business day 2026-11-20), written by the real job once per
 * test JVM into {@code target/sample-lake} and shared by the dashboards' tests, which only read it.
 */
public final class SampleLake {
    public static final String DATE = "2026-11-20";
    private static Path lake;

    private SampleLake() {}

    public static synchronized Path get() throws Exception {
        if (lake == null) {
            Path dir = Path.of("target", "sample-lake").toAbsolutePath();
            delete(dir);
            CallPulseConfig config = CallPulseConfig.defaults().withLake(new LakeConfig(Duration.ofSeconds(1), "ZSTD"));
            FileIngestSource source = new FileIngestSource(Path.of("..", "sample-data").toAbsolutePath().toString());
            IngestJobs.runAll(config, source, IngestJobs.lake(dir, config, "sample", source));
            lake = dir;
        }
        return lake;
    }

    static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
