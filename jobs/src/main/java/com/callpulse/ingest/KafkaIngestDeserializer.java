package com.callpulse.ingest;

import com.callpulse.config.IngestConfig;
import com.callpulse.model.Stream;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Parses Kafka messages of the five stream topics into {@link Ingested} records whose origin is
 * {@code topic-partition} and position the offset. Parsing in the deserializer lets the source assign event-time
 * timestamps per partition, which is what keeps watermarks right when partitions are read at different speeds.
 * A message with no value (a tombstone) is refused as malformed, never dropped.
 */
public final class KafkaIngestDeserializer implements KafkaRecordDeserializationSchema<Ingested> {
    private static final long serialVersionUID = 1L;

    private final Map<String, Stream> streamByTopic;
    private final Set<String> tenants;
    private final IngestConfig config;
    private transient EventParser parser;
    private transient Map<String, Map<Integer, String>> origins;

    public KafkaIngestDeserializer(Map<String, Stream> streamByTopic, Set<String> tenants, IngestConfig config) {
        this.streamByTopic = Map.copyOf(streamByTopic);
        this.tenants = Set.copyOf(tenants);
        this.config = config;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        parser = EventParser.of(tenants, config);
        origins = new HashMap<>();
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Ingested> out) {
        if (parser == null) {
            open(null);
        }
        Stream stream = streamByTopic.get(record.topic());
        if (stream == null) {
            throw new IllegalStateException("subscribed to topic " + record.topic() + " that maps to no stream");
        }
        String origin = origins.computeIfAbsent(record.topic(), t -> new HashMap<>())
                .computeIfAbsent(record.partition(), p -> record.topic() + "-" + p);
        byte[] value = record.value();
        if (value == null) {
            out.collect(Ingested.refused(stream, origin, record.offset(), com.callpulse.model.QuarantineReason.MALFORMED_JSON,
                    "malformed JSON: the message has no value", ""));
            return;
        }
        out.collect(parser.parse(stream, value, 0, value.length, origin, record.offset()));
    }

    @Override
    public TypeInformation<Ingested> getProducedType() {
        return TypeInformation.of(Ingested.class);
    }
}
