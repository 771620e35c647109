package com.callpulse.app;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.IngestConfig;
import com.callpulse.config.LakeConfig;
import com.callpulse.lake.ParquetLake;
import com.callpulse.pipeline.FileIngestSource;
import com.callpulse.live.KafkaLiveSink;
import com.callpulse.live.LiveSink;
import com.callpulse.pipeline.CallPulsePipeline;
import com.callpulse.pipeline.IngestSource;
import com.callpulse.pipeline.KafkaIngestSource;
import com.callpulse.reconcile.RunSummary;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
 * run that crashed is resumed from its last checkpoint by the next {@code run} of the same source and input:
 * committed lake files stay, and nothing after the checkpoint is written twice ({@link Runs}).
 */
public final class RunCommand {

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: callpulse run (--input DIR | --kafka HOST:PORT [--bounded]) --lake DIR [options]",
            "  --input DIR              replay the .jsonl/.jsonl.gz files below DIR (bounded)",
            "  --kafka HOST:PORT        read the stream topics named in the config (live until stopped),",
            "                           and publish the live queue state and alerts to the same broker",
            "  --bounded                with --kafka: stop at the offsets found at start",
            "  --lake DIR               the Parquet lake to write (created if missing)",
            "  --live-kafka HOST:PORT   publish the live topics (kafka.live_topics) to this broker (with --input too)",
            "  --no-live                publish no live topics",
            "  --config FILE            YAML configuration overlaying the defaults",
            "  --parallelism N          operator parallelism (default: ingest.parallelism)",
            "  --checkpoint-interval D  ISO-8601 duration, e.g. PT5S (default: lake.checkpoint_interval)",
            "  --run-id ID              name of this run in <lake>/_runs (default: a timestamp)",
            "  --fresh                  do not resume an unfinished run of the same source");

    private RunCommand() {}

    public static int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(argv, Set.of("input", "kafka", "lake", "config", "parallelism", "checkpoint-interval", "run-id", "live-kafka"),
                Set.of("bounded", "fresh", "help", "no-live"));
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
        if (a.has("no-live") && a.has("live-kafka")) {
            throw new Args.UsageException("give at most one of --live-kafka HOST:PORT and --no-live");
        }
        LiveSink live = liveSink(config, a, out);
        if (config.privacy().isDemoSecret()) {
            err.println("warning: pseudonyms use the demo secret; set " + CallPulseConfig.SECRET_ENV + " for real data");
        }

        Runs runs = new Runs(lake);
        Plan plan = plan(runs, source, a.get("run-id"), a.has("fresh"), out);
        Path checkpoints = runs.dir(plan.info().runId());
        Optional<AutoCloseable> lock = runs.lock(plan.info().runId());
        try {
            if (plan.restoreFrom().isEmpty()) {
                runs.record(plan.info());
            } else {
                out.println("resuming unfinished run " + plan.info().runId() + " from checkpoint " + plan.restoreFrom().get());
            }
            String runId = plan.info().runId();
            out.printf(Locale.ROOT, "run %s: %s -> %s%n", runId, source.describe(), lake);
            Configuration flink = flinkConfiguration(config, checkpoints, plan.restoreFrom());
            if (live instanceof KafkaLiveSink) {
                // each network exchange holds records up to this long before sending a buffer that is not full; the
                // default (100 ms) on each of the job's shuffles would take a good part of the live sink's second
                flink.set(ExecutionOptions.BUFFER_TIMEOUT, LIVE_BUFFER_TIMEOUT);
            }
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
            env.setParallelism(config.ingest().parallelism());
            CallPulsePipeline.build(env, config, source, new ParquetLake(lake, config, runId, source.describe(), Instant.parse(plan.info().startedAt())),
                    live);
            JobExecutionResult result = env.execute("callpulse ingest " + runId);
            Path summaryFile = new Path(ParquetLake.summaryPath(lake, runId));
            if (!result.isJobExecutionResult()) {
                // submitted detached (flink run -d): the job runs on; its summary is updated on every checkpoint
                out.println("submitted as job " + result.getJobID() + "; the run summary will be at " + summaryFile);
                return 0;
            }
            return report(result, summaryFile, lake, out, source.bounded() ? runs : null, runId);
        } finally {
            if (lock.isPresent()) {
                lock.get().close();
            }
        }
    }

    /** Buffer timeout of a job that publishes live topics. */
    static final Duration LIVE_BUFFER_TIMEOUT = Duration.ofMillis(10);

    /**
     * The live sink of a run: the live topics on the broker of {@code --live-kafka}, else on the input broker of
     * {@code --kafka}; none for a file replay without {@code --live-kafka}, or with {@code --no-live}. Missing live
     * topics are created here, before the job starts.
     */
    static LiveSink liveSink(CallPulseConfig config, Args a, PrintStream out) {
        String broker = a.has("no-live") ? null : a.has("live-kafka") ? a.get("live-kafka") : a.get("kafka");
        if (broker == null) {
            return LiveSink.none();
        }
        KafkaLiveSink sink = KafkaLiveSink.connect(config.kafka().withBootstrapServers(broker));
        out.println("live: " + sink.describe());
        return sink;
    }

    /** Which run to start or resume, and from which checkpoint. */
    record Plan(Runs.RunInfo info, Optional<Path> restoreFrom) {}

    /**
     * Decides the run: the named one (resumed if it is unfinished), else the newest unfinished run of the same source
     * (resumed), else a new one. A run is only resumed on the very input it started with; {@code --fresh} retires
     * unfinished runs of the source instead of resuming them.
     */
    static Plan plan(Runs runs, IngestSource source, String requestedId, boolean fresh, PrintStream out) throws IOException {
        String now = Instant.now().toString();
        Runs.RunInfo current;
        if (requestedId != null) {
            Optional<Runs.RunInfo> known = runs.info(requestedId);
            if (known.isPresent() && !known.get().source().equals(source.describe())) {
                throw new IllegalArgumentException("run " + requestedId + " of this lake reads " + known.get().source() + "; choose another run id");
            }
            if (known.isPresent() && !fresh && runs.latestCheckpoint(requestedId).isPresent()) {
                return resume(runs, known.get(), source);
            }
            if (runs.hasSummary(requestedId) || known.isPresent()) {
                throw new IllegalArgumentException("run id " + requestedId + " was already used in this lake; choose another");
            }
            current = new Runs.RunInfo(requestedId, source.describe(), source.inputs(), now);
        } else {
            List<Runs.RunInfo> unfinished = runs.unfinished(source.describe());
            if (!fresh && !unfinished.isEmpty()) {
                return resume(runs, unfinished.get(0), source);
            }
            for (Runs.RunInfo old : unfinished) {
                out.println("retiring unfinished run " + old.runId() + " (--fresh); the files it committed stay in the lake");
                runs.retire(old.runId());
            }
            current = new Runs.RunInfo(newRunId(), source.describe(), source.inputs(), now);
        }
        return new Plan(current, Optional.empty());
    }

    private static Plan resume(Runs runs, Runs.RunInfo run, IngestSource source) {
        List<String> now = source.inputs();
        if (!run.inputs().equals(now)) {
            List<String> gone = new ArrayList<>(run.inputs());
            gone.removeAll(now);
            List<String> added = new ArrayList<>(now);
            added.removeAll(run.inputs());
            throw new IllegalArgumentException("the input changed since unfinished run " + run.runId() + " started (no longer there or changed: "
                    + gone + "; new or changed: " + added + "). The lake already holds part of that run: restore its input to resume it, "
                    + "or start a new run with --fresh, knowing it adds to what the old run committed.");
        }
        return new Plan(run, runs.latestCheckpoint(run.runId()));
    }

    private static int report(JobExecutionResult result, Path summaryFile, String lake, PrintStream out, Runs completedRuns, String runId) throws IOException {
        double seconds = result.getNetRuntime() / 1000.0;
        RunSummary summary = RunSummary.fromJson(read(summaryFile));
        out.println();
        out.println(summary.table());
        out.printf(Locale.ROOT, "%,d records in %.1f s (%,.0f records/s)%n", summary.total(com.callpulse.reconcile.Outcome.READ), seconds,
                summary.total(com.callpulse.reconcile.Outcome.READ) / Math.max(seconds, 0.001));
        out.println("summary: " + summaryFile);
        out.println("lake:    " + lake);
        if (completedRuns != null) {
            completedRuns.retire(runId); // the run is complete; nothing to resume
        }
        return summary.balanced() ? 0 : 1;
    }

    static CallPulseConfig withOverrides(CallPulseConfig c, Args a) {
        IngestConfig i = c.ingest();
        if (a.has("parallelism")) {
            i = new IngestConfig(i.maxOutOfOrderness(), i.allowedLateness(), i.idleness(), i.maxFuture(), i.maxRecordBytes(),
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
        // the reconciliation relies on barriers being aligned (tallies are flushed ahead of them)
        conf.set(CheckpointingOptions.ENABLE_UNALIGNED, false);
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


    static String read(Path file) throws IOException {
        try (FSDataInputStream in = file.getFileSystem().open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }



}
