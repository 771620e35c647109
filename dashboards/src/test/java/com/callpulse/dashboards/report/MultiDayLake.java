package com.callpulse.dashboards.report;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.LakeConfig;
import com.callpulse.generator.FileLineSink;
import com.callpulse.generator.GeneratorSettings;
import com.callpulse.generator.HotlineSimulator;
import com.callpulse.live.LiveSink;
import com.callpulse.pipeline.FileIngestSource;
import com.callpulse.testing.IngestJobs;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A small lake of {@value #DAYS} business days ending on {@link #LAST} (the sample day's date), generated and written
 * by the real job once per test JVM: what the report's comparisons with the previous day, last week and the trend
 * need, which the one-day sample lake cannot show. Few contacts a day keep it quick.
 */
final class MultiDayLake {
    static final LocalDate LAST = LocalDate.parse("2026-11-20");
    static final int DAYS = 9;
    static final int CONTACTS_PER_DAY = 400;
    private static Path lake;

    private MultiDayLake() {}

    static synchronized Path get() throws Exception {
        if (lake == null) {
            Path root = Path.of("target", "report-multiday").toAbsolutePath();
            delete(root);
            Path input = root.resolve("input");
            Path dir = root.resolve("lake");
            long t0 = System.nanoTime();
            GeneratorSettings settings = GeneratorSettings.of(LAST.minusDays(DAYS - 1L), DAYS, CONTACTS_PER_DAY, 11, 0.0);
            new HotlineSimulator(settings).run(new FileLineSink(input, settings.shardHours()));
            CallPulseConfig config = CallPulseConfig.defaults().withLake(new LakeConfig(Duration.ofSeconds(1), "ZSTD"));
            FileIngestSource source = new FileIngestSource(input.toString());
            // a week of state outgrows the in-memory checkpoint storage (5 MB): checkpoints on disk, as ./callpulse run does
            Configuration job = new Configuration();
            job.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            job.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, root.resolve("checkpoints").toUri().toString());
            IngestJobs.startAll(config, source, IngestJobs.lake(dir, config, "multiday", source), LiveSink.none(), job)
                    .getJobExecutionResult().get();
            System.out.printf("multi-day lake: %d days x %d contacts generated and ingested in %d ms%n", DAYS, CONTACTS_PER_DAY,
                    (System.nanoTime() - t0) / 1_000_000);
            lake = dir;
        }
        return lake;
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
