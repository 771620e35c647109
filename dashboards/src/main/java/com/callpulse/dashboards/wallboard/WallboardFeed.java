package com.callpulse.dashboards.wallboard;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The server's one Kafka consumer of the live topics. It assigns itself every partition (no consumer group: each
 * server holds the whole state, and nothing is committed), reads the compacted topics (queue state, agents) from the
 * beginning and the logs (alerts, queue exits) from {@code logsFrom} (the start of the business day), then follows.
 * A topic that does not exist yet (a job not started, an older job without agents/contacts topics) is looked for
 * again every few seconds; the consumer never creates topics (a broker's auto-created topic would not be compacted).
 */
final class WallboardFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WallboardFeed.class);
    private static final Duration RESCAN = Duration.ofSeconds(5);

    /** Where each record goes, on the feed's thread. */
    interface Sink {
        void accept(WallboardState.Kind kind, String key, String value);

        /** Called after each poll whose records have all been handed over; {@code caughtUp}: the first reads are done. */
        default void polled(boolean caughtUp) {}
    }

    private final Map<String, WallboardState.Kind> kinds = new HashMap<>();
    private final Properties props = new Properties();
    private final LongSupplier logsFrom;
    private final Sink sink;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<String, String> consumer;

    /**
     * @param topics live topic kind to topic name (kinds without a name are not read)
     * @param logsFrom epoch ms from which the log topics are read (evaluated when a partition is first assigned)
     */
    WallboardFeed(String bootstrap, Map<String, String> kafkaProperties, Map<WallboardState.Kind, String> topics, LongSupplier logsFrom, Sink sink) {
        topics.forEach((k, t) -> kinds.put(t, k));
        props.putAll(kafkaProperties);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "callpulse-wallboard");
        // a change should reach the screens within the job's emit interval: do not let the broker hold a fetch long
        props.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
        this.logsFrom = logsFrom;
        this.sink = sink;
        this.thread = new Thread(this::run, "wallboard-feed");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean caughtUp() {
        return caughtUp;
    }

    private void run() {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props)) {
            consumer = c;
            Set<TopicPartition> assigned = new HashSet<>();
            Map<TopicPartition, Long> catchUpTo = new HashMap<>();
            long nextScan = 0;
            while (running) {
                if (System.nanoTime() >= nextScan) {
                    scan(c, assigned, catchUpTo);
                    nextScan = System.nanoTime() + RESCAN.toNanos();
                }
                if (assigned.isEmpty()) {
                    sleep();
                    continue;
                }
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    WallboardState.Kind k = kinds.get(r.topic());
                    if (k != null) {
                        sink.accept(k, r.key(), r.value());
                    }
                }
                if (!caughtUp) {
                    catchUpTo.entrySet().removeIf(e -> c.position(e.getKey()) >= e.getValue());
                    caughtUp = catchUpTo.isEmpty() && assigned.size() > 0;
                    if (caughtUp) {
                        LOG.info("wallboard feed caught up on {} partitions", assigned.size());
                    }
                }
                sink.polled(caughtUp);
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            if (running) {
                LOG.error("wallboard feed stopped", e);
            }
        }
    }

    /** Assigns partitions not yet assigned (topics that appeared, partitions added) and seeks them. */
    private void scan(KafkaConsumer<String, String> c, Set<TopicPartition> assigned, Map<TopicPartition, Long> catchUpTo) {
        List<TopicPartition> fresh = new ArrayList<>();
        for (String topic : kinds.keySet()) {
            List<PartitionInfo> parts;
            try {
                parts = c.partitionsFor(topic, Duration.ofSeconds(2));
            } catch (WakeupException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.debug("live topic {} not readable yet: {}", topic, e.toString());
                continue;
            }
            if (parts == null) {
                continue;
            }
            for (PartitionInfo p : parts) {
                TopicPartition tp = new TopicPartition(p.topic(), p.partition());
                if (!assigned.contains(tp)) {
                    fresh.add(tp);
                }
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        assigned.addAll(fresh);
        c.assign(assigned);
        long from = logsFrom.getAsLong();
        Map<TopicPartition, Long> times = new HashMap<>();
        List<TopicPartition> beginning = new ArrayList<>();
        for (TopicPartition tp : fresh) {
            if (kinds.get(tp.topic()).compacted) {
                beginning.add(tp);
            } else {
                times.put(tp, from);
            }
        }
        c.seekToBeginning(beginning);
        if (!times.isEmpty()) {
            Map<TopicPartition, OffsetAndTimestamp> found = c.offsetsForTimes(times, Duration.ofSeconds(10));
            List<TopicPartition> toEnd = new ArrayList<>();
            for (TopicPartition tp : times.keySet()) {
                OffsetAndTimestamp o = found.get(tp);
                if (o == null) {
                    toEnd.add(tp); // nothing since the start of the day
                } else {
                    c.seek(tp, o.offset());
                }
            }
            c.seekToEnd(toEnd);
        }
        if (!caughtUp) {
            c.endOffsets(fresh, Duration.ofSeconds(10)).forEach((tp, end) -> catchUpTo.put(tp, end));
        }
        LOG.info("wallboard feed reads {} (compacted from the beginning, logs from {})", fresh, java.time.Instant.ofEpochMilli(from));
    }

    /** Waits for the next look for topics; {@link #close} cuts it short (no interrupt: it would break the consumer's close). */
    private synchronized void sleep() {
        try {
            if (running) {
                wait(RESCAN.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        synchronized (this) {
            notifyAll();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
