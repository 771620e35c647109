package com.callpulse.dashboards.wallboard;

import com.callpulse.dashboards.config.DashboardsConfig;
import com.callpulse.dashboards.testing.TestServer;
import com.callpulse.testing.KafkaBroker;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static com.callpulse.dashboards.wallboard.LiveMessages.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed's reading of Kafka at start-up: compacted topics from the beginning (yesterday's queue state is today's
 * state until replaced), logs from the start of the tenants' day (yesterday's alert is not shown), a topic created
 * after the server started is found, and the consumer never creates a topic.
 */
class WallboardFeedTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @TempDir
    Path lake;

    @Test
    void startUpReadsStatesFromTheBeginningAndLogsFromTheStartOfTheDay() throws Exception {
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put("queue_state", "f.queue-state");
        topics.put("alerts", "f.alerts");
        topics.put("agents", "f.agents");
        topics.put("contacts", "f.contacts"); // created only after the server started
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("f.queue-state", 2, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic("f.agents", 2, (short) 1).configs(Map.of("cleanup.policy", "compact")), new NewTopic("f.alerts", 2, (short) 1))).all().get();
        }
        long now = System.currentTimeMillis();
        long yesterday = now - Duration.ofHours(30).toMillis();
        try (KafkaProducer<String, String> p = producer()) {
            send(p, "f.queue-state", "cmcc-ah|general", LiveMessages.queueState("cmcc-ah", "general", 3, AS_OF - 10_000, 0.9, 5, 0, 40), yesterday);
            send(p, "f.queue-state", "cmcc-ah|billing", LiveMessages.queueState("cmcc-ah", "billing", 1, AS_OF - 10_000, 0.9, 5, 0, 40), yesterday);
            send(p, "f.queue-state", "cmcc-ah|billing", null, now); // a tombstone: billing is gone
            send(p, "f.agents", "cmcc-ah|a-1", LiveMessages.agent("cmcc-ah", "a-1", "ready", null, AS_OF, "general"), yesterday);
            send(p, "f.alerts", "cmcc-ah|complaint_escalation:OLD-L2", LiveMessages.escalation("cmcc-ah", "OLD", "raised", AS_OF), yesterday);
            send(p, "f.alerts", "cmcc-ah|complaint_escalation:NEW-L2", LiveMessages.escalation("cmcc-ah", "NEW", "raised", AS_OF), now);
        }
        DashboardsConfig c = TestServer.config();
        DashboardsConfig config = new DashboardsConfig(c.tenants(), KAFKA.bootstrapServers(), topics, Map.of(), c.bind(), c.port(), c.sessionTtl(),
                c.users(), c.tokens(), c.dashboards());
        assertThat(WallboardView.startOfDay(config, Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC)))
                .as("the earliest local midnight of the tenants: Shanghai's").isEqualTo(Instant.parse("2026-11-19T16:00:00Z").toEpochMilli());

        try (TestServer server = TestServer.start(config, lake, KAFKA.bootstrapServers())) {
            JsonNode s = await(server, n -> n.path("feed").path("caught_up").asBoolean());
            JsonNode ah = s.path("tenants").path("cmcc-ah");
            assertThat(ah.path("queues").findValuesAsText("queue_id")).containsExactly("general");
            assertThat(ah.path("agents").findValuesAsText("agent_id")).containsExactly("a-1");
            assertThat(ah.path("alerts").findValuesAsText("complaint_id")).as("yesterday's alert is not read").containsExactly("NEW");

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).as("the consumer created no topic").doesNotContain("f.contacts");
                admin.createTopics(List.of(new NewTopic("f.contacts", 2, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> p = producer()) {
                send(p, "f.contacts", "cmcc-ah|c-1", LiveMessages.exit("cmcc-ah", "c-1", "general", "abandoned", 70, AS_OF), System.currentTimeMillis());
            }
            JsonNode later = await(server, n -> n.path("tenants").path("cmcc-ah").path("abandoned").size() == 1);
            assertThat(later.path("tenants").path("cmcc-ah").path("abandoned").get(0).path("wait_seconds").asInt()).isEqualTo(70);
        }
    }

    private static JsonNode await(TestServer server, Predicate<JsonNode> p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode n = null;
        while (System.nanoTime() < deadline) {
            n = SseClient.JSON.readTree(server.getText("/api/wallboard", "ah").body());
            if (p.test(n)) {
                return n;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the wallboard never got there: " + n);
    }

    private static void send(KafkaProducer<String, String> p, String topic, String key, String value, long timestamp) throws Exception {
        p.send(new ProducerRecord<>(topic, null, timestamp, key, value)).get(30, TimeUnit.SECONDS);
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }
}
