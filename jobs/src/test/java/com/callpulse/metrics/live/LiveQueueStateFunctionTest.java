package com.callpulse.metrics.live;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.live.LiveMessage;
import com.callpulse.model.AgentState;
import com.callpulse.model.AgentStateEvent;
import com.callpulse.model.Channel;
import com.callpulse.model.ContactEvent;
import com.callpulse.model.ContactEventType;
import com.callpulse.model.ContactRecord;
import com.callpulse.model.NotReadyReason;
import com.callpulse.testing.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live queue state, driven event by event through an operator harness: waiting and oldest wait, out-of-order
 * contact events, agents by state through their login skills, trailing windows and the business day as the clock
 * moves, coalesced emission on processing-time timers, service-level breach alerts, and state clean-up.
 */
class LiveQueueStateFunctionTest {
    private static final long SEC = 1000;
    private static final long MIN = 60 * SEC;
    private static final long HOUR = 60 * MIN;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CallPulseConfig config = Fixtures.config();
    private KeyedOneInputStreamOperatorTestHarness<String, LiveInput, LiveMessage> h;
    private long processingTime = 1_000;
    private int seq;
    private int emitted;

    @BeforeEach
    void open() throws Exception {
        h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new LiveQueueStateFunction(config), in -> in.tenantId, Types.STRING);
        h.setProcessingTime(processingTime);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    // ------------------------------------------------------------------ inputs

    private ContactEvent event(String contact, ContactEventType type, String queue, long at) {
        ContactEvent e = new ContactEvent();
        e.eventId = "e" + (++seq);
        e.tenantId = Fixtures.TENANT;
        e.occurredAt = at;
        e.schemaVersion = 1;
        e.contactId = contact;
        e.eventType = type;
        e.channel = Channel.VOICE;
        e.queueId = queue;
        return e;
    }

    private void send(ContactEvent e) throws Exception {
        if (LiveInput.counts(e.eventType)) {
            h.processElement(new StreamRecord<>(LiveInput.of(e), e.occurredAt));
        }
    }

    private void queued(String contact, String queue, long at) throws Exception {
        send(event(contact, ContactEventType.QUEUED, queue, at));
    }

    private void left(String contact, ContactEventType type, String queue, long at, int wait) throws Exception {
        ContactEvent e = event(contact, type, queue, at);
        e.waitSeconds = wait;
        e.agentId = type == ContactEventType.ANSWERED ? "a-1" : null;
        send(e);
    }

    private void answered(String contact, String queue, long at, int wait) throws Exception {
        left(contact, ContactEventType.ANSWERED, queue, at, wait);
    }

    private void ended(String contact, String queue, long at) throws Exception {
        send(event(contact, ContactEventType.ENDED, queue, at));
    }

    private void agent(String agent, AgentState state, long at, String... skills) throws Exception {
        AgentStateEvent e = new AgentStateEvent();
        e.eventId = "a" + (++seq);
        e.tenantId = Fixtures.TENANT;
        e.occurredAt = at;
        e.schemaVersion = 1;
        e.agentId = agent;
        e.state = state;
        e.reason = state == AgentState.NOT_READY ? NotReadyReason.BREAK : null;
        e.skills = state == AgentState.LOGIN ? skills : null;
        e.teamId = "team-" + agent;
        h.processElement(new StreamRecord<>(LiveInput.of(e), at));
    }

    private void record(String contact, String queue, long endedAt, int talk, int hold, int acw) throws Exception {
        ContactRecord r = Fixtures.contactRecord("r" + (++seq), endedAt, contact);
        r.queueId = queue;
        r.talkSeconds = talk;
        r.holdSeconds = hold;
        r.acwSeconds = acw;
        assertThat(LiveInput.counts(r)).isTrue();
        h.processElement(new StreamRecord<>(LiveInput.of(r), r.occurredAt));
    }

    private void watermark(long at) throws Exception {
        h.processWatermark(new Watermark(at));
    }

    // ------------------------------------------------------------------ outputs

    /** Lets the emit interval pass; returns the queue-state messages written since the last call, as JSON. */
    private List<JsonNode> flush() throws Exception {
        processingTime += config.metrics().liveEmitInterval().toMillis();
        h.setProcessingTime(processingTime);
        return newMessages();
    }

    private List<JsonNode> newMessages() throws Exception {
        List<LiveMessage> all = h.extractOutputValues();
        List<JsonNode> out = new ArrayList<>();
        for (LiveMessage m : all.subList(emitted, all.size())) {
            JsonNode n = JSON.readTree(m.json);
            assertThat(m.key).isEqualTo(m.tenantId + "|" + n.get("queue_id").asText());
            assertThat(m.eventTime).isEqualTo(n.get("as_of_ms").asLong());
            out.add(n);
        }
        emitted = all.size();
        return out;
    }

    /** The newest message of each queue among {@code messages}. */
    private static Map<String, JsonNode> byQueue(List<JsonNode> messages) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (JsonNode n : messages) {
            m.put(n.get("queue_id").asText(), n);
        }
        return m;
    }

    private JsonNode flushQueue(String queue) throws Exception {
        JsonNode n = byQueue(flush()).get(queue);
        assertThat(n).as("a message for " + queue).isNotNull();
        return n;
    }

    private List<JsonNode> alerts() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        if (h.getSideOutput(LiveQueueStateFunction.ALERTS) != null) {
            for (StreamRecord<LiveMessage> r : h.getSideOutput(LiveQueueStateFunction.ALERTS)) {
                JsonNode n = JSON.readTree(r.getValue().json);
                assertThat(r.getValue().key).isEqualTo(Fixtures.TENANT + "|" + n.get("alert_id").asText());
                out.add(n);
            }
        }
        return out;
    }

    /** The messages of a side output ({@code agents}, {@code contacts}) so far, checking each key and event time. */
    private List<JsonNode> side(org.apache.flink.util.OutputTag<LiveMessage> tag, String idField, String timeField) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        if (h.getSideOutput(tag) != null) {
            for (StreamRecord<LiveMessage> r : h.getSideOutput(tag)) {
                JsonNode n = JSON.readTree(r.getValue().json);
                assertThat(r.getValue().key).isEqualTo(Fixtures.TENANT + "|" + n.get(idField).asText());
                assertThat(r.getValue().tenantId).isEqualTo(Fixtures.TENANT);
                assertThat(r.getValue().eventTime).isEqualTo(n.get(timeField).asLong());
                out.add(n);
            }
        }
        return out;
    }

    private List<JsonNode> agentMessages() throws Exception {
        return side(LiveQueueStateFunction.AGENTS, "agent_id", "occurred_at_ms");
    }

    private List<JsonNode> exits() throws Exception {
        return side(LiveQueueStateFunction.CONTACTS, "contact_id", "occurred_at_ms");
    }

    // ------------------------------------------------------------------ tests

    @Test
    void waitingAndOldestWaitFollowContactsThroughQueuedAnsweredAndAbandoned() throws Exception {
        queued("c1", "general", T0);
        queued("c2", "general", T0 + 10 * SEC);
        queued("c3", "general", T0 + 20 * SEC);
        JsonNode m = flushQueue("general");
        assertThat(m.get("type").asText()).isEqualTo("queue_state");
        assertThat(m.get("tenant_id").asText()).isEqualTo(Fixtures.TENANT);
        assertThat(m.get("business_date").asText()).isEqualTo("2026-11-20");
        JsonNode total = m.get("total");
        assertThat(total.get("waiting").asLong()).isEqualTo(3);
        assertThat(total.get("oldest_queued_at_ms").asLong()).isEqualTo(T0);
        assertThat(total.get("oldest_queued_at").asText()).isEqualTo("2026-11-20T09:00:00.000+08:00");
        assertThat(total.get("oldest_wait_seconds").asLong()).as("as of the clock: the second-newest event, 09:00:10").isEqualTo(10);
        assertThat(total.get("today").get("entered").asLong()).isEqualTo(3);
        assertThat(total.get("today").get("offered").asLong()).as("none has left the queue yet").isZero();
        assertThat(m.get("channels").get("voice").get("waiting").asLong()).isEqualTo(3);

        answered("c1", "general", T0 + 30 * SEC, 30);
        left("c2", ContactEventType.ABANDONED, "general", T0 + 40 * SEC, 30);
        m = flushQueue("general");
        total = m.get("total");
        assertThat(total.get("waiting").asLong()).isEqualTo(1);
        assertThat(total.get("oldest_queued_at_ms").asLong()).isEqualTo(T0 + 20 * SEC);
        JsonNode today = total.get("today");
        assertThat(today.get("offered").asLong()).isEqualTo(2);
        assertThat(today.get("answered").asLong()).isEqualTo(1);
        assertThat(today.get("answered_within").asLong()).as("30 s > T = 20 s").isZero();
        assertThat(today.get("abandoned").asLong()).isEqualTo(1);
        assertThat(today.get("abandoned_within").asLong()).isZero();
        assertThat(today.get("max_wait_seconds").asLong()).isEqualTo(30);
        assertThat(today.get("asa_seconds").asDouble()).isEqualTo(30.0);
        assertThat(today.get("abandonment_rate").asDouble()).isEqualTo(0.5);
        assertThat(today.get("service_level").asDouble()).isZero();
        assertThat(total.get("trailing_15m").get("offered").asLong()).isEqualTo(2);
        assertThat(total.get("trailing_30m").get("offered").asLong()).isEqualTo(2);
        assertThat(m.get("channels").get("voice").get("today").get("offered").asLong()).isEqualTo(2);
        assertThat(m.get("service_level_config").get("variant").asText()).isEqualTo("answered_within");
        assertThat(m.get("service_level_config").get("threshold_seconds").asInt()).isEqualTo(20);

        answered("c3", "general", T0 + 45 * SEC, 25);
        m = flushQueue("general");
        assertThat(m.get("total").get("waiting").asLong()).isZero();
        assertThat(m.get("total").get("oldest_queued_at").isNull()).isTrue();
        assertThat(m.get("total").get("today").get("answered").asLong()).isEqualTo(2);
    }

    @Test
    void anAnswerThatArrivesBeforeItsQueuedEventLeavesNothingWaiting() throws Exception {
        answered("c1", "general", T0 + 5 * SEC, 5);
        queued("c1", "general", T0);
        JsonNode m = flushQueue("general");
        assertThat(m.get("total").get("waiting").asLong()).isZero();
        assertThat(m.get("total").get("today").get("entered").asLong()).isEqualTo(1);
        assertThat(m.get("total").get("today").get("answered_within").asLong()).isEqualTo(1);

        // the same for a contact that ended (its exit event lost) before its queued event came
        ended("c2", "general", T0 + 9 * SEC);
        queued("c2", "general", T0 + 2 * SEC);
        m = flushQueue("general");
        assertThat(m.get("total").get("waiting").asLong()).isZero();

        // a transfer: leg 1 in general is over, leg 2 waits in billing; an old event of leg 1 changes nothing
        queued("c3", "general", T0 + 10 * SEC);
        answered("c3", "general", T0 + 12 * SEC, 2);
        send(event("c3", ContactEventType.TRANSFERRED, "general", T0 + 60 * SEC));
        queued("c3", "billing", T0 + 61 * SEC);
        queued("c3", "general", T0 + 10 * SEC);
        Map<String, JsonNode> byQueue = byQueue(flush());
        assertThat(byQueue.get("general").get("total").get("waiting").asLong()).isZero();
        assertThat(byQueue.get("general").get("total").get("today").get("transfers").asLong()).isEqualTo(1);
        assertThat(byQueue.get("billing").get("total").get("waiting").asLong()).isEqualTo(1);
    }

    @Test
    void aWaitEndsWhenTheContactEndsOrOnceItIsOlderThanTheCap() throws Exception {
        queued("lost-exit", "general", T0);
        queued("lost-everything", "general", T0 + SEC);
        assertThat(flushQueue("general").get("total").get("waiting").asLong()).isEqualTo(2);
        ended("lost-exit", "general", T0 + 30 * SEC);
        assertThat(flushQueue("general").get("total").get("waiting").asLong()).isEqualTo(1);

        watermark(T0 + LiveQueueStateFunction.MIN_WAIT_CAP - MIN);
        JsonNode before = flushQueue("general"); // written again: its queued events left the trailing windows
        assertThat(before.get("total").get("waiting").asLong()).as("still under the 2 h cap").isEqualTo(1);
        assertThat(before.get("total").get("trailing_30m").get("entered").asLong()).isZero();
        watermark(T0 + LiveQueueStateFunction.MIN_WAIT_CAP + 2 * MIN);
        JsonNode m = flushQueue("general");
        assertThat(m.get("total").get("waiting").asLong()).isZero();
        assertThat(m.get("total").get("today").get("offered").asLong()).as("a lost wait is not counted as offered").isZero();
    }

    @Test
    void agentsCountInTheQueuesOfTheirLoginSkillsByState() throws Exception {
        agent("a1", AgentState.LOGIN, T0, "general", "billing");
        agent("a1", AgentState.READY, T0 + 2 * SEC);
        agent("a1", AgentState.NOT_READY, T0 + SEC); // older than ready: arrives late, changes nothing
        agent("a2", AgentState.LOGIN, T0, "billing");
        agent("a2", AgentState.NOT_READY, T0 + 5 * SEC);
        agent("a3", AgentState.ON_CONTACT, T0 + 9 * SEC); // its login arrives after its first state
        agent("a3", AgentState.LOGIN, T0 + 3 * SEC, "general");
        agent("a4", AgentState.LOGIN, T0, "general");
        agent("a4", AgentState.READY, T0 + 10 * SEC);
        agent("a4", AgentState.ON_CONTACT, T0 + 20 * SEC);
        agent("a4", AgentState.AFTER_CONTACT_WORK, T0 + 80 * SEC);
        agent("a5", AgentState.LOGIN, T0 + 90 * SEC, "general");
        Map<String, JsonNode> m = byQueue(flush());
        JsonNode general = m.get("general").get("agents");
        assertThat(general.get("logged_in").asInt()).isEqualTo(4);
        assertThat(general.get("available").asInt()).isEqualTo(1);
        assertThat(general.get("on_contact").asInt()).isEqualTo(1);
        assertThat(general.get("after_contact_work").asInt()).isEqualTo(1);
        assertThat(general.get("logging_in").asInt()).isEqualTo(1);
        assertThat(general.get("not_ready").asInt()).isZero();
        JsonNode billing = m.get("billing").get("agents");
        assertThat(billing.get("logged_in").asInt()).isEqualTo(2);
        assertThat(billing.get("available").asInt()).isEqualTo(1);
        assertThat(billing.get("not_ready").asInt()).isEqualTo(1);
        assertThat(billing.get("not_ready_by_reason").get("break").asInt()).isEqualTo(1);

        agent("a1", AgentState.LOGOUT, T0 + 100 * SEC);
        m = byQueue(flush());
        assertThat(m.get("general").get("agents").get("logged_in").asInt()).isEqualTo(3);
        assertThat(m.get("general").get("agents").get("available").asInt()).isZero();
        assertThat(m.get("billing").get("agents").get("logged_in").asInt()).isEqualTo(1);
    }

    @Test
    void trailingWindowsLoseMinutesAsTheClockMovesOnAndTheQueueIsWrittenAgain() throws Exception {
        answered("c1", "general", T0 + 10 * SEC, 5);
        answered("c2", "general", T0 + 50 * SEC, 5);
        JsonNode m = flushQueue("general");
        assertThat(m.get("total").get("trailing_15m").get("offered").asLong()).isEqualTo(2);
        assertThat(m.get("total").get("trailing_15m").get("from_ms").asLong()).isEqualTo(T0 - 14 * MIN);

        // nothing happens in queue general; the clock moves with the other queue's events and the watermark
        queued("o1", "billing", T0 + 14 * MIN + 10 * SEC);
        queued("o2", "billing", T0 + 14 * MIN + 20 * SEC);
        assertThat(byQueue(flush()).keySet()).containsExactly("billing");
        queued("o3", "billing", T0 + 15 * MIN + 10 * SEC);
        queued("o4", "billing", T0 + 15 * MIN + 20 * SEC);
        m = flushQueue("general");
        assertThat(m.get("total").get("trailing_15m").get("offered").asLong()).as("09:00 is no longer in the last 15 minutes").isZero();
        assertThat(m.get("total").get("trailing_15m").get("service_level").isNull()).isTrue();
        assertThat(m.get("total").get("trailing_30m").get("offered").asLong()).isEqualTo(2);
        assertThat(m.get("total").get("today").get("offered").asLong()).isEqualTo(2);

        watermark(T0 + 30 * MIN + SEC);
        m = flushQueue("general");
        assertThat(m.get("as_of_ms").asLong()).isEqualTo(T0 + 30 * MIN + SEC);
        assertThat(m.get("total").get("trailing_30m").get("offered").asLong()).isZero();
        assertThat(m.get("total").get("today").get("offered").asLong()).isEqualTo(2);
    }

    @Test
    void theBusinessDayRollsOverAtLocalMidnightAndTheLastDayStaysForLateEvents() throws Exception {
        long midnight = Instant.parse("2026-11-20T16:00:00Z").toEpochMilli(); // 00:00 on 2026-11-21 in Shanghai
        answered("c1", "general", midnight - 40 * SEC, 5);
        answered("c2", "general", midnight - 30 * SEC, 5);
        JsonNode m = flushQueue("general");
        assertThat(m.get("business_date").asText()).isEqualTo("2026-11-20");
        assertThat(m.get("total").get("today").get("offered").asLong()).isEqualTo(2);

        answered("c3", "general", midnight + 10 * SEC, 5);
        answered("c4", "general", midnight + 20 * SEC, 5);
        List<JsonNode> out = flush();
        // the day's last numbers go out first, then the new day
        assertThat(out).extracting(n -> n.get("business_date").asText()).contains("2026-11-20", "2026-11-21");
        m = byQueue(out).get("general");
        assertThat(m.get("business_date").asText()).isEqualTo("2026-11-21");
        assertThat(m.get("total").get("today").get("business_date").asText()).isEqualTo("2026-11-21");
        assertThat(m.get("total").get("today").get("from").asText()).isEqualTo("2026-11-21T00:00:00.000+08:00");
        assertThat(m.get("total").get("today").get("offered").asLong()).as("c3, and c4 ahead of the clock").isEqualTo(2);
        assertThat(m.get("total").get("previous_day").get("business_date").asText()).isEqualTo("2026-11-20");
        assertThat(m.get("total").get("previous_day").get("offered").asLong()).isEqualTo(2);
        assertThat(m.get("total").get("trailing_15m").get("offered").asLong()).as("windows run across midnight").isEqualTo(4);

        answered("late", "general", midnight - 5 * SEC, 5); // yesterday's, late
        m = flushQueue("general");
        assertThat(m.get("total").get("previous_day").get("offered").asLong()).isEqualTo(3);
        assertThat(m.get("total").get("today").get("offered").asLong()).isEqualTo(2);

        watermark(midnight + config.ingest().dedupHorizonMillis() + MIN);
        m = flushQueue("general");
        assertThat(m.has("previous_day")).as("no late event can reach yesterday any more").isFalse();
        answered("too-late", "general", midnight - 2 * SEC, 5);
        assertThat(byQueue(flush()).get("general")).isNull();
    }

    @Test
    void theBusinessDayIsTheTenantsEvenOnA25HourDay() throws Exception {
        // 2026-10-25 in Berlin has 25 hours (CEST ends); its start is 2026-10-24T22:00Z
        long dayStart = Instant.parse("2026-10-24T22:00:00Z").toEpochMilli();
        long late = Instant.parse("2026-10-25T22:30:00Z").toEpochMilli(); // 23:30 local, 24.5 h into the day
        for (int i = 0; i < 2; i++) {
            ContactEvent e = event("eu" + i, ContactEventType.ANSWERED, "english", late + i * SEC);
            e.tenantId = Fixtures.EU_TENANT;
            e.waitSeconds = 40;
            send(e);
        }
        JsonNode m = byQueue(flush()).get("english");
        assertThat(m.get("tenant_id").asText()).isEqualTo(Fixtures.EU_TENANT);
        assertThat(m.get("business_date").asText()).isEqualTo("2026-10-25");
        assertThat(m.get("total").get("today").get("from_ms").asLong()).isEqualTo(dayStart);
        assertThat(m.get("total").get("today").get("from").asText()).isEqualTo("2026-10-25T00:00:00.000+02:00");
        assertThat(m.get("as_of").asText()).isEqualTo("2026-10-25T23:30:00.000+01:00");
        assertThat(m.get("total").get("today").get("answered").asLong()).isEqualTo(2);
        assertThat(m.get("service_level_config").get("variant").asText()).as("roam-eu's own service level").isEqualTo("abandons_within_ignored");
        assertThat(m.get("total").get("today").get("answered_within").asLong()).as("T = 30 s").isZero();
    }

    @Test
    void changesAreCoalescedToOneMessagePerQueuePerEmitInterval() throws Exception {
        for (int i = 0; i < 5; i++) {
            queued("g" + i, "general", T0 + i * SEC);
        }
        queued("b1", "billing", T0 + 6 * SEC);
        queued("b2", "billing", T0 + 7 * SEC);
        assertThat(h.numProcessingTimeTimers()).isEqualTo(1);
        assertThat(newMessages()).as("nothing before the timer").isEmpty();
        h.setProcessingTime(processingTime); // the first change after a quiet time goes out at once
        List<JsonNode> first = newMessages();
        assertThat(first).extracting(n -> n.get("queue_id").asText()).containsExactlyInAnyOrder("general", "billing");
        assertThat(byQueue(first).get("general").get("total").get("waiting").asLong()).isEqualTo(5);

        processingTime += 100;
        h.setProcessingTime(processingTime);
        answered("g0", "general", T0 + 8 * SEC, 8);
        answered("g1", "general", T0 + 9 * SEC, 8);
        h.setProcessingTime(processingTime + 100);
        assertThat(newMessages()).as("within 250 ms of the last message").isEmpty();
        h.setProcessingTime(processingTime + 150);
        List<JsonNode> second = newMessages();
        assertThat(second).hasSize(1);
        assertThat(second.get(0).get("total").get("waiting").asLong()).isEqualTo(3);
        assertThat(h.numProcessingTimeTimers()).isZero();
    }

    @Test
    void handledLegsGiveTheAverageHandleTime() throws Exception {
        queued("c1", "general", T0);
        answered("c1", "general", T0 + 10 * SEC, 10);
        record("c1", "general", T0 + 5 * MIN, 250, 20, 40);
        record("c2", "general", T0 + 6 * MIN, 150, 0, 20);
        JsonNode window = flushQueue("general").get("total").get("trailing_15m");
        assertThat(window.get("handled").asLong()).isEqualTo(2);
        assertThat(window.get("talk_seconds").asLong()).isEqualTo(400);
        assertThat(window.get("aht_seconds").asDouble()).isEqualTo((250 + 20 + 40 + 150 + 20) / 2.0);
    }

    @Test
    void eachQueueHasItsOwnServiceLevelVariant() throws Exception {
        for (String q : List.of("general", "complaints")) {
            answered(q + "-1", q, T0, 10);
            left(q + "-2", ContactEventType.ABANDONED, q, T0 + SEC, 3);
        }
        Map<String, JsonNode> m = byQueue(flush());
        assertThat(m.get("general").get("total").get("today").get("service_level").asDouble()).as("answered within / offered").isEqualTo(0.5);
        assertThat(m.get("complaints").get("service_level_config").get("variant").asText()).isEqualTo("short_abandons_ignored");
        assertThat(m.get("complaints").get("total").get("today").get("short_abandoned").asLong()).isEqualTo(1);
        assertThat(m.get("complaints").get("total").get("today").get("service_level").asDouble())
                .as("answered within / (offered - short abandons)").isEqualTo(1.0);
    }

    @Test
    void aServiceLevelBreachIsRaisedOnceAndClearedWithHysteresis() throws Exception {
        long t = T0;
        for (int i = 0; i < 9; i++) {
            answered("slow" + i, "general", t += SEC, 60);
        }
        flush();
        assertThat(alerts()).as("9 offered: below the minimum volume").isEmpty();
        answered("slow9", "general", t += SEC, 60);
        JsonNode m = flushQueue("general");
        List<JsonNode> alerts = alerts();
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.get("type").asText()).isEqualTo("service_level_breach");
            assertThat(a.get("state").asText()).isEqualTo("raised");
            assertThat(a.get("queue_id").asText()).isEqualTo("general");
            assertThat(a.get("service_level").asDouble()).isZero();
            assertThat(a.get("target").asDouble()).isEqualTo(0.8);
            assertThat(a.get("offered").asLong()).isEqualTo(10);
            assertThat(a.get("explanation").asText()).contains("below its target of 80.0 %");
        });
        String id = alerts.get(0).get("alert_id").asText();
        assertThat(m.get("service_level_breach").get("alert_id").asText()).isEqualTo(id);

        answered("slow10", "general", t += SEC, 60);
        for (int i = 0; i < 43; i++) {
            answered("fast" + i, "general", t += SEC, 5);
        }
        flush();
        assertThat(alerts()).as("43 of 54 = 79.6 %: still in breach, no second alert").hasSize(1);
        for (int i = 43; i < 56; i++) {
            answered("fast" + i, "general", t += SEC, 5);
        }
        flush();
        assertThat(alerts()).as("56 of 67 = 83.6 %: above the target, below the clear level 85 %").hasSize(1);
        for (int i = 56; i < 70; i++) {
            answered("fast" + i, "general", t += SEC, 5);
        }
        m = flushQueue("general");
        assertThat(alerts()).hasSize(2).last().satisfies(a -> {
            assertThat(a.get("state").asText()).isEqualTo("cleared");
            assertThat(a.get("alert_id").asText()).isEqualTo(id);
        });
        assertThat(m.get("service_level_breach").isNull()).isTrue();
    }

    @Test
    void stateAndTimersAreGoneOnceContactsEndedAgentsLoggedOutAndTheDayIsOver() throws Exception {
        agent("a1", AgentState.LOGIN, T0, "general");
        agent("a1", AgentState.READY, T0 + SEC);
        queued("c1", "general", T0 + 2 * SEC);
        answered("c1", "general", T0 + 4 * SEC, 2);
        agent("a1", AgentState.ON_CONTACT, T0 + 4 * SEC);
        ended("c1", "general", T0 + 3 * MIN);
        record("c1", "general", T0 + 3 * MIN, 170, 0, 30);
        queued("c2", "general", T0 + 5 * MIN);
        left("c2", ContactEventType.FLOWED_OUT, "general", T0 + 6 * MIN, 60);
        agent("a1", AgentState.AFTER_CONTACT_WORK, T0 + 3 * MIN);
        agent("a1", AgentState.LOGOUT, T0 + 8 * HOUR);
        flush();
        assertThat(h.numKeyedStateEntries()).isPositive();
        assertThat(h.numEventTimeTimers()).isEqualTo(1);
        assertThat(agentMessages()).extracting(n -> n.get("state").asText())
                .containsExactly("login", "ready", "on_contact", "after_contact_work", "logged_out");
        assertThat(exits()).extracting(n -> n.get("outcome").asText()).containsExactly("answered", "flowed_out");

        long end = T0 + 2 * 24 * HOUR;
        for (long wm = T0 + HOUR; wm <= end; wm += 3 * HOUR) {
            watermark(wm);
            flush();
        }
        watermark(end + MIN);
        flush();
        watermark(end + 2 * MIN);
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(h.numProcessingTimeTimers()).isZero();
    }

    @Test
    void eachChangeOfAnAgentsStateIsOneMessageWithItsQueuesAndTimeInState() throws Exception {
        h.setProcessingTime(5_000);
        agent("a1", AgentState.LOGIN, T0, "general", "billing");
        agent("a1", AgentState.READY, T0 + 2 * SEC);
        agent("a1", AgentState.NOT_READY, T0 + SEC); // older than ready: arrives late, changes nothing
        agent("a1", AgentState.READY, T0 + 5 * SEC); // the same state again: no change, the state still began at +2 s
        agent("a1", AgentState.NOT_READY, T0 + 9 * SEC);
        List<JsonNode> m = agentMessages();
        assertThat(m).extracting(n -> n.get("state").asText()).containsExactly("login", "ready", "not_ready");
        JsonNode login = m.get(0);
        assertThat(login.get("type").asText()).isEqualTo("agent_state");
        assertThat(login.get("version").asInt()).isEqualTo(1);
        assertThat(login.get("tenant_id").asText()).isEqualTo(Fixtures.TENANT);
        assertThat(login.get("agent_id").asText()).isEqualTo("a1");
        assertThat(login.get("team_id").asText()).isEqualTo("team-a1");
        assertThat(login.get("reason").isNull()).isTrue();
        assertThat(login.get("queues")).extracting(JsonNode::asText).containsExactly("general", "billing");
        assertThat(login.get("since").asText()).isEqualTo("2026-11-20T09:00:00.000+08:00");
        assertThat(login.get("since_ms").asLong()).isEqualTo(T0);
        assertThat(login.get("occurred_at_ms").asLong()).isEqualTo(T0);
        assertThat(login.get("emitted_at_ms").asLong()).isEqualTo(5_000);
        JsonNode notReady = m.get(2);
        assertThat(notReady.get("reason").asText()).isEqualTo("break");
        assertThat(notReady.get("since_ms").asLong()).isEqualTo(T0 + 9 * SEC);
        assertThat(notReady.get("occurred_at").asText()).isEqualTo("2026-11-20T09:00:09.000+08:00");
        assertThat(notReady.get("queues")).hasSize(2);

        // a login that arrives after the agent's first state: the state stays, the queues are the login's skills
        agent("a2", AgentState.ON_CONTACT, T0 + 20 * SEC);
        assertThat(agentMessages().get(3).get("queues")).as("no login seen yet").isEmpty();
        agent("a2", AgentState.LOGIN, T0 + 12 * SEC, "complaints");
        JsonNode late = agentMessages().get(4);
        assertThat(late.get("state").asText()).isEqualTo("on_contact");
        assertThat(late.get("since_ms").asLong()).isEqualTo(T0 + 20 * SEC);
        assertThat(late.get("occurred_at_ms").asLong()).as("the time of the change: the login").isEqualTo(T0 + 12 * SEC);
        assertThat(late.get("queues")).extracting(JsonNode::asText).containsExactly("complaints");

        agent("a1", AgentState.LOGOUT, T0 + 60 * SEC);
        JsonNode out = agentMessages().get(5);
        assertThat(out.get("state").asText()).as("the wallboard drops the agent").isEqualTo("logged_out");
        assertThat(out.get("since_ms").asLong()).isEqualTo(T0 + 60 * SEC);
        assertThat(out.get("queues")).as("the queues it leaves").extracting(JsonNode::asText).containsExactly("general", "billing");
        assertThat(agentMessages()).hasSize(6);
        assertThat(exits()).isEmpty();
    }

    @Test
    void anAgentSilentForADayIsSentAsLoggedOut() throws Exception {
        agent("a1", AgentState.LOGIN, T0, "general");
        agent("a1", AgentState.READY, T0 + SEC);
        long at = T0 + LiveQueueStateFunction.AGENT_SILENCE_CAP + 2 * MIN;
        watermark(at);
        List<JsonNode> m = agentMessages();
        assertThat(m).hasSize(3);
        JsonNode last = m.get(2);
        assertThat(last.get("state").asText()).isEqualTo("logged_out");
        assertThat(last.get("reason").isNull()).isTrue();
        assertThat(last.get("since_ms").asLong()).as("the tenant clock when it was taken as logged out")
                .isEqualTo(last.get("occurred_at_ms").asLong()).isBetween(T0 + LiveQueueStateFunction.AGENT_SILENCE_CAP, at);
    }

    @Test
    void eachQueueExitIsOneMessageWithItsOutcomeWaitAndAgentButNoCallerIdentifier() throws Exception {
        h.setProcessingTime(7_000);
        queued("c1", "general", T0);
        assertThat(exits()).as("entering a queue is not an exit").isEmpty();
        ContactEvent answered = event("c1", ContactEventType.ANSWERED, "general", T0 + 12 * SEC);
        answered.waitSeconds = 12;
        answered.agentId = "a-7";
        answered.callerNumber = "+8613800138000";
        answered.callerKey = "ck-secret";
        send(answered);
        // no queued event seen, no wait given, no queue on the event: the contact's queue is unknown
        send(event("c2", ContactEventType.ABANDONED, null, T0 + 20 * SEC));
        // a wait from the queued event, the queue from the contact's leg
        queued("c3", "billing", T0 + 30 * SEC);
        send(event("c3", ContactEventType.CALLBACK_REQUESTED, null, T0 + 70 * SEC));
        left("c4", ContactEventType.FLOWED_OUT, "general", T0 + 80 * SEC, 45);
        left("c5", ContactEventType.ABANDONED, "general", T0 + 90 * SEC, 3);

        List<JsonNode> m = exits();
        assertThat(m).extracting(n -> n.get("contact_id").asText()).containsExactly("c1", "c3", "c4", "c5");
        JsonNode a = m.get(0);
        assertThat(a.get("type").asText()).isEqualTo("queue_exit");
        assertThat(a.get("version").asInt()).isEqualTo(1);
        assertThat(a.get("tenant_id").asText()).isEqualTo(Fixtures.TENANT);
        assertThat(a.get("queue_id").asText()).isEqualTo("general");
        assertThat(a.get("channel").asText()).isEqualTo("voice");
        assertThat(a.get("outcome").asText()).isEqualTo("answered");
        assertThat(a.get("wait_seconds").asInt()).isEqualTo(12);
        assertThat(a.get("agent_id").asText()).isEqualTo("a-7");
        assertThat(a.get("queued_at").asText()).isEqualTo("2026-11-20T09:00:00.000+08:00");
        assertThat(a.get("queued_at_ms").asLong()).isEqualTo(T0);
        assertThat(a.get("occurred_at").asText()).isEqualTo("2026-11-20T09:00:12.000+08:00");
        assertThat(a.get("occurred_at_ms").asLong()).isEqualTo(T0 + 12 * SEC);
        assertThat(a.get("emitted_at_ms").asLong()).isEqualTo(7_000);
        for (JsonNode n : m) {
            assertThat(n.toString()).doesNotContain("13800138000").doesNotContain("ck-secret").doesNotContain("caller");
        }
        JsonNode callback = m.get(1);
        assertThat(callback.get("queue_id").asText()).isEqualTo("billing");
        assertThat(callback.get("outcome").asText()).isEqualTo("callback_requested");
        assertThat(callback.get("wait_seconds").asInt()).as("from its queued event").isEqualTo(40);
        assertThat(callback.get("queued_at_ms").asLong()).isEqualTo(T0 + 30 * SEC);
        assertThat(callback.has("agent_id")).isFalse();
        assertThat(m.get(2).get("outcome").asText()).isEqualTo("flowed_out");
        JsonNode abandoned = m.get(3);
        assertThat(abandoned.get("outcome").asText()).isEqualTo("abandoned");
        assertThat(abandoned.get("wait_seconds").asInt()).isEqualTo(3);
        assertThat(abandoned.has("queued_at")).as("its queued event was not seen").isFalse();
        assertThat(abandoned.has("agent_id")).isFalse();

        // an exit without a known wait at all
        send(event("c6", ContactEventType.CALLBACK_REQUESTED, "general", T0 + 95 * SEC));
        assertThat(exits().get(4).get("wait_seconds").isNull()).isTrue();
        assertThat(agentMessages()).isEmpty();
    }

    @Test
    void theEndOfTheInputWritesWhatIsPending() throws Exception {
        queued("c1", "general", T0);
        answered("c1", "general", T0 + SEC, 1);
        watermark(Long.MAX_VALUE);
        List<JsonNode> out = newMessages();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).get("total").get("today").get("answered").asLong()).isEqualTo(1);
    }
}
