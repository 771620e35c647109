package com.callpulse.testing;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.lake.LakeSinks;
import com.callpulse.lake.ParquetLake;
import com.callpulse.live.LiveSink;
import com.callpulse.pipeline.CallPulsePipeline;
import com.callpulse.pipeline.IngestPipeline;
import com.callpulse.pipeline.IngestSource;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.file.Path;
import java.time.Instant;

/** Runs the ingestion graph on the test class's MiniCluster, at parallelism 2, checkpointing as configured. */
public final class IngestJobs {
    /** A fixed start time, so nothing in a test depends on the clock. */
    public static final Instant STARTED = Instant.parse("2026-11-22T00:00:00Z");

    private IngestJobs() {}

    /** The real Parquet lake under {@code root}; its run summary is {@code _runs/<runId>.json}. */
    public static ParquetLake lake(Path root, CallPulseConfig config, String runId, IngestSource source) {
        return new ParquetLake(root.toString(), config, runId, source.describe(), STARTED);
    }

    public static void run(CallPulseConfig config, IngestSource source, LakeSinks sinks) throws Exception {
        run(config, source, sinks, new Configuration());
    }

    /** Ingestion and every metric: the whole job. */
    public static void runAll(CallPulseConfig config, IngestSource source, LakeSinks sinks) throws Exception {
        StreamExecutionEnvironment env = environment(config, new Configuration());
        CallPulsePipeline.build(env, config, source, sinks, LiveSink.none());
        env.execute(source.describe());
    }

    /** The whole job, its live messages to {@code live}; returns the job's net run time in milliseconds. */
    public static long runAll(CallPulseConfig config, IngestSource source, LakeSinks sinks, LiveSink live) throws Exception {
        StreamExecutionEnvironment env = environment(config, new Configuration());
        CallPulsePipeline.build(env, config, source, sinks, live);
        return env.execute(source.describe()).getNetRuntime();
    }

    /** Starts the whole job (an unbounded source runs until cancelled through the returned client). */
    public static org.apache.flink.core.execution.JobClient startAll(CallPulseConfig config, IngestSource source, LakeSinks sinks, LiveSink live,
            Configuration job) throws Exception {
        StreamExecutionEnvironment env = environment(config, job);
        CallPulsePipeline.build(env, config, source, sinks, live);
        return env.executeAsync(source.describe());
    }

    /** Lake sinks that write nothing, for tests of other outputs (the graph keeps only what reaches a sink). */
    public static LakeSinks noLake() {
        return new LakeSinks() {
            @Override
            public <T extends com.callpulse.model.Partitioned> void table(String name, Class<T> rowClass, org.apache.flink.streaming.api.datastream.DataStream<T> rows) {
            }

            @Override
            public void runSummary(org.apache.flink.streaming.api.datastream.DataStream<com.callpulse.reconcile.TallyDelta> deltas) {
            }
        };
    }

    /** @param job settings for this job only, e.g. a restart strategy */
    public static void run(CallPulseConfig config, IngestSource source, LakeSinks sinks, Configuration job) throws Exception {
        StreamExecutionEnvironment env = environment(config, job);
        IngestPipeline.build(env, config, source, sinks);
        env.execute(source.describe());
    }

    private static StreamExecutionEnvironment environment(CallPulseConfig config, Configuration job) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.configure(job);
        env.setParallelism(MiniClusters.PARALLELISM);
        env.enableCheckpointing(config.lake().checkpointInterval().toMillis());
        return env;
    }
}
