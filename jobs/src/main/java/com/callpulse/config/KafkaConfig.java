package com.callpulse.config;

import com.callpulse.model.Stream;

import java.io.Serializable;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where the five streams come from in production, and where the live topics go.
 *
 * @param topics stream name (e.g. {@code contact_events}) to topic name
 * @param startingOffsets where a job without a checkpoint starts: {@code committed} (falling back to earliest),
 *     {@code earliest} or {@code latest}
 * @param properties extra Kafka client properties (security, timeouts), given to the consumer, the live producers
 *     and the admin client that creates the live topics
 * @param liveTopics live topic kind ({@code queue_state}, {@code alerts}, {@code agents}, {@code contacts}) to topic name; the live sink publishes there
 * @param liveTopicPartitions partitions of a live topic the job creates (an existing topic is left as it is)
 * @param liveReplicationFactor replication of a live topic the job creates; absent (or 0): the broker's
 *     {@code default.replication.factor} (1 on a single broker)
 */
public record KafkaConfig(String bootstrapServers, String groupId, Map<String, String> topics, String startingOffsets, Map<String, String> properties,
        Map<String, String> liveTopics, Integer liveTopicPartitions, Integer liveReplicationFactor) implements Serializable {

    /** Kinds of live topic, as named in {@code kafka.live_topics}, with their default topic names. */
    public static final Map<String, String> DEFAULT_LIVE_TOPICS = defaultLiveTopics();

    public KafkaConfig {
        topics = topics == null ? Map.of() : Map.copyOf(topics);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        for (String s : topics.keySet()) {
            Stream.ofCode(s);
        }
        for (Stream s : Stream.values()) {
            if (!topics.containsKey(s.code())) {
                throw new IllegalArgumentException("kafka.topics has no topic for stream " + s.code());
            }
        }
        if (new HashSet<>(topics.values()).size() != topics.size()) {
            throw new IllegalArgumentException("kafka.topics must name a different topic for each stream: " + topics);
        }
        if (startingOffsets == null) {
            startingOffsets = "committed";
        }
        if (!Map.of("committed", 1, "earliest", 1, "latest", 1).containsKey(startingOffsets)) {
            throw new IllegalArgumentException("kafka.starting_offsets must be committed, earliest or latest");
        }
        Map<String, String> live = new LinkedHashMap<>(DEFAULT_LIVE_TOPICS);
        if (liveTopics != null) {
            for (Map.Entry<String, String> e : liveTopics.entrySet()) {
                if (!DEFAULT_LIVE_TOPICS.containsKey(e.getKey())) {
                    throw new IllegalArgumentException("kafka.live_topics: unknown live topic kind '" + e.getKey() + "'; kinds: " + DEFAULT_LIVE_TOPICS.keySet());
                }
                if (e.getValue() == null || e.getValue().isBlank()) {
                    throw new IllegalArgumentException("kafka.live_topics." + e.getKey() + " needs a topic name");
                }
                live.put(e.getKey(), e.getValue());
            }
        }
        liveTopics = Map.copyOf(live);
        Set<String> all = new HashSet<>(topics.values());
        for (String t : liveTopics.values()) {
            if (!all.add(t)) {
                throw new IllegalArgumentException("kafka.live_topics must name topics of their own, not an input topic or each other's: " + liveTopics);
            }
        }
        if (liveTopicPartitions == null) {
            liveTopicPartitions = 3;
        }
        if (liveTopicPartitions < 1) {
            throw new IllegalArgumentException("kafka.live_topic_partitions must be at least 1");
        }
        if (liveReplicationFactor != null && liveReplicationFactor < 0) {
            throw new IllegalArgumentException("kafka.live_replication_factor must be positive (or absent for the broker's default)");
        }
    }

    /** The input side only; the live topics take their defaults. */
    public KafkaConfig(String bootstrapServers, String groupId, Map<String, String> topics, String startingOffsets, Map<String, String> properties) {
        this(bootstrapServers, groupId, topics, startingOffsets, properties, null, null, null);
    }

    public String topic(Stream s) {
        return topics.get(s.code());
    }

    /** Topic of a live topic kind ({@code queue_state}, {@code alerts}, {@code agents}, {@code contacts}). */
    public String liveTopic(String kind) {
        String t = liveTopics.get(kind);
        if (t == null) {
            throw new IllegalArgumentException("no live topic of kind " + kind);
        }
        return t;
    }

    public KafkaConfig withBootstrapServers(String servers) {
        return new KafkaConfig(servers, groupId, topics, startingOffsets, properties, liveTopics, liveTopicPartitions, liveReplicationFactor);
    }

    private static Map<String, String> defaultLiveTopics() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("queue_state", "callpulse.live.queue-state");
        m.put("alerts", "callpulse.live.alerts");
        m.put("agents", "callpulse.live.agents");
        m.put("contacts", "callpulse.live.contacts");
        return java.util.Collections.unmodifiableMap(m);
    }
}
