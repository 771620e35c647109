package com.callpulse.live;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.KafkaConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The live topics in {@code kafka:}: shipped names, overrides, and mistakes refused with the key named. */
class LiveTopicsConfigTest {
    @TempDir
    Path dir;

    @Test
    void theShippedDefaultsNameEveryLiveTopic() {
        KafkaConfig k = CallPulseConfig.defaults().kafka();
        assertThat(KafkaLiveSink.topicName(k, LiveTopic.QUEUE_STATE)).isEqualTo("callpulse.live.queue-state");
        assertThat(KafkaLiveSink.topicName(k, LiveTopic.ALERTS)).isEqualTo("callpulse.live.alerts");
        assertThat(k.liveTopicPartitions()).isEqualTo(3);
        assertThat(k.liveReplicationFactor()).as("the broker's default").isNull();
        assertThat(LiveTopic.QUEUE_STATE.compacted()).isTrue();
        assertThat(LiveTopic.ALERTS.compacted()).isFalse();
        assertThat(KafkaLiveSink.topicName(k, LiveTopic.AGENTS)).isEqualTo("callpulse.live.agents");
        assertThat(KafkaLiveSink.topicName(k, LiveTopic.CONTACTS)).isEqualTo("callpulse.live.contacts");
        assertThat(LiveTopic.AGENTS.compacted()).as("the last message of an agent is its state").isTrue();
        assertThat(LiveTopic.CONTACTS.compacted()).as("every queue exit is kept").isFalse();
    }

    @Test
    void aFileRenamesOneTopicAndKeepsTheOther() throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "kafka:\n  live_topics:\n    alerts: ops.alerts\n  live_replication_factor: 3\n");
        KafkaConfig k = CallPulseConfig.load(f, Map.of()).kafka();
        assertThat(k.liveTopic("alerts")).isEqualTo("ops.alerts");
        assertThat(k.liveTopic("queue_state")).isEqualTo("callpulse.live.queue-state");
        assertThat(k.liveReplicationFactor()).isEqualTo(3);
        assertThat(k.withBootstrapServers("b:9092").liveTopics()).isEqualTo(k.liveTopics());
    }

    @Test
    void mistakesAreRefused() throws Exception {
        Path unknown = dir.resolve("unknown.yaml");
        Files.writeString(unknown, "kafka:\n  live_topics:\n    wallboard: x\n");
        assertThatThrownBy(() -> CallPulseConfig.load(unknown, Map.of())).hasMessageContaining("unknown live topic kind 'wallboard'");

        Path clash = dir.resolve("clash.yaml");
        Files.writeString(clash, "kafka:\n  live_topics:\n    alerts: callpulse.contact-events\n");
        assertThatThrownBy(() -> CallPulseConfig.load(clash, Map.of())).hasMessageContaining("kafka.live_topics must name topics of their own");

        Path partitions = dir.resolve("partitions.yaml");
        Files.writeString(partitions, "kafka:\n  live_topic_partitions: 0\n");
        assertThatThrownBy(() -> CallPulseConfig.load(partitions, Map.of())).hasMessageContaining("kafka.live_topic_partitions");
    }
}
