package com.callpulse.generator;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.model.Stream;
import com.callpulse.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code generate --kafka} against an in-JVM broker: every line arrives, in order, on the partition the generator chose. */
class KafkaEndToEndTest {
    private static final int PARTITIONS = 3;
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @BeforeAll
    static void createTopics() throws Exception {
        CallPulseConfig config = CallPulseConfig.defaults();
        KAFKA.createTopics(java.util.Arrays.stream(Stream.values()).map(s -> config.kafka().topic(s)).toList(), PARTITIONS);
    }

    @Test
    void everyLineArrivesInOrderOnItsPartition() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = GenerateCommand.run(List.of("--date", "2026-11-20", "--contacts", "300", "--seed", "4", "--kafka", KAFKA.bootstrapServers()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("produced to", "callpulse.contact-events");

        // the same run against a mock producer with the same partitions gives the lines to expect
        CallPulseConfig config = CallPulseConfig.defaults();
        Map<Stream, String> topics = new EnumMap<>(Stream.class);
        Map<Stream, Integer> partitions = new EnumMap<>(Stream.class);
        for (Stream s : Stream.values()) {
            topics.put(s, config.kafka().topic(s));
            partitions.put(s, PARTITIONS);
        }
        MockProducer<String, String> mock = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        KafkaLineSink sink = new KafkaLineSink(mock, topics, partitions, KafkaLineSink.Pacer.unlimited());
        new HotlineSimulator(GeneratorSettings.of(LocalDate.parse("2026-11-20"), 1, 300, 4, 0.01)).run(sink, sink, n -> {}, null);
        Map<String, List<String>> expected = new TreeMap<>();
        for (ProducerRecord<String, String> r : mock.history()) {
            expected.computeIfAbsent(r.topic() + "-" + r.partition(), k -> new ArrayList<>()).add(r.key() + " " + r.value());
        }

        assertThat(consumeAll(topics, mock.history().size())).isEqualTo(expected);
    }

    private static Map<String, List<String>> consumeAll(Map<Stream, String> topics, int count) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, List<String>> got = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> all = new ArrayList<>();
            for (String t : topics.values()) {
                for (int i = 0; i < PARTITIONS; i++) {
                    all.add(new TopicPartition(t, i));
                }
            }
            consumer.assign(all);
            consumer.seekToBeginning(all);
            int n = 0;
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (n < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    got.computeIfAbsent(r.topic() + "-" + r.partition(), k -> new ArrayList<>()).add(r.key() + " " + r.value());
                    n++;
                }
            }
        }
        return got;
    }
}
