package com.callpulse.generator;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.model.Stream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaLineSinkTest {
    @Test
    void producesEachStreamToItsTopicKeyedByEntityOnTheDefaultPartitionersPartition() {
        CallPulseConfig config = CallPulseConfig.defaults();
        Map<Stream, String> topics = new EnumMap<>(Stream.class);
        Map<Stream, Integer> partitions = new EnumMap<>(Stream.class);
        for (Stream s : Stream.values()) {
            topics.put(s, config.kafka().topic(s));
            partitions.put(s, 6);
        }
        MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        KafkaLineSink kafka = new KafkaLineSink(producer, topics, partitions, KafkaLineSink.Pacer.unlimited());
        ExpectedTally tally = new ExpectedTally(kafka);
        GeneratorSettings settings = GeneratorSettings.of(LocalDate.parse("2026-11-20"), 1, 400, 9, 0.03);

        new HotlineSimulator(settings).run(tally, kafka, n -> {}, null);

        List<ProducerRecord<String, String>> sent = producer.history();
        assertThat((long) sent.size()).isEqualTo(tally.total().lines);
        Map<String, Integer> partitionOfKey = new HashMap<>();
        for (ProducerRecord<String, String> r : sent) {
            Stream s = topics.entrySet().stream().filter(e -> e.getValue().equals(r.topic())).findFirst().orElseThrow().getKey();
            int expected = Utils.toPositive(Utils.murmur2(r.key().getBytes(StandardCharsets.UTF_8))) % 6;
            assertThat(r.partition()).isEqualTo(expected);
            assertThat(partitionOfKey.merge(s + r.key(), r.partition(), (a, b) -> a)).isEqualTo(r.partition());
            if (s == Stream.AGENT_STATE_EVENTS && r.value().contains("\"agent_id\":\"")) {
                assertThat(r.value()).contains("\"agent_id\":\"" + r.key() + "\"");
            }
        }
        assertThat(tally.of(Stream.CONTACT_EVENTS).lines).isPositive();
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void aRatePacerSpreadsLinesOverTime() throws InterruptedException {
        KafkaLineSink.Pacer pacer = KafkaLineSink.Pacer.rate(200);
        long t0 = System.nanoTime();
        for (int i = 0; i < 41; i++) {
            pacer.await(0);
        }
        assertThat((System.nanoTime() - t0) / 1e6).isBetween(150.0, 1500.0);
    }
}
