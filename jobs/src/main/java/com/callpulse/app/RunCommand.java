package com.callpulse.app;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.IngestConfig;
import com.callpulse.config.LakeConfig;
import com.callpulse.lake.ParquetLake;
import com.callpulse.pipeline.FileIngestSource;
import com.callpulse.pipeline.IngestPipeline;
import com.callpulse.pipeline.IngestSource;
import com.callpulse.pipeline.KafkaIngestSource;
import com.callpulse.reconcile.RunSummary;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code run}: ingest files or Kafka topics into the lake. Embedded (a MiniCluster in this JVM) when started from
 * the launcher, or on a Flink cluster when this jar is submitted there.
 *
 * <p>Checkpoints go to {@code <lake>/_checkpoints/<run id>} and are kept when a run stops before its end, so a
 * run that crashed is resumed from its last checkpoint by the next {@code run} with the same source: committed
 * lake files stay, and nothing after the checkpoint is written twice.
 */
public final class RunCommand {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    static final String CHECKPOINTS_DIR = "_checkpoints";
    static final String RUN_FILE = "run.json";

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: callpulse run (--input DIR | --kafka HOST:PORT [--bounded]) --lake DIR [options]",
            "  --input DIR              replay the .jsonl/.jsonl.gz files below DIR (bounded)",
            "  --kafka HOST:PORT        read the stream topics named in the config (live until stopped)",
            "  --bounded                with --kafka: stop at the offsets found at start",
            "  --lake DIR               the Parquet lake to write (created if missing)",
            "  --config FILE            YAML configuration overlaying the defaults",
            "  --parallelism N          operator parallelism (default: ingest.parallelism)",
            "  --checkpoint-interval D  ISO-8601 duration, e.g. PT5S (default: lake.checkpoint_interval)",
            "  --run-id ID              name of this run in <lake>/_runs (default: a timestamp)",
            "  --fresh                  do not resume an unfinished run of the same source");

    private RunCommand() {}

    public static int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(argv, Set.of("input", "kafka", "lake", "config", "parallelism", "checkpoint-interval", "run-id"),
                Set.of("bounded", "fresh", "help"));
        if (a.has("help")) {
            out.println(USAGE);
            return 0;
        }
        if (a.has("input") == a.has("kafka")) {
            throw new Args.UsageException("give exactly one of --input DIR and --kafka HOST:PORT");
        }
        String lake = absolute(a.required("lake"));
        CallPulseConfig config = CallPulseConfig.load(a.has("config") ? Paths.get(a.get("config")) : null, System.getenv());
        config = withOverrides(config, a);

        IngestSource source;
        if (a.has("input")) {
            String input = absolute(a.get("input"));
            FileIngestSource files = new FileIngestSource(input);
            files.files(); // fail now, with a clear message, when there is nothing to read
            source = files;
        } else {
            source = new KafkaIngestSource(config.kafka().withBootstrapServers(a.get("kafka")), a.has("bounded"));
        }
        if (config.privacy().isDemoSecret()) {
            err.println("warning: pseudonyms use the demo secret; set " + CallPulseConfig.SECRET_ENV + " for real data");
        }

        Optional<String> resumable = a.has("fresh") || a.has("run-id") ? Optional.empty() : unfinishedRun(lake, source.describe());
        String runId = resumable.orElseGet(() -> a.get("run-id", newRunId()));
        Path checkpoints = checkpointDir(lake, runId);
        Optional<Path> restoreFrom = resumable.flatMap(id -> latestCheckpoint(checkpointDir(lake, id)));
        restoreFrom.ifPresent(p -> out.println("resuming unfinished run from checkpoint " + p));

        Instant started = Instant.now();
        if (restoreFrom.isEmpty()) {
            recordRun(checkpoints, runId, source.describe(), started);
        }
        out.printf(Locale.ROOT, "run %s: %s -> %s%n", runId, source.describe(), lake);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flinkConfiguration(config, checkpoints, restoreFrom));
        env.setParallelism(config.ingest().parallelism());
        IngestPipeline.build(env, config, source, new ParquetLake(lake, config, runId, source.describe(), started));
        JobExecutionResult result = env.execute("callpulse ingest " + runId);
        Path summaryFile = new Path(ParquetLake.summaryPath(lake, runId));
        if (!result.isJobExecutionResult()) {
            // submitted detached (flink run -d): the job runs on; its summary is updated on every checkpoint
            out.println("submitted as job " + result.getJobID() + "; the run summary will be at " + summaryFile);
            return 0;
        }

        double seconds = result.getNetRuntime() / 1000.0;
        RunSummary summary = RunSummary.fromJson(read(summaryFile));
        out.println();
        out.println(summary.table());
        out.printf(Locale.ROOT, "%,d records in %.1f s (%,.0f records/s)%n", summary.total(com.callpulse.reconcile.Outcome.READ), seconds,
                summary.total(com.callpulse.reconcile.Outcome.READ) / Math.max(seconds, 0.001));
        out.println("summary: " + summaryFile);
        out.println("lake:    " + lake);
        if (source.bounded()) {
            checkpoints.getFileSystem().delete(checkpoints, true); // the run is complete; nothing to resume
        }
        return summary.balanced() ? 0 : 1;
    }

    static CallPulseConfig withOverrides(CallPulseConfig c, Args a) {
        IngestConfig i = c.ingest();
        if (a.has("parallelism")) {
            i = new IngestConfig(i.maxOutOfOrderness(), i.allowedLateness(), i.idleness(), i.maxRecordBytes(),
                    a.getInt("parallelism", i.parallelism()), i.schemaVersion());
        }
        LakeConfig l = c.lake();
        if (a.has("checkpoint-interval")) {
            l = new LakeConfig(Duration.parse(a.get("checkpoint-interval")), l.compression());
        }
        return c.withIngest(i).withLake(l);
    }

    /** Flink settings of an ingestion run: exactly-once checkpoints kept on the lake's file system. */
    static Configuration flinkConfiguration(CallPulseConfig config, Path checkpoints, Optional<Path> restoreFrom) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, config.lake().checkpointInterval());
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        // a task failure restarts from the last checkpoint a few times; past that the run stops and can be resumed
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(2));
        restoreFrom.ifPresent(p -> conf.set(StateRecoveryOptions.SAVEPOINT_PATH, p.toUri().toString()));
        return conf;
    }

    static String newRunId() {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).format(Instant.now().atOffset(ZoneOffset.UTC))
                + "-" + String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(1 << 16));
    }

    /** A local path made absolute; a URI (s3://, hdfs://, file:/) as given. */
    static String absolute(String location) {
        return location.contains(":/") ? location : Paths.get(location).toAbsolutePath().normalize().toString();
    }

    /** With its file system's scheme ({@code file:/...}), which Flink's checkpoint storage insists on. */
    static Path checkpointDir(String lake, String runId) {
        Path p = new Path(new Path(lake, CHECKPOINTS_DIR), runId);
        try {
            return p.makeQualified(p.getFileSystem());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the lake's file system for " + p, e);
        }
    }

    static String read(Path file) throws IOException {
        try (FSDataInputStream in = file.getFileSystem().open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The newest run of this lake that read the same source and kept a completed checkpoint. A run that completes
     * deletes its checkpoints, so a run with one left is unfinished. The source is recorded next to the checkpoints
     * when the run starts ({@value #RUN_FILE}); the run summary cannot serve, it may not be written yet when a
     * process dies just after a checkpoint.
     */
    static Optional<String> unfinishedRun(String lake, String sourceDescription) throws IOException {
        Path all = new Path(lake, CHECKPOINTS_DIR);
        FileSystem fs = all.getFileSystem();
        if (!fs.exists(all)) {
            return Optional.empty();
        }
        List<String> runs = new ArrayList<>();
        for (FileStatus f : fs.listStatus(all)) {
            if (f.isDir()) {
                runs.add(f.getPath().getName());
            }
        }
        runs.sort(Comparator.reverseOrder()); // run ids start with their start time
        for (String id : runs) {
            Path runFile = new Path(checkpointDir(lake, id), RUN_FILE);
            if (!fs.exists(runFile)) {
                continue;
            }
            String recorded;
            try {
                recorded = new ObjectMapper().readTree(read(runFile)).path("source").asText();
            } catch (IOException e) {
                LOG.warn("ignoring unreadable {}: {}", runFile, e.toString());
                continue;
            }
            if (sourceDescription.equals(recorded) && latestCheckpoint(checkpointDir(lake, id)).isPresent()) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** Records what a run reads, beside its checkpoints, before it starts. */
    static void recordRun(Path checkpoints, String runId, String sourceDescription, Instant started) throws IOException {
        ObjectMapper m = new ObjectMapper();
        String json = m.writeValueAsString(m.createObjectNode().put("run_id", runId).put("source", sourceDescription).put("started_at", started.toString()));
        Path file = new Path(checkpoints, RUN_FILE);
        try (var out = file.getFileSystem().create(file, FileSystem.WriteMode.OVERWRITE)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code <dir>/<job id>/chk-N} with the highest N whose metadata was written. */
    static Optional<Path> latestCheckpoint(Path dir) {
        try {
            FileSystem fs = dir.getFileSystem();
            if (!fs.exists(dir)) {
                return Optional.empty();
            }
            Path best = null;
            long bestN = -1;
            for (FileStatus job : fs.listStatus(dir)) {
                if (!job.isDir()) {
                    continue;
                }
                for (FileStatus chk : fs.listStatus(job.getPath())) {
                    String name = chk.getPath().getName();
                    if (chk.isDir() && name.matches("chk-\\d+") && fs.exists(new Path(chk.getPath(), "_metadata"))) {
                        long n = Long.parseLong(name.substring(4));
                        if (n > bestN) {
                            bestN = n;
                            best = chk.getPath();
                        }
                    }
                }
            }
            return Optional.ofNullable(best);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
