package com.callpulse.dashboards.wallboard;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.dashboards.access.AccessControl;
import com.callpulse.dashboards.config.DashboardsConfig;
import com.callpulse.dashboards.testing.Browser;
import com.callpulse.dashboards.testing.TestServer;
import com.callpulse.live.KafkaLiveSink;
import com.callpulse.live.LiveTopic;
import com.callpulse.model.AgentState;
import com.callpulse.model.AgentStateEvent;
import com.callpulse.model.Channel;
import com.callpulse.model.ContactEvent;
import com.callpulse.model.ContactEventType;
import com.callpulse.model.Event;
import com.callpulse.model.NotReadyReason;
import com.callpulse.model.Stream;
import com.callpulse.pipeline.IngestSource;
import com.callpulse.pipeline.KafkaIngestSource;
import com.callpulse.schema.EventJsonWriter;
import com.callpulse.testing.Fixtures;
import com.callpulse.testing.IngestJobs;
import com.callpulse.testing.KafkaBroker;
import com.callpulse.testing.MiniClusters;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end: the real job reads its input topics on an in-process Kafka broker and publishes the live topics; the
 * dashboards server's one consumer reads them; headless Chromium, signed in as cmcc-ah's supervisor, shows
 * {@code /wallboard}. An event produced into an input topic changes what the page shows; the latency from producing
 * it to the page having applied the changed queue state is measured and printed (not asserted). All four live
 * topics are the job's (queue state, alerts, agents, contacts); only alerts of kinds that need an hour of history
 * (topic surges) or a week of complaints are produced by hand, in their documented envelopes.
 */
class WallboardEndToEndTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = MiniClusters.withParallelism2();

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    static final Duration STEP = Duration.ofSeconds(60);
    static final String AH = Fixtures.TENANT;
    static final int CONTACTS = 30;

    @TempDir
    Path tmp;

    private CallPulseConfig config;
    private EventJsonWriter writer;
    private KafkaProducer<String, String> producer;
    private int seq;

    @Test
    void anEventProducedIntoKafkaChangesTheWallboardInABrowser() throws Exception {
        Browser.requireInstalled();
        CallPulseConfig base = Fixtures.config();
        config = base.withKafka(base.kafka().withBootstrapServers(KAFKA.bootstrapServers()));
        KAFKA.createTopics(Arrays.stream(Stream.values()).map(s -> config.kafka().topic(s)).toList(), 2);
        KafkaLiveSink live = KafkaLiveSink.connect(config.kafka());
        IngestSource source = new KafkaIngestSource(config.kafka(), false);
        Configuration jobConf = new Configuration();
        jobConf.set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ofMillis(10)); // as `callpulse run` sets it with live topics
        JobClient job = IngestJobs.startAll(config, source, IngestJobs.lake(tmp.resolve("job-lake"), config, "wallboard-e2e", source), live, jobConf);
        writer = Fixtures.jsonWriter(config);

        Map<String, String> topics = new LinkedHashMap<>();
        for (LiveTopic t : LiveTopic.values()) {
            topics.put(t.code(), KafkaLiveSink.topicName(config.kafka(), t));
        }
        assertThat(topics).containsOnlyKeys("queue_state", "alerts", "agents", "contacts");
        DashboardsConfig c = TestServer.config();
        DashboardsConfig dashboards = new DashboardsConfig(c.tenants(), KAFKA.bootstrapServers(), topics, Map.of(), c.bind(), c.port(), c.sessionTtl(),
                c.users(), c.tokens(), c.dashboards());

        try (KafkaProducer<String, String> p = producer(); TestServer server = TestServer.start(dashboards, tmp, KAFKA.bootstrapServers()); Browser b = Browser.start()) {
            producer = p;
            // agents log in through the job: it counts them per queue and publishes each one's state (the drill-down)
            long at = T0;
            String[][] staff = {{"a-1", "general"}, {"a-2", "general"}, {"a-3", "general"}, {"a-4", "general"}, {"a-5", "billing"}, {"a-6", "billing"},
                    {"a-7", "broadband_tech"}, {"a-8", "general"}};
            for (String[] s : staff) {
                agent(s[0], AgentState.LOGIN, null, at, s[1]);
                agent(s[0], AgentState.READY, null, at + 1000, s[1]);
            }
            agent("a-3", AgentState.NOT_READY, NotReadyReason.BREAK, at + 20_000, "general");
            agent("a-6", AgentState.NOT_READY, NotReadyReason.MEAL, at + 21_000, "billing");
            agent("a-8", AgentState.LOGOUT, null, at + 25_000, "general"); // logged out: leaves the drill-down

            b.open(server.url("/login"));
            b.cookie(AccessControl.SESSION_COOKIE, server.signIn("ah"));
            b.open(server.url("/wallboard"));
            assertThat(b.script("return location.pathname + ' ' + document.title;").asText()).isEqualTo("/wallboard Wallboard: 10086 hotline, Anhui");
            // the job starts and finds its partitions first: the first change is waited for, not measured
            JsonNode loggedIn = b.waitFor("const t = window.__wallboard && window.__wallboard.tenants['cmcc-ah']; const q = t && t.queues.get('general');"
                    + " return q ? q.agents.logged_in : null;", v -> v.asInt() == 4, STEP);
            assertThat(loggedIn.asInt()).as("a-1..a-4 and a-8 logged in to general, a-8 logged out again").isEqualTo(4);
            assertThat(b.text("section.wb-tenant[data-tenant='cmcc-ah'] tr.q[data-queue='general'] .chip.nr")).isEqualTo("1");

            // other queues and another tenant, for the screen: contacts left waiting tick in the browser
            contact("b-1", ContactEventType.QUEUED, "billing", Channel.VOICE, at + 30_000, null);
            contact("b-2", ContactEventType.QUEUED, "billing", Channel.WECHAT, at + 40_000, null);
            contact("t-1", ContactEventType.QUEUED, "broadband_tech", Channel.VOICE, at + 50_000, null);
            contact("eu-1", ContactEventType.QUEUED, "general", Channel.VOICE, at + 50_000, null, Fixtures.EU_TENANT);

            List<Long> latencies = new ArrayList<>();
            int abandoned = 0;
            for (int i = 1; i <= CONTACTS; i++) {
                long queuedAt = at + 60_000 + i * 20_000L;
                String id = "c-" + i;
                long sent = System.currentTimeMillis();
                contact(id, ContactEventType.QUEUED, "general", i % 5 == 0 ? Channel.WECHAT : Channel.VOICE, queuedAt, null);
                latencies.add(applied(b, "m.total.today.entered === " + i + " && m.total.waiting === 1") - sent);
                assertThat(b.text("section.wb-tenant[data-tenant='cmcc-ah'] tr.q[data-queue='general'] td.big")).as("waiting on the screen").isEqualTo("1");
                Thread.sleep(600); // longer than the job's emit interval: each change goes out at once

                boolean abandons = i % 4 == 0;
                int wait = abandons ? 45 : i % 3 == 0 ? 35 : 6;
                ContactEventType exit = abandons ? ContactEventType.ABANDONED : ContactEventType.ANSWERED;
                String agent = abandons ? null : "a-" + (1 + i % 2);
                sent = System.currentTimeMillis();
                contact(id, exit, "general", i % 5 == 0 ? Channel.WECHAT : Channel.VOICE, queuedAt + wait * 1000L, wait, agent);
                latencies.add(applied(b, "m.total.today.offered === " + i + " && m.total.waiting === 0") - sent);
                abandoned += abandons ? 1 : 0;
                if (agent != null) {
                    agent(agent, AgentState.ON_CONTACT, null, queuedAt + wait * 1000L, "general");
                    agent(agent, AgentState.READY, null, queuedAt + wait * 1000L + 15_000, "general");
                }
                Thread.sleep(600);
            }
            report(latencies);

            JsonNode today = b.script("return window.__wallboard.tenants['cmcc-ah'].queues.get('general').total.today;");
            assertThat(today.path("offered").asInt()).isEqualTo(CONTACTS);
            assertThat(today.path("abandoned").asInt()).isEqualTo(abandoned);
            assertThat(b.text("section.wb-tenant[data-tenant='cmcc-ah'] tr.q[data-queue='general'] td.qn")).contains("general");
            // SL well under 70 %: red on the shipped thresholds; the job's own service-level breach alert reaches the panel
            assertThat(b.script("return document.querySelector(\"tr.q[data-queue='general']\").className;").asText()).contains("rag-row-red");
            assertThat(b.waitFor("return document.querySelectorAll('#wb-alerts .alert.service_level_breach.raised').length;", v -> v.asInt() > 0, STEP).asInt())
                    .isEqualTo(1);
            assertThat(b.text("#wb-alerts .alert.service_level_breach .ab")).contains("general").contains("below its target of 80.0 %");
            assertThat(b.script("return document.querySelectorAll('#wb-abandoned tbody tr').length;").asInt()).isEqualTo(abandoned);

            // alerts of the other producers, in their documented envelopes; a withdrawn escalation leaves the panel
            long alertAt = at + 12 * 60_000;
            hand("alerts", AH + "|topic_surge:broadband_outage:" + alertAt, LiveMessages.surge(AH, "topic_surge:broadband_outage:" + alertAt, "raised", alertAt));
            hand("alerts", AH + "|complaint_escalation:CP20261120AH00000063-L2", LiveMessages.escalation(AH, "CP20261120AH00000063", "raised", alertAt));
            hand("alerts", AH + "|complaint_escalation:CP20261120AH00000071-L2", LiveMessages.escalation(AH, "CP20261120AH00000071", "raised", alertAt + 1000));
            hand("alerts", AH + "|complaint_escalation:CP20261120AH00000071-L2", LiveMessages.escalation(AH, "CP20261120AH00000071", "withdrawn", alertAt + 2000));
            b.waitFor("return window.__wallboardApplied.filter(a => a.message && a.message.state === 'withdrawn').length;", v -> v.asInt() == 1, STEP);
            assertThat(b.text("#wb-alerts .alert.topic_surge .advice")).contains("Hefei Shushan");
            assertThat(b.script("return [...document.querySelectorAll('#wb-alerts .alert.complaint_escalation')].map(e => e.textContent).join('|');").asText())
                    .contains("CP20261120AH00000063").doesNotContain("CP20261120AH00000071");

            // a cmcc-ah screen never got the EU tenant's queue, which the operator's snapshot has
            assertThat(b.script("return Object.keys(window.__wallboard.tenants);").toString()).isEqualTo("[\"cmcc-ah\"]");
            assertThat(b.script("return window.__wallboardApplied.filter(a => a.key.indexOf('roam-eu') >= 0).length;").asInt()).isZero();
            JsonNode ops = SseClient.JSON.readTree(server.getText("/api/wallboard?tenant=roam-eu", "ops").body());
            assertThat(ops.path("tenants").path("roam-eu").path("queues").get(0).path("total").path("waiting").asInt()).isEqualTo(1);

            Thread.sleep(1500); // oldest waits tick
            b.screenshot(Path.of("target", "screenshots", "wallboard.png"));
            b.script("document.querySelector(\"tr.q[data-queue='general']\").click();");
            JsonNode agents = b.waitFor("return document.querySelectorAll('#wb-drill .wb-agents tr.agent').length;", v -> v.asInt() == 4, STEP);
            assertThat(agents.asInt()).as("general's agents; a-8 logged out").isEqualTo(4);
            assertThat(b.text("#wb-drill tr.agent[data-agent='a-3']")).contains("not ready").contains("BREAK".toLowerCase());
            assertThat(b.script("return document.querySelectorAll('#wb-drill .wb-contacts tbody tr').length;").asInt()).isEqualTo(CONTACTS);
            b.script("document.querySelector(\"#wb-drill tr.agent[data-agent='a-2']\").click();");
            assertThat(b.script("return document.querySelectorAll('#wb-drill .wb-contacts tbody tr').length;").asInt())
                    .as("a-2's contacts: the answered odd ones").isEqualTo((int) java.util.stream.IntStream.rangeClosed(1, CONTACTS).filter(i -> i % 4 != 0 && i % 2 == 1).count());
            b.script("document.querySelector(\"#wb-drill [data-agent='']\").click();");
            b.screenshot(Path.of("target", "screenshots", "wallboard-drill.png"));
        } finally {
            job.cancel().get(60, TimeUnit.SECONDS);
        }
    }

    /** Waits until the page applied a queue-state message of cmcc-ah|general satisfying {@code condition} (JS on m); its applied_ms. */
    private static long applied(Browser b, String condition) throws Exception {
        String script = "const hit = window.__wallboardApplied.find(a => a.key === 'cmcc-ah|general' && a.type === 'queue_state' && (m => " + condition + ")(a.message));"
                + " return hit ? hit.applied_ms : null;";
        JsonNode v = b.waitFor(script, n -> !n.isNull(), STEP);
        assertThat(v.isNull()).as("the page applied a state with " + condition).isFalse();
        return v.asLong();
    }

    private static void report(List<Long> latencies) {
        List<Long> s = latencies.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "wallboard latency, event produced into Kafka -> real job -> live topic -> server's consumer -> SSE -> applied in Chromium (%d events):"
                        + " p50 %d ms, p99 %d ms, max %d ms (job emit interval 250 ms, buffer timeout 10 ms)%n",
                s.size(), s.get(s.size() / 2), s.get((int) Math.ceil(s.size() * 0.99) - 1), s.get(s.size() - 1));
    }

    private void contact(String id, ContactEventType type, String queue, Channel channel, long at, Integer wait) throws Exception {
        contact(id, type, queue, channel, at, wait, null, AH);
    }

    private void contact(String id, ContactEventType type, String queue, Channel channel, long at, Integer wait, String agentOrTenant) throws Exception {
        contact(id, type, queue, channel, at, wait, type == ContactEventType.ANSWERED ? agentOrTenant : null, type == ContactEventType.ANSWERED ? AH : agentOrTenant);
    }

    private void contact(String id, ContactEventType type, String queue, Channel channel, long at, Integer wait, String agent, String tenant) throws Exception {
        ContactEvent e = new ContactEvent();
        e.eventId = "wb-ce-" + ++seq;
        e.tenantId = tenant == null ? AH : tenant;
        e.occurredAt = at;
        e.schemaVersion = 1;
        e.contactId = id;
        e.eventType = type;
        e.channel = channel;
        e.queueId = queue;
        e.skill = queue;
        e.agentId = agent;
        e.waitSeconds = wait;
        send(config.kafka().topic(Stream.CONTACT_EVENTS), id, e);
    }

    /** An agent state event into the job. */
    private void agent(String id, AgentState state, NotReadyReason reason, long at, String queue) throws Exception {
        AgentStateEvent e = new AgentStateEvent();
        e.eventId = "wb-as-" + ++seq;
        e.tenantId = AH;
        e.occurredAt = at;
        e.schemaVersion = 1;
        e.agentId = id;
        e.state = state;
        e.reason = reason;
        e.teamId = "team-" + queue;
        e.siteId = "hefei";
        e.skills = state == AgentState.LOGIN ? new String[] {queue} : null;
        send(config.kafka().topic(Stream.AGENT_STATE_EVENTS), id, e);
    }

    /** An alert produced by hand into the alerts topic. */
    private void hand(String kind, String key, String json) throws Exception {
        producer.send(new ProducerRecord<>(KafkaLiveSink.topicName(config.kafka(), LiveTopic.ALERTS), key, json)).get(30, TimeUnit.SECONDS);
    }

    private void send(String topic, String key, Event e) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, writer.write(e))).get(30, TimeUnit.SECONDS);
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(p);
    }
}
