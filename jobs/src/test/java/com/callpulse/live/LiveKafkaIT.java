package com.callpulse.live;

import com.callpulse.app.CallPulseCli;
import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.KafkaConfig;
import com.callpulse.generator.Expectation;
import com.callpulse.generator.FileLineSink;
import com.callpulse.generator.GeneratorSettings;
import com.callpulse.generator.HotlineSimulator;
import com.callpulse.generator.LineSink;
import com.callpulse.model.AgentState;
import com.callpulse.model.AgentStateEvent;
import com.callpulse.model.Channel;
import com.callpulse.model.ContactEvent;
import com.callpulse.model.ContactEventType;
import com.callpulse.model.Event;
import com.callpulse.model.Stream;
import com.callpulse.pipeline.IngestSource;
import com.callpulse.pipeline.KafkaIngestSource;
import com.callpulse.schema.EventJsonWriter;
import com.callpulse.testing.Fixtures;
import com.callpulse.testing.IngestJobs;
import com.callpulse.testing.KafkaBroker;
import com.callpulse.testing.MiniClusters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live sink against a real Kafka 4 broker in this JVM: the job reads the input topics (unbounded, as in
 * production) and publishes to the live topics it created; an event produced into an input topic changes the
 * queue-state topic. The latency from producing the event to consuming the changed state is measured and printed;
 * the test asserts the content, not the time. A second test runs {@code callpulse run --input ... --live-kafka}.
 */
class LiveKafkaIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = MiniClusters.withParallelism2();

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    /** A consumed message and when it arrived (System.nanoTime). */
    private record Received(long nanos, String key, JsonNode json) {}

    @Test
    void anEventProducedIntoAnInputTopicChangesTheLiveQueueStateTopic() throws Exception {
        CallPulseConfig base = Fixtures.config();
        CallPulseConfig config = base.withKafka(base.kafka().withBootstrapServers(KAFKA.bootstrapServers()));
        KAFKA.createTopics(Arrays.stream(Stream.values()).map(s -> config.kafka().topic(s)).toList(), 2);
        KafkaLiveSink live = KafkaLiveSink.connect(config.kafka());
        String stateTopic = KafkaLiveSink.topicName(config.kafka(), LiveTopic.QUEUE_STATE);
        assertThat(cleanupPolicy(stateTopic)).isEqualTo("compact");
        assertThat(cleanupPolicy(KafkaLiveSink.topicName(config.kafka(), LiveTopic.ALERTS))).isEqualTo("delete");
        String agentsTopic = KafkaLiveSink.topicName(config.kafka(), LiveTopic.AGENTS);
        String contactsTopic = KafkaLiveSink.topicName(config.kafka(), LiveTopic.CONTACTS);
        assertThat(cleanupPolicy(agentsTopic)).isEqualTo("compact");
        assertThat(cleanupPolicy(contactsTopic)).isEqualTo("delete");
        assertThat(KafkaLiveSink.ensureTopics(config.kafka())).allMatch(line -> line.endsWith(": exists"));

        IngestSource source = new KafkaIngestSource(config.kafka(), false);
        Configuration job = new Configuration();
        job.set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ofMillis(10)); // as `callpulse run` sets it when it publishes live topics
        JobClient client = IngestJobs.startAll(config, source, IngestJobs.lake(tmp.resolve("lake"), config, "live-kafka", source), live, job);
        EventJsonWriter writer = Fixtures.jsonWriter(config);
        LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
        Thread consumer = consume(stateTopic, received);
        LinkedBlockingQueue<Received> agentMessages = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<Received> exitMessages = new LinkedBlockingQueue<>();
        Thread agentConsumer = consume(agentsTopic, agentMessages);
        Thread exitConsumer = consume(contactsTopic, exitMessages);
        Map<String, Long> answeredSent = new java.util.HashMap<>();
        Map<Long, Long> onContactSent = new java.util.HashMap<>();
        try (KafkaProducer<String, String> producer = producer()) {
            List<Long> backToBack = new ArrayList<>();
            List<Long> isolated = new ArrayList<>();
            int seq = 0;
            produce(producer, writer, config.kafka(), agent(++seq, "a-1", AgentState.LOGIN, T0));
            produce(producer, writer, config.kafka(), agent(++seq, "a-1", AgentState.READY, T0 + 1000));
            // the job starts and finds its partitions first: the first change is waited for, not measured
            JsonNode first = await(received, "general", n -> n.get("agents").get("available").asInt() == 1).json();
            assertThat(first.get("agents").get("logged_in").asInt()).isEqualTo(1);
            assertThat(first.get("tenant_id").asText()).isEqualTo(Fixtures.TENANT);

            int contacts = 20;
            for (int i = 1; i <= contacts; i++) {
                long at = T0 + i * 20_000L;
                final int n = i;
                // the first half right after the last message (the emit interval holds the change back), the second
                // half after a pause longer than the interval (the change goes out at once)
                List<Long> latencies = i <= contacts / 2 ? backToBack : isolated;
                pause(latencies == isolated, config);
                long sent = produce(producer, writer, config.kafka(), contact(++seq, "c-" + i, ContactEventType.QUEUED, at, null));
                Received w = await(received, "general", s -> s.get("total").get("waiting").asInt() == 1
                        && s.get("total").get("today").get("entered").asInt() == n);
                latencies.add(w.nanos() - sent);
                JsonNode waiting = w.json();
                assertThat(waiting.get("total").get("oldest_queued_at_ms").asLong()).isEqualTo(at);
                assertThat(waiting.get("channels").get("voice").get("waiting").asInt()).isEqualTo(1);

                pause(latencies == isolated, config);
                sent = produce(producer, writer, config.kafka(), contact(++seq, "c-" + i, ContactEventType.ANSWERED, at + 5_000, 5));
                answeredSent.put(Fixtures.TENANT + "|c-" + i, sent);
                Received a = await(received, "general", s -> s.get("total").get("waiting").asInt() == 0
                        && s.get("total").get("today").get("answered").asInt() == n);
                latencies.add(a.nanos() - sent);
                assertThat(a.json().get("total").get("today").get("answered_within").asInt()).isEqualTo(n);
                assertThat(a.json().get("total").get("trailing_15m").get("asa_seconds").asDouble()).isEqualTo(5.0);

                pause(latencies == isolated, config);
                sent = produce(producer, writer, config.kafka(), agent(++seq, "a-1", AgentState.ON_CONTACT, at + 5_100));
                onContactSent.put(at + 5_100, sent);
                Received busy = await(received, "general", s -> s.get("agents").get("on_contact").asInt() == 1);
                latencies.add(busy.nanos() - sent);
                assertThat(busy.json().get("agents").get("available").asInt()).isZero();
                assertThat(busy.json().get("agents").get("logged_in").asInt()).isEqualTo(1);
                pause(latencies == isolated, config);
                produce(producer, writer, config.kafka(), agent(++seq, "a-1", AgentState.READY, at + 15_000));
            }
            report("changes right after the previous message", backToBack, config);
            report("changes after a quiet " + 2 * config.metrics().liveEmitInterval().toMillis() + " ms", isolated, config);

            // the drill-down topics: one queue exit per answered contact, one agent message per change of state
            Map<String, Received> exits = new java.util.HashMap<>();
            for (Received r : take(exitMessages, contacts)) {
                assertThat(exits.put(r.key(), r)).as("one message per exit").isNull();
            }
            List<Long> exitLatencies = new ArrayList<>();
            for (int i = 0; i < contacts; i++) {
                Received r = exits.get(Fixtures.TENANT + "|c-" + (i + 1)); // keys spread over the partitions
                long at = T0 + (i + 1) * 20_000L;
                assertThat(r).isNotNull();
                assertThat(r.json().get("type").asText()).isEqualTo("queue_exit");
                assertThat(r.json().get("queue_id").asText()).isEqualTo("general");
                assertThat(r.json().get("outcome").asText()).isEqualTo("answered");
                assertThat(r.json().get("wait_seconds").asInt()).isEqualTo(5);
                assertThat(r.json().get("agent_id").asText()).isEqualTo("a-1");
                assertThat(r.json().get("queued_at_ms").asLong()).isEqualTo(at);
                assertThat(r.json().get("occurred_at_ms").asLong()).isEqualTo(at + 5_000);
                exitLatencies.add(r.nanos() - answeredSent.get(r.key()));
            }
            List<Received> states = take(agentMessages, 2 + 2 * contacts);
            assertThat(states).extracting(Received::key).containsOnly(Fixtures.TENANT + "|a-1");
            // login and ready were produced back to back: ingestion's parallel subtasks may hand them over in either
            // order (ready first: a message without queues, then the late login's skills), two messages either way
            assertThat(states.get(0).json().get("state").asText()).isIn("login", "ready");
            assertThat(states.get(1).json().get("state").asText()).isEqualTo("ready");
            assertThat(states.get(1).json().get("queues")).extracting(JsonNode::asText).containsExactly("general");
            assertThat(states.subList(2, states.size())).extracting(r -> r.json().get("state").asText())
                    .containsExactlyElementsOf(java.util.Collections.nCopies(contacts, List.of("on_contact", "ready")).stream().flatMap(List::stream).toList());
            List<Long> agentLatencies = new ArrayList<>();
            for (Received r : states) {
                Long sent = onContactSent.get(r.json().get("since_ms").asLong());
                if (sent != null && r.json().get("state").asText().equals("on_contact")) {
                    agentLatencies.add(r.nanos() - sent);
                }
            }
            assertThat(agentLatencies).hasSize(contacts);
            JsonNode last = states.get(states.size() - 1).json();
            assertThat(last.get("state").asText()).isEqualTo("ready");
            assertThat(last.get("since_ms").asLong()).isEqualTo(T0 + contacts * 20_000L + 15_000);
            assertThat(last.get("team_id").asText()).isEqualTo("team-1");
            assertThat(last.get("queues")).extracting(JsonNode::asText).containsExactly("general");
            Thread.sleep(500);
            assertThat(exitMessages).as("nothing more").isEmpty();
            assertThat(agentMessages).as("nothing more").isEmpty();
            System.out.printf(Locale.ROOT, "live latency, event produced into Kafka -> message consumed from Kafka, not coalesced: answered -> queue exit "
                    + "on the contacts topic p50 %.0f ms, max %.0f ms (%d); on_contact -> agents topic p50 %.0f ms, max %.0f ms (%d)%n",
                    ms(median(exitLatencies)), ms(java.util.Collections.max(exitLatencies)), exitLatencies.size(), ms(median(agentLatencies)),
                    ms(java.util.Collections.max(agentLatencies)), agentLatencies.size());
        } finally {
            consuming = false;
            consumer.join(10_000);
            agentConsumer.join(10_000);
            exitConsumer.join(10_000);
            client.cancel().get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void runWithLiveKafkaPublishesTheQueueStateOfAFileReplay() throws Exception {
        Path day = tmp.resolve("day");
        Set<String> queues = new TreeSet<>();
        GeneratorSettings settings = GeneratorSettings.of(LocalDate.parse("2026-11-20"), 1, 600, 3, 0.0);
        LineSink files = new FileLineSink(day, settings.shardHours());
        new HotlineSimulator(settings).run(new LineSink() {
            @Override
            public void accept(Stream stream, long emitAt, String key, String line, Expectation e) {
                if (stream == Stream.CONTACT_EVENTS && line.contains("\"event_type\":\"queued\"")) {
                    try {
                        JsonNode n = JSON.readTree(line);
                        queues.add(n.get("tenant_id").asText() + "|" + n.get("queue_id").asText());
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                }
                files.accept(stream, emitAt, key, line, e);
            }

            @Override
            public void close() {
                files.close();
            }
        }, n -> {}, null);
        Path conf = tmp.resolve("callpulse.yaml");
        Files.writeString(conf, "kafka:\n  live_topics:\n    queue_state: cli.queue-state\n    alerts: cli.alerts\n    agents: cli.agents\n"
                + "    contacts: cli.contacts\n  live_topic_partitions: 2\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CallPulseCli.execute(List.of("run", "--input", day.toString(), "--lake", tmp.resolve("lake").toString(), "--config", conf.toString(),
                "--live-kafka", KAFKA.bootstrapServers(), "--parallelism", "2"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("live: kafka:" + KAFKA.bootstrapServers()).contains("queue_state -> cli.queue-state");
        assertThat(cleanupPolicy("cli.queue-state")).isEqualTo("compact");
        assertThat(cleanupPolicy("cli.agents")).isEqualTo("compact");
        assertThat(cleanupPolicy("cli.contacts")).isEqualTo("delete");

        Set<String> keys = new HashSet<>();
        try (KafkaConsumer<String, String> c = consumer()) {
            List<TopicPartition> parts = c.partitionsFor("cli.queue-state").stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            assertThat(parts).hasSize(2);
            c.assign(parts);
            c.seekToBeginning(parts);
            int empty = 0;
            while (empty < 3) {
                var records = c.poll(Duration.ofMillis(500));
                empty = records.isEmpty() ? empty + 1 : 0;
                for (ConsumerRecord<String, String> r : records) {
                    JsonNode n = JSON.readTree(r.value());
                    assertThat(r.key()).isEqualTo(n.get("tenant_id").asText() + "|" + n.get("queue_id").asText());
                    keys.add(r.key());
                }
            }
        }
        assertThat(keys).as("one key per tenant and queue that had contacts (queues with agents only may add keys)").containsAll(queues);
    }

    // ------------------------------------------------------------------ helpers

    private static volatile boolean consuming;

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    /** The first {@code n} messages of a topic's consumer, in the order consumed. */
    private static List<Received> take(LinkedBlockingQueue<Received> from, int n) throws InterruptedException {
        List<Received> out = new ArrayList<>();
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (out.size() < n && System.nanoTime() < deadline) {
            Received r = from.poll(100, TimeUnit.MILLISECONDS);
            if (r != null) {
                out.add(r);
            }
        }
        assertThat(out).as("messages within " + STEP_TIMEOUT).hasSize(n);
        return out;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void pause(boolean pause, CallPulseConfig config) throws InterruptedException {
        if (pause) {
            Thread.sleep(2 * config.metrics().liveEmitInterval().toMillis());
        }
    }

    private static void report(String what, List<Long> latencies, CallPulseConfig config) {
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "live latency, event produced into Kafka -> changed queue state consumed from Kafka, %s (%d): "
                + "p50 %.0f ms, max %.0f ms (buffer timeout 10 ms, emit interval %d ms)%n", what, sorted.size(), ms(sorted.get(sorted.size() / 2)),
                ms(sorted.get(sorted.size() - 1)), config.metrics().liveEmitInterval().toMillis());
    }

    private static ContactEvent contact(int seq, String contact, ContactEventType type, long at, Integer wait) {
        ContactEvent e = new ContactEvent();
        e.eventId = "live-ce-" + seq;
        e.tenantId = Fixtures.TENANT;
        e.occurredAt = at;
        e.schemaVersion = 1;
        e.contactId = contact;
        e.eventType = type;
        e.channel = Channel.VOICE;
        e.queueId = "general";
        e.skill = "general";
        e.agentId = type == ContactEventType.ANSWERED ? "a-1" : null;
        e.waitSeconds = wait;
        return e;
    }

    private static AgentStateEvent agent(int seq, String agent, AgentState state, long at) {
        AgentStateEvent e = new AgentStateEvent();
        e.eventId = "live-as-" + seq;
        e.tenantId = Fixtures.TENANT;
        e.occurredAt = at;
        e.schemaVersion = 1;
        e.agentId = agent;
        e.state = state;
        e.teamId = "team-1";
        e.siteId = "hefei";
        e.skills = state == AgentState.LOGIN ? new String[] {"general"} : null;
        return e;
    }

    /** Produces an event to its stream's topic, keyed by its entity; returns System.nanoTime just before sending. */
    private static long produce(KafkaProducer<String, String> producer, EventJsonWriter writer, KafkaConfig kafka, Event e) throws Exception {
        String topic;
        String key;
        if (e instanceof ContactEvent c) {
            topic = kafka.topic(Stream.CONTACT_EVENTS);
            key = c.contactId;
        } else {
            topic = kafka.topic(Stream.AGENT_STATE_EVENTS);
            key = ((AgentStateEvent) e).agentId;
        }
        String line = writer.write(e);
        long sent = System.nanoTime();
        producer.send(new ProducerRecord<>(topic, key, line)).get(30, TimeUnit.SECONDS);
        return sent;
    }

    /** Waits for the first queue-state message of {@code queue} that satisfies {@code condition}, skipping older ones. */
    private static Received await(LinkedBlockingQueue<Received> received, String queue, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Received r = received.poll(100, TimeUnit.MILLISECONDS);
            if (r != null && r.json().get("queue_id").asText().equals(queue) && condition.test(r.json())) {
                return r;
            }
        }
        throw new AssertionError("no queue-state message of " + queue + " with the expected content within " + STEP_TIMEOUT);
    }

    private static Thread consume(String topic, LinkedBlockingQueue<Received> into) {
        consuming = true;
        Thread t = new Thread(() -> {
            try (KafkaConsumer<String, String> c = consumer()) {
                List<TopicPartition> parts = c.partitionsFor(topic).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                c.assign(parts);
                c.seekToBeginning(parts);
                while (consuming) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(20))) {
                        into.add(new Received(System.nanoTime(), r.key(), JSON.readTree(r.value())));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "live-topic-consumer");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        return new KafkaConsumer<>(p);
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(p);
    }

    /** The topic's cleanup policy; a topic just created may take a moment to be known to the broker's metadata. */
    private static String cleanupPolicy(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            for (int attempt = 0; ; attempt++) {
                try {
                    Config c = admin.describeConfigs(List.of(r)).all().get(30, TimeUnit.SECONDS).get(r);
                    return c.get("cleanup.policy").value();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) || attempt == 50) {
                        throw e;
                    }
                    Thread.sleep(200);
                }
            }
        }
    }
}
