package com.callpulse.pipeline;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.LakeConfig;
import com.callpulse.lake.LakeSinks;
import com.callpulse.lake.ParquetLake;
import com.callpulse.model.AgentState;
import com.callpulse.model.ContactEventType;
import com.callpulse.model.Partitioned;
import com.callpulse.model.Stream;
import com.callpulse.reconcile.Outcome;
import com.callpulse.reconcile.RunSummary;
import com.callpulse.reconcile.TallyDelta;
import com.callpulse.schema.EventJsonWriter;
import com.callpulse.testing.Fixtures;
import com.callpulse.testing.IngestJobs;
import com.callpulse.testing.InputFiles;
import com.callpulse.testing.Lake;
import com.callpulse.testing.MiniClusters;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run that fails in the middle, after some files were committed, restarts from its last checkpoint and still
 * lands every accepted record exactly once, with a run summary that reconciles.
 */
class ExactlyOnceIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = MiniClusters.withParallelism2();

    /** How many injected failures actually happened (the test is void if none did). */
    static final AtomicInteger FAILURES = new AtomicInteger();

    @TempDir
    Path tmp;

    @Test
    void aFailureAndRestartNeitherLoseNorDoubleARecord() throws Exception {
        CallPulseConfig config = Fixtures.config();
        EventJsonWriter json = Fixtures.jsonWriter(config);
        Path input = tmp.resolve("input");
        int events = 60_000;
        List<String> lines = new ArrayList<>(events + 10);
        for (int i = 0; i < events; i++) {
            lines.add(json.write(Fixtures.contactEvent("ce-" + i, T0 + i * 1_000L, "c-" + (i / 3), ContactEventType.ARRIVED)));
            if (i % 5_000 == 17) {
                lines.add(lines.get(lines.size() - 1)); // a duplicate now and then
            }
        }
        InputFiles.write(input.resolve("contact_events").resolve("contact_events-a.jsonl.gz"), lines.subList(0, lines.size() / 2));
        InputFiles.write(input.resolve("contact_events").resolve("contact_events-b.jsonl.gz"), lines.subList(lines.size() / 2, lines.size()));
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            agents.add(json.write(Fixtures.agentState("as-" + i, T0 + i * 12_000L, "a-" + (i % 50), AgentState.READY)));
        }
        InputFiles.write(input.resolve("agent_state_events-a.jsonl.gz"), agents);

        Path lake = tmp.resolve("lake");
        Configuration restart = new Configuration();
        restart.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        IngestSource source = new FileIngestSource(input.toString());
        CallPulseConfig quickCheckpoints = config.withLake(new LakeConfig(Duration.ofMillis(300), config.lake().compression()));
        LakeSinks real = IngestJobs.lake(lake, config, "eo-run", source);
        IngestJobs.run(quickCheckpoints, source, new FailingBefore(real, Stream.CONTACT_EVENTS), restart);

        assertThat(FAILURES.get()).as("the injected failure happened").isGreaterThanOrEqualTo(1);
        try (Lake l = new Lake(lake)) {
            assertThat(l.count("contact_events")).isEqualTo(events);
            assertThat(l.scalarLong("SELECT count(DISTINCT event_id) FROM " + l.table("contact_events"))).isEqualTo(events);
            assertThat(l.scalarLong("SELECT min(CAST(substr(event_id, 4) AS INTEGER)) + max(CAST(substr(event_id, 4) AS INTEGER)) FROM "
                    + l.table("contact_events"))).isEqualTo(events - 1);
            assertThat(l.count("agent_state_events")).isEqualTo(5_000);
            assertThat(l.rows("SELECT origin, position, reason, event_id FROM " + l.table("quarantine") + " ORDER BY ALL")).hasSize(12)
                    .allSatisfy(r -> assertThat(r.get("reason")).isEqualTo("duplicate"));
            assertThat(l.scalarLong("SELECT count(DISTINCT (origin, position)) FROM " + l.table("quarantine"))).isEqualTo(12);
        }
        RunSummary summary = RunSummary.fromJson(Files.readString(Path.of(ParquetLake.summaryPath(lake.toString(), "eo-run"))));
        assertThat(summary.status()).isEqualTo("complete");
        assertThat(summary.get(Stream.CONTACT_EVENTS, Outcome.READ)).isEqualTo(lines.size());
        assertThat(summary.get(Stream.CONTACT_EVENTS, Outcome.ACCEPTED)).isEqualTo(events);
        assertThat(summary.get(Stream.CONTACT_EVENTS, Outcome.DUPLICATE)).isEqualTo(12);
        assertThat(summary.balanced()).isTrue();
    }

    /** The real lake, with a step before one table that fails once, after a checkpoint has completed. */
    static final class FailingBefore implements LakeSinks {
        private final LakeSinks lake;
        private final Stream failing;

        FailingBefore(LakeSinks lake, Stream failing) {
            this.lake = lake;
            this.failing = failing;
        }

        @Override
        public <T extends Partitioned> void table(String name, Class<T> rowClass, DataStream<T> rows) {
            boolean fail = name.equals(failing.code());
            lake.table(name, rowClass, fail ? rows.map(new FailOnceAfterACheckpoint<T>()).returns(rows.getType()).name("inject failure") : rows);
        }

        @Override
        public void runSummary(DataStream<TallyDelta> deltas) {
            lake.runSummary(deltas);
        }
    }

    /** On the first attempt: slows down so checkpoints complete mid-stream, then fails once one has. */
    static final class FailOnceAfterACheckpoint<T> extends RichMapFunction<T, T> implements CheckpointListener {
        private transient boolean firstAttempt;
        private transient long seen;
        private transient boolean checkpointed;

        @Override
        public void open(OpenContext ctx) {
            firstAttempt = getRuntimeContext().getTaskInfo().getAttemptNumber() == 0;
        }

        @Override
        public T map(T value) throws Exception {
            if (firstAttempt) {
                if (++seen % 20 == 0) {
                    Thread.sleep(1); // ~1.5 s for this subtask's share: several checkpoints complete meanwhile
                }
                if (checkpointed && seen > 5_000 && getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
                    FAILURES.incrementAndGet();
                    throw new IllegalStateException("injected failure after a completed checkpoint");
                }
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }
    }
}
