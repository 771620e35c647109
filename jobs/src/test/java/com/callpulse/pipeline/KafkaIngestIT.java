package com.callpulse.pipeline;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.generator.GeneratorSettings;
import com.callpulse.generator.HotlineSimulator;
import com.callpulse.generator.KafkaLineSink;
import com.callpulse.lake.ParquetLake;
import com.callpulse.model.Stream;
import com.callpulse.reconcile.Outcome;
import com.callpulse.reconcile.RunSummary;
import com.callpulse.testing.Fixtures;
import com.callpulse.testing.IngestJobs;
import com.callpulse.testing.KafkaBroker;
import com.callpulse.testing.ExpectedOutcomes;
import com.callpulse.testing.Lake;
import com.callpulse.testing.MiniClusters;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated events produced into a real Kafka 4 broker running in this JVM (KRaft), consumed by the job's
 * KafkaSource (bounded at the offsets found at start), landed as Parquet, and read back with DuckDB: the lake holds
 * exactly the accepted events, the quarantine exactly the refusals.
 */
class KafkaIngestIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = MiniClusters.withParallelism2();

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @TempDir
    Path tmp;

    @Test
    void theLakeHoldsExactlyTheAcceptedEventsProducedToKafka() throws Exception {
        CallPulseConfig base = Fixtures.config();
        CallPulseConfig config = base.withKafka(base.kafka().withBootstrapServers(KAFKA.bootstrapServers()));
        List<String> topics = java.util.Arrays.stream(Stream.values()).map(s -> config.kafka().topic(s)).toList();
        KAFKA.createTopics(topics, 2);

        GeneratorSettings settings = new GeneratorSettings(LocalDate.parse("2026-11-20"), 1, 1_500, 5, 0.03, 24, config);
        ExpectedOutcomes expected = new ExpectedOutcomes();
        KafkaLineSink kafka = KafkaLineSink.connect(KAFKA.bootstrapServers(), config.kafka(), KafkaLineSink.Pacer.unlimited());
        new HotlineSimulator(settings).run(expected.tee(kafka), kafka, n -> {}, null);

        Path lake = tmp.resolve("lake");
        IngestSource source = new KafkaIngestSource(config.kafka(), true);
        IngestJobs.run(config, source, IngestJobs.lake(lake, config, "kafka-run", source));

        try (Lake l = new Lake(lake)) {
            for (Stream s : Stream.values()) {
                assertThat(l.strings("SELECT event_id FROM " + l.table(s.code()) + " ORDER BY event_id")).as(s.code())
                        .isEqualTo(expected.acceptedIds(s));
            }
            assertThat(l.quarantineCounts()).isEqualTo(expected.quarantineCounts());
            assertThat(l.strings("SELECT DISTINCT origin FROM " + l.table("quarantine") + " ORDER BY 1")).allMatch(o -> o.matches("t\\..+-[01]"));
        }
        RunSummary summary = RunSummary.fromJson(Files.readString(Path.of(ParquetLake.summaryPath(lake.toString(), "kafka-run"))));
        assertThat(summary.balanced()).isTrue();
        long produced = 0;
        for (Stream s : Stream.values()) {
            assertThat(summary.get(s, Outcome.READ)).as(s.code()).isEqualTo(expected.lines(s));
            produced += expected.lines(s);
        }
        assertThat(produced).isGreaterThan(10_000);
    }
}
