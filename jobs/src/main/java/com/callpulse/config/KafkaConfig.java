package com.callpulse.config;

import com.callpulse.model.Stream;

import java.io.Serializable;
import java.util.Map;

/**
 * Where the five streams come from in production.
 *
 * @param topics stream name (e.g. {@code contact_events}) to topic name
 * @param startingOffsets where a job without a checkpoint starts: {@code committed} (falling back to earliest),
 *     {@code earliest} or {@code latest}
 * @param properties extra Kafka consumer properties (security, timeouts)
 */
public record KafkaConfig(
        String bootstrapServers, String groupId, Map<String, String> topics, String startingOffsets, Map<String, String> properties)
        implements Serializable {

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
        if (new java.util.HashSet<>(topics.values()).size() != topics.size()) {
            throw new IllegalArgumentException("kafka.topics must name a different topic for each stream: " + topics);
        }
        if (startingOffsets == null) {
            startingOffsets = "committed";
        }
        if (!Map.of("committed", 1, "earliest", 1, "latest", 1).containsKey(startingOffsets)) {
            throw new IllegalArgumentException("kafka.starting_offsets must be committed, earliest or latest");
        }
    }

    public String topic(Stream s) {
        return topics.get(s.code());
    }

    public KafkaConfig withBootstrapServers(String servers) {
        return new KafkaConfig(servers, groupId, topics, startingOffsets, properties);
    }
}
