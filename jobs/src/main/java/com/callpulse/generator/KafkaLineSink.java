package com.callpulse.generator;

import com.callpulse.config.KafkaConfig;
import com.callpulse.model.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Produces each stream to its topic, keyed by the line's entity (so an entity's lines, duplicates included, share a
 * partition and keep their order), optionally paced by a rate or by event time. The partition is chosen here, as the
 * default partitioner would, so the generator knows each line's origin when it decides which delayed lines are late.
 */
public final class KafkaLineSink implements LineSink, Origins {
    /** Holds delivery back to a rate or to event time. */
    @FunctionalInterface
    public interface Pacer {
        /** Waits until the line emitted at {@code emitAt} may be sent. */
        void await(long emitAtEpochMillis) throws InterruptedException;

        static Pacer unlimited() {
            return emitAt -> {};
        }

        /** At most {@code linesPerSecond} lines per second. */
        static Pacer rate(double linesPerSecond) {
            long[] sent = {0};
            long[] start = {0};
            return emitAt -> {
                if (sent[0]++ == 0) {
                    start[0] = System.nanoTime();
                }
                sleepUntil(start[0] + (long) (sent[0] / linesPerSecond * 1e9));
            };
        }

        /** Event time runs {@code speed} times faster than the wall clock (1 = real time). */
        static Pacer speed(double speed) {
            long[] first = {Long.MIN_VALUE};
            long[] start = {0};
            return emitAt -> {
                if (first[0] == Long.MIN_VALUE) {
                    first[0] = emitAt;
                    start[0] = System.nanoTime();
                }
                sleepUntil(start[0] + (long) ((emitAt - first[0]) / speed * 1e6));
            };
        }

        private static void sleepUntil(long nanoTime) throws InterruptedException {
            long wait = nanoTime - System.nanoTime();
            if (wait > 2_000_000) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }

    private final Producer<String, String> producer;
    private final Map<Stream, String> topics = new EnumMap<>(Stream.class);
    private final Map<Stream, Integer> partitions = new EnumMap<>(Stream.class);
    private final Pacer pacer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    /**
     * @param partitions number of partitions of each stream's topic
     */
    public KafkaLineSink(Producer<String, String> producer, Map<Stream, String> topics, Map<Stream, Integer> partitions, Pacer pacer) {
        this.producer = producer;
        this.topics.putAll(topics);
        this.partitions.putAll(partitions);
        this.pacer = pacer;
        for (Stream s : Stream.values()) {
            if (!this.topics.containsKey(s) || this.partitions.getOrDefault(s, 0) < 1) {
                throw new IllegalArgumentException("no topic or partitions for stream " + s.code());
            }
        }
    }

    /** A producer for {@code bootstrap} (acks=all, linger 20 ms, lz4), sending to the configured topics, which must exist. */
    public static KafkaLineSink connect(String bootstrap, KafkaConfig kafka, Pacer pacer) {
        Properties p = new Properties();
        p.putAll(kafka.properties());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "callpulse-generate");
        KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        Map<Stream, String> topics = new EnumMap<>(Stream.class);
        Map<Stream, Integer> partitions = new EnumMap<>(Stream.class);
        try {
            for (Stream s : Stream.values()) {
                String topic = kafka.topic(s);
                topics.put(s, topic);
                partitions.put(s, producer.partitionsFor(topic).size());
            }
        } catch (RuntimeException e) {
            producer.close();
            throw e;
        }
        return new KafkaLineSink(producer, topics, partitions, pacer);
    }

    @Override
    public int of(Stream stream, long emitAtEpochMillis, String partitionKey) {
        return Utils.toPositive(Utils.murmur2(partitionKey.getBytes(StandardCharsets.UTF_8))) % partitions.get(stream);
    }

    @Override
    public void accept(Stream stream, long emitAt, String partitionKey, String line, Expectation expectation) {
        Exception failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("producing to Kafka failed: " + failed.getMessage(), failed);
        }
        try {
            pacer.await(emitAt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        ProducerRecord<String, String> r = new ProducerRecord<>(topics.get(stream), of(stream, emitAt, partitionKey), partitionKey, line);
        producer.send(r, (meta, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
    }

    @Override
    public void close() {
        producer.flush();
        producer.close();
        Exception failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("producing to Kafka failed: " + failed.getMessage(), failed);
        }
    }

    public String topic(Stream s) {
        return topics.get(s);
    }
}
