package com.callpulse.live;

import com.callpulse.config.KafkaConfig;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The live sink in production and in the embedded run: each {@link LiveTopic} to its Kafka topic
 * ({@code kafka.live_topics}), keyed by {@link LiveMessage#key} (so a key's messages keep their order in one
 * partition, and compaction keeps the last state per queue or agent), the JSON as the value.
 *
 * <p>Delivery is at least once: records are sent as they come (not held for a checkpoint, which would add its
 * interval to the latency), and after a failure the messages since the last checkpoint are sent again. That is
 * harmless here: a queue-state or agent message is the whole state of its key, an alert carries its id, and a
 * queue exit its contact, queue, outcome and time. Each {@link #publish} call gets a sink of its own, so several
 * operators can publish to the same topic.
 */
public final class KafkaLiveSink implements LiveSink {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(KafkaLiveSink.class);
    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private final KafkaConfig kafka;
    private final Map<LiveTopic, Integer> publishers = new EnumMap<>(LiveTopic.class);
    private final Set<String> uids = new java.util.HashSet<>();

    private KafkaLiveSink(KafkaConfig kafka) {
        this.kafka = kafka;
    }

    /** A sink to the live topics of {@code kafka}, creating those that are missing (see {@link #ensureTopics}). */
    public static KafkaLiveSink connect(KafkaConfig kafka) {
        ensureTopics(kafka);
        return new KafkaLiveSink(kafka);
    }

    /** The topic of a kind of live message. */
    public static String topicName(KafkaConfig kafka, LiveTopic topic) {
        return kafka.liveTopic(topic.code());
    }

    public String describe() {
        List<String> topics = new ArrayList<>();
        for (LiveTopic t : LiveTopic.values()) {
            topics.add(t.code() + " -> " + topicName(kafka, t));
        }
        return "kafka:" + kafka.bootstrapServers() + " " + topics;
    }

    @Override
    public void publish(LiveTopic topic, DataStream<LiveMessage> messages) {
        String name = topicName(kafka, topic);
        int n = publishers.merge(topic, 1, Integer::sum);
        Properties producer = new Properties();
        producer.putAll(kafka.properties());
        // live data: send at once (a few ms of batching), never wait for a checkpoint
        producer.setProperty(ProducerConfig.LINGER_MS_CONFIG, "5");
        producer.setProperty(ProducerConfig.CLIENT_ID_CONFIG, "callpulse-live-" + topic.code() + "-" + n);
        KafkaSink<LiveMessage> sink = KafkaSink.<LiveMessage>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(new Serializer(name))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
        // the uid is made of the upstream operator's, so adding a publisher elsewhere does not rename this one
        String upstream = upstreamId(messages.getTransformation());
        String uid = "live-sink-" + topic.code() + "-" + upstream;
        if (!uids.add(uid)) {
            uid = uid + "-" + n;
            uids.add(uid);
        }
        messages.sinkTo(sink).name("live " + name + " <- " + upstream).uid(uid).setParallelism(messages.getParallelism());
    }

    /** The uid (or name) of the operator that makes the messages; for a side output, its parent's and the output's. */
    private static String upstreamId(org.apache.flink.api.dag.Transformation<?> t) {
        String own = t.getUid() != null ? t.getUid() : t.getName();
        if (t.getUid() == null && !t.getInputs().isEmpty()) {
            own = upstreamId(t.getInputs().get(0)) + "-" + t.getName();
        }
        return own.replaceAll("[^A-Za-z0-9]+", "-");
    }

    /** Key and JSON of a message, as UTF-8; the record's timestamp is the producer's clock (the event time is in the JSON). */
    static final class Serializer implements KafkaRecordSerializationSchema<LiveMessage> {
        private static final long serialVersionUID = 1L;
        private final String topic;

        Serializer(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(LiveMessage m, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(topic, null, null, m.key.getBytes(StandardCharsets.UTF_8), m.json.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Creates the live topics that do not exist: {@code kafka.live_topic_partitions} partitions, replication
     * {@code kafka.live_replication_factor} or the broker's default; the state topics (queue state, agents) compacted
     * (with hourly segments, so compaction can start within the hour), the logs (alerts, contacts) plain logs. An
     * existing topic is left as it is; a state topic that is not compacted gets a warning. Returns what it did, one
     * line per topic.
     */
    public static List<String> ensureTopics(KafkaConfig kafka) {
        Properties p = new Properties();
        p.putAll(kafka.properties());
        p.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(TimeUnit.SECONDS.toMillis(ADMIN_TIMEOUT_SECONDS)));
        List<String> report = new ArrayList<>();
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            for (LiveTopic t : LiveTopic.values()) {
                String name = topicName(kafka, t);
                if (existing.contains(name)) {
                    report.add(name + ": exists");
                    if (t.compacted()) {
                        checkCompacted(admin, name);
                    }
                    continue;
                }
                Map<String, String> configs = new HashMap<>();
                if (t.compacted()) {
                    configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
                    configs.put(TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(TimeUnit.HOURS.toMillis(1)));
                    configs.put(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1");
                } else {
                    configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
                }
                Optional<Short> replication = kafka.liveReplicationFactor() == null || kafka.liveReplicationFactor() == 0 ? Optional.empty()
                        : Optional.of(kafka.liveReplicationFactor().shortValue());
                NewTopic topic = new NewTopic(name, Optional.of(kafka.liveTopicPartitions()), replication).configs(configs);
                try {
                    admin.createTopics(List.of(topic)).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    report.add(name + ": created (" + configs.get(TopicConfig.CLEANUP_POLICY_CONFIG) + ", " + kafka.liveTopicPartitions() + " partitions)");
                    LOG.info("created live topic {} with {}", name, configs);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    report.add(name + ": exists"); // created by another process in the meantime
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the live topics", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the live topics on " + kafka.bootstrapServers() + ": " + e.getMessage(), e);
        }
        return report;
    }

    private static void checkCompacted(Admin admin, String name) throws Exception {
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, name);
        Config c = admin.describeConfigs(List.of(r)).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).get(r);
        String policy = c == null || c.get(TopicConfig.CLEANUP_POLICY_CONFIG) == null ? "" : c.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            LOG.warn("live topic {} has cleanup.policy={}; a state topic needs compaction (cleanup.policy=compact), "
                    + "or it grows without bound and a new subscriber has to read it all", name, policy);
        }
    }
}
