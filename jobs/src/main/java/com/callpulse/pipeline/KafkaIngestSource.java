package com.callpulse.pipeline;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.KafkaConfig;
import com.callpulse.ingest.Ingested;
import com.callpulse.ingest.KafkaIngestDeserializer;
import com.callpulse.model.Stream;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The five stream topics, read by one KafkaSource (topic partitions are its splits, each with its own
 * watermark). Offsets live in Flink's checkpoints; committing them back to Kafka only shows progress. Live by
 * default; bounded (up to the offsets at start) for replays and tests.
 */
public final class KafkaIngestSource implements IngestSource {
    private static final long serialVersionUID = 1L;

    private final KafkaConfig kafka;
    private final boolean bounded;

    public KafkaIngestSource(KafkaConfig kafka, boolean bounded) {
        this.kafka = kafka;
        this.bounded = bounded;
    }

    @Override
    public Map<String, DataStream<Ingested>> open(StreamExecutionEnvironment env, CallPulseConfig config) {
        Map<String, Stream> streamByTopic = new HashMap<>();
        for (Stream s : Stream.values()) {
            streamByTopic.put(kafka.topic(s), s);
        }
        KafkaSourceBuilder<Ingested> b = KafkaSource.<Ingested>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(List.copyOf(streamByTopic.keySet()))
                .setGroupId(kafka.groupId())
                .setClientIdPrefix(kafka.groupId())
                .setDeserializer(new KafkaIngestDeserializer(streamByTopic, config.tenantsById().keySet(), config.ingest()))
                .setStartingOffsets(startingOffsets());
        kafka.properties().forEach(b::setProperty);
        if (bounded) {
            b.setBounded(OffsetsInitializer.latest());
        } else {
            b.setProperty("partition.discovery.interval.ms", "60000");
        }
        DataStream<Ingested> stream = env.fromSource(b.build(), Watermarks.forIngest(config.ingest(), !bounded), "read Kafka topics")
                .uid("source-kafka");
        return Map.of("kafka", stream);
    }

    private OffsetsInitializer startingOffsets() {
        switch (kafka.startingOffsets()) {
            case "earliest":
                return OffsetsInitializer.earliest();
            case "latest":
                return OffsetsInitializer.latest();
            default:
                return OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        }
    }

    @Override
    public String describe() {
        return "kafka:" + kafka.bootstrapServers() + " topics=" + new java.util.TreeSet<>(kafka.topics().values()) + " group=" + kafka.groupId()
                + (bounded ? " (bounded)" : "");
    }

    @Override
    public boolean bounded() {
        return bounded;
    }
}
