package com.callpulse.metrics.complaint;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.live.LiveMessage;
import com.callpulse.model.ComplaintAction;
import com.callpulse.model.ComplaintEvent;
import com.callpulse.testing.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import static com.callpulse.metrics.complaint.Complaints.HOUR;
import static com.callpulse.metrics.complaint.Complaints.MINUTE;
import static com.callpulse.metrics.complaint.Complaints.local;
import static com.callpulse.model.ComplaintAction.AWAITING_CUSTOMER;
import static com.callpulse.model.ComplaintAction.CLOSED;
import static com.callpulse.model.ComplaintAction.CONFIRMED;
import static com.callpulse.model.ComplaintAction.CUSTOMER_CONTACTED;
import static com.callpulse.model.ComplaintAction.CUSTOMER_RESPONDED;
import static com.callpulse.model.ComplaintAction.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Complaint deadlines in event time: escalations, live alerts, outcomes, interval facts, and clean-up. */
class ComplaintDeadlinesTest {
    private static final CallPulseConfig CONFIG = CallPulseConfig.defaults();
    /** Escalation rows are final this long after the escalation: ingest bound (30 s) + allowed lateness (1 h). */
    private static final long FINAL = CONFIG.ingest().dedupHorizonMillis();
    /** State is kept this long after the close: metrics.restatement_horizon (3 h). */
    private static final long RETENTION = CONFIG.metrics().restatementHorizon().toMillis();
    private static final long T0 = Fixtures.T0; // 09:00 Shanghai, 2026-11-20
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeyedOneInputStreamOperatorTestHarness<String, ComplaintEvent, ComplaintFact> h;

    @BeforeEach
    void open() throws Exception {
        h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new ComplaintDeadlines(CONFIG), e -> e.tenantId + "|" + e.complaintId, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private void send(ComplaintEvent... events) throws Exception {
        for (ComplaintEvent e : events) {
            h.processElement(e, e.occurredAt);
        }
    }

    private void watermark(long t) throws Exception {
        h.processWatermark(t);
    }

    private <T> List<T> side(OutputTag<T> tag) {
        Queue<StreamRecord<T>> q = h.getSideOutput(tag);
        List<T> out = new ArrayList<>();
        if (q != null) {
            q.forEach(r -> out.add(r.getValue()));
        }
        return out;
    }

    private List<ComplaintEscalation> escalations() {
        return side(ComplaintDeadlines.ESCALATIONS);
    }

    private List<ComplaintOutcome> outcomes() {
        return side(ComplaintDeadlines.OUTCOMES);
    }

    private List<LiveMessage> alerts() {
        return side(ComplaintDeadlines.ALERTS);
    }

    private List<ComplaintFact> facts() {
        return h.extractOutputValues();
    }

    /** Sum of the signs of the facts of a kind sent so far: what the intervals count. */
    private long net(ComplaintFact.Kind kind) {
        return facts().stream().filter(f -> f.kind == kind).mapToLong(f -> f.sign).sum();
    }

    private static JsonNode json(LiveMessage m) throws Exception {
        return JSON.readTree(m.json);
    }

    @Test
    void aDeadlineOfSixtyBusinessHoursFromFriday1730PassesAfterTheWeekendAndTheHoliday() throws Exception {
        Complaints c = new Complaints("mvno-lx", "CP-LX-1"); // 09:00-18:00 every day, 2027-01-01 a holiday
        long opened = local("2026-12-25T17:30", SHANGHAI); // a Friday
        long deadline = local("2027-01-02T14:30", SHANGHAI);
        send(c.opened(opened, "regulator-5d"), c.assigned(opened + 10 * MINUTE, "cmp-hefei-3"));
        watermark(deadline - 1);
        assertThat(alerts()).isEmpty();
        assertThat(net(ComplaintFact.Kind.BREACHED)).isZero();
        watermark(deadline);
        assertThat(alerts()).singleElement().satisfies(m -> {
            assertThat(m.tenantId).isEqualTo("mvno-lx");
            assertThat(m.key).isEqualTo("mvno-lx|complaint_escalation:CP-LX-1-L1");
            assertThat(m.eventTime).isEqualTo(deadline);
            JsonNode j = json(m);
            assertThat(j.get("type").asText()).isEqualTo("complaint_escalation");
            assertThat(j.get("state").asText()).isEqualTo("raised");
            assertThat(j.get("version").asInt()).isEqualTo(1);
            assertThat(j.get("alert_id").asText()).isEqualTo("complaint_escalation:CP-LX-1-L1");
            assertThat(j.get("occurred_at").asText()).isEqualTo("2027-01-02T14:30:00.000+08:00");
            assertThat(j.get("escalation_id").asText()).isEqualTo("CP-LX-1-L1");
            assertThat(j.get("level").asInt()).isEqualTo(1);
            assertThat(j.get("escalated_at").asText()).isEqualTo("2027-01-02T14:30:00.000+08:00");
            assertThat(j.get("raised_by").asText()).isEqualTo("deadline");
            assertThat(j.get("hours_overdue").asDouble()).isZero();
            assertThat(j.get("deadline_policy").asText()).isEqualTo("regulator-5d");
            assertThat(j.get("assigned_to").asText()).isEqualTo("cmp-hefei-3");
        });
        assertThat(net(ComplaintFact.Kind.BREACHED)).isEqualTo(1);
        assertThat(net(ComplaintFact.Kind.ESCALATED)).isEqualTo(1);
        assertThat(escalations()).as("the row waits until no accepted event can undo it").isEmpty();
        watermark(deadline + FINAL);
        assertThat(escalations()).singleElement().satisfies(e -> {
            assertThat(e.escalationId).isEqualTo("CP-LX-1-L1");
            assertThat(e.escalatedAt).isEqualTo(deadline);
            assertThat(e.deadlineAt).isEqualTo(deadline);
            assertThat(e.hoursOverdue).isZero();
            assertThat(e.raisedBy).isEqualTo(EscalationCause.DEADLINE);
            assertThat(e.openedAt).isEqualTo(opened);
        });
    }

    @Test
    void waitingForTheCustomerMovesTheDeadlineByThePausedTime() throws Exception {
        Complaints c = new Complaints("cmcc-ah", "CP-1");
        send(c.opened(T0, "standard-48h"), c.event(AWAITING_CUSTOMER, T0 + 10 * HOUR), c.event(CUSTOMER_RESPONDED, T0 + 16 * HOUR));
        watermark(T0 + 54 * HOUR - 1);
        assertThat(alerts()).isEmpty();
        watermark(T0 + 54 * HOUR);
        assertThat(alerts()).singleElement().satisfies(m -> assertThat(m.eventTime).isEqualTo(T0 + 54 * HOUR));
    }

    @Test
    void anEscalationReArmsTheNextDeadlineUpToTheMaximumLevelThenStateAndTimersAreGoneAfterTheClose() throws Exception {
        Complaints c = new Complaints("cmcc-ah", "CP-2");
        send(c.opened(T0, "urgent-24h")); // 24 h, then every 12 h, max level 3
        for (long w = T0; w <= T0 + 100 * HOUR; w += HOUR) {
            watermark(w);
        }
        assertThat(alerts()).extracting(m -> m.eventTime).containsExactly(T0 + 24 * HOUR, T0 + 36 * HOUR, T0 + 48 * HOUR);
        assertThat(escalations()).extracting(e -> e.level, e -> e.escalatedAt, e -> e.hoursOverdue)
                .containsExactly(tuple(1, T0 + 24 * HOUR, 0.0), tuple(2, T0 + 36 * HOUR, 12.0), tuple(3, T0 + 48 * HOUR, 24.0));
        assertThat(h.numEventTimeTimers()).as("only the clean-up of a complaint that never closes").isEqualTo(1);
        send(c.event(RESOLVED, T0 + 101 * HOUR), c.event(CLOSED, T0 + 102 * HOUR));
        watermark(T0 + 102 * HOUR);
        assertThat(outcomes()).singleElement().satisfies(o -> {
            assertThat(o.version).isEqualTo(1);
            assertThat(o.stillOpen).isFalse();
            assertThat(o.breached).isTrue();
            assertThat(o.breachedAt).isEqualTo(T0 + 24 * HOUR);
            assertThat(o.deadlineAt).isEqualTo(T0 + 24 * HOUR);
            assertThat(o.onTime).isFalse();
            assertThat(o.levelReached).isEqualTo(3);
            assertThat(o.deadlineEscalations).isEqualTo(3);
            assertThat(o.elapsedHoursToResolve).isEqualTo(101.0);
            assertThat(o.clockHoursToResolve).isEqualTo(101.0);
            assertThat(o.closedAt).isEqualTo(T0 + 102 * HOUR);
            assertThat(o.eventCount).isEqualTo(3);
        });
        assertThat(net(ComplaintFact.Kind.ESCALATED)).isEqualTo(3);
        assertThat(facts()).filteredOn(f -> f.kind == ComplaintFact.Kind.RESOLVED).singleElement()
                .satisfies(f -> assertThat(f.level).as("resolved at level 3").isEqualTo(3));
        assertThat(h.numKeyedStateEntries()).isPositive();
        watermark(T0 + 102 * HOUR + RETENTION - 1);
        assertThat(h.numKeyedStateEntries()).isPositive();
        watermark(T0 + 102 * HOUR + RETENTION);
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(outcomes()).as("nothing more to say").hasSize(1);
    }

    @Test
    void reDeliveredAndRepeatedUpdatesNeverDoubleACountOrAnEscalation() throws Exception {
        Complaints c = new Complaints("cmcc-ah", "CP-3");
        ComplaintEvent opened = c.opened(T0, "urgent-24h");
        send(opened, c.assigned(T0 + MINUTE, "cmp-hefei-1"));
        watermark(T0 + 24 * HOUR);
        assertThat(alerts()).hasSize(1);
        int factsBefore = facts().size();
        send(opened);                                            // the same event again
        send(c.repeat(opened, T0 + 2 * HOUR));                   // an opened seen again
        send(c.escalated(T0 + 24 * HOUR + 5 * MINUTE, 1, "sup"));// the source escalates to the level we raised
        watermark(T0 + 25 * HOUR);
        assertThat(facts()).as("nothing new to count").hasSize(factsBefore);
        assertThat(alerts()).hasSize(1);
        ComplaintEvent resolved = c.event(RESOLVED, T0 + 26 * HOUR);
        send(resolved, resolved, c.repeat(resolved, T0 + 27 * HOUR), c.event(CLOSED, T0 + 28 * HOUR), c.event(CLOSED, T0 + 29 * HOUR));
        watermark(T0 + 30 * HOUR + FINAL);
        assertThat(net(ComplaintFact.Kind.OPENED)).isEqualTo(1);
        assertThat(net(ComplaintFact.Kind.RESOLVED)).isEqualTo(1);
        assertThat(net(ComplaintFact.Kind.CLOSED)).isEqualTo(1);
        assertThat(net(ComplaintFact.Kind.ESCALATED)).isEqualTo(1);
        assertThat(facts()).allSatisfy(f -> assertThat(f.sign).isEqualTo(1));
        assertThat(escalations()).singleElement().satisfies(e -> {
            assertThat(e.escalationId).isEqualTo("CP-3-L1");
            assertThat(e.raisedBy).isEqualTo(EscalationCause.DEADLINE);
        });
        assertThat(outcomes()).singleElement().satisfies(o -> {
            assertThat(o.levelReached).isEqualTo(1);
            assertThat(o.eventCount).as("distinct events: the re-delivery is not one").isEqualTo(8);
            assertThat(o.resolvedAt).isEqualTo(T0 + 26 * HOUR);
            assertThat(o.closedAt).isEqualTo(T0 + 28 * HOUR);
        });
    }

    @Test
    void onTheDayBerlinLeavesSummerTimeADayLongDeadlineIs24ElapsedHours() throws Exception {
        Complaints c = new Complaints("roam-eu", "CP-EU-1");
        long opened = local("2026-10-24T10:00", BERLIN); // CEST
        long deadline = local("2026-10-25T09:00", BERLIN); // CET: 24 elapsed hours, the wall clock says 23
        assertThat(deadline - opened).isEqualTo(24 * HOUR);
        send(c.opened(opened, "urgent-24h"));
        watermark(deadline - 1);
        assertThat(alerts()).isEmpty();
        watermark(deadline);
        assertThat(alerts()).singleElement().satisfies(m -> assertThat(json(m).get("escalated_at").asText()).isEqualTo("2026-10-25T09:00:00.000+01:00"));
        Complaints b = new Complaints("roam-eu", "CP-EU-2");
        long saturday = local("2026-10-24T17:00", BERLIN);
        send(b.opened(saturday, "regulator-5d"), b.event(RESOLVED, local("2026-10-25T17:00", BERLIN)), b.event(CLOSED, local("2026-10-25T17:01", BERLIN)));
        watermark(local("2026-10-25T18:00", BERLIN));
        assertThat(outcomes()).singleElement().satisfies(o -> {
            assertThat(o.complaintId).isEqualTo("CP-EU-2");
            assertThat(o.businessHoursToResolve).as("1 h on Saturday, 08:00-17:00 on the 25-hour Sunday").isEqualTo(10.0);
            assertThat(o.clockHoursToResolve).isEqualTo(10.0);
            assertThat(o.elapsedHoursToResolve).isEqualTo(25.0);
            assertThat(o.onTime).isTrue();
        });
    }

    @Test
    void eventsBeforeTheOpeningAreKeptAndCountOnceTheOpeningArrives() throws Exception {
        Complaints c = new Complaints("cmcc-ah", "CP-4");
        send(c.assigned(T0 + 10 * MINUTE, "cmp-hefei-2"), c.event(CUSTOMER_CONTACTED, T0 + HOUR), c.event(RESOLVED, T0 + 5 * HOUR));
        assertThat(facts()).as("no category yet").isEmpty();
        assertThat(h.numKeyedStateEntries()).isPositive();
        send(c.opened(T0, "standard-48h"));
        watermark(T0 + 6 * HOUR);
        assertThat(facts()).extracting(f -> f.kind, f -> f.sign).containsExactly(tuple(ComplaintFact.Kind.OPENED, 1), tuple(ComplaintFact.Kind.RESOLVED, 1));
        send(c.event(CLOSED, T0 + 7 * HOUR));
        watermark(T0 + 7 * HOUR);
        assertThat(outcomes()).singleElement().satisfies(o -> {
            assertThat(o.openedSeen).isTrue();
            assertThat(o.onTime).isTrue();
            assertThat(o.eventCount).isEqualTo(5);
        });
    }

    @Test
    void aComplaintWhoseOpeningNeverArrivesIsWrittenWithoutOneAtTheEndOfTheInput() throws Exception {
        Complaints c = new Complaints("cmcc-ah", "CP-5");
        send(c.assigned(T0, "cmp-hefei-2"), c.escalated(T0 + 50 * HOUR, 1, "sup-hefei"), c.event(RESOLVED, T0 + 60 * HOUR));
        watermark(T0 + 70 * HOUR);
        watermark(Long.MAX_VALUE);
        assertThat(facts()).isEmpty();
        assertThat(alerts()).isEmpty();
        assertThat(escalations()).isEmpty();
        assertThat(outcomes()).singleElement().satisfies(o -> {
            assertThat(o.openedSeen).isFalse();
            assertThat(o.stillOpen).isTrue();
            assertThat(o.openedAt).isNull();
            assertThat(o.deadlineAt).isNull();
            assertThat(o.levelReached).isEqualTo(1);
            assertThat(o.resolvedAt).isEqualTo(T0 + 60 * HOUR);
            assertThat(o.onTime).isNull();
            assertThat(o.partitionTime()).isEqualTo(T0);
        });
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
    }

    @Test
    void aLateResolutionWithdrawsTheEscalationItPrevented() throws Exception {
        Complaints c = new Complaints("cmcc-ah", "CP-6");
        send(c.opened(T0, "urgent-24h"));
        watermark(T0 + 24 * HOUR + 10 * MINUTE);
        assertThat(alerts()).hasSize(1);
        send(c.event(RESOLVED, T0 + 23 * HOUR)); // late, but within the ingestion horizon
        assertThat(alerts()).hasSize(2);
        assertThat(json(alerts().get(1)).get("state").asText()).isEqualTo("withdrawn");
        assertThat(alerts().get(1).key).isEqualTo(alerts().get(0).key);
        assertThat(net(ComplaintFact.Kind.BREACHED)).isZero();
        assertThat(net(ComplaintFact.Kind.ESCALATED)).isZero();
        assertThat(facts()).filteredOn(f -> f.kind == ComplaintFact.Kind.RESOLVED).singleElement().satisfies(f -> {
            assertThat(f.onTime).isTrue();
            assertThat(f.level).isZero();
        });
        watermark(T0 + 24 * HOUR + FINAL);
        assertThat(escalations()).as("never final, never written").isEmpty();
    }

    @Test
    void aLateEventAfterTheOutcomeWasWrittenRewritesItWithTheNextVersion() throws Exception {
        Complaints c = new Complaints("cmcc-ah", "CP-7");
        send(c.opened(T0, "standard-48h"), c.event(RESOLVED, T0 + 20 * HOUR), c.event(CLOSED, T0 + 22 * HOUR));
        watermark(T0 + 22 * HOUR);
        assertThat(outcomes()).extracting(o -> o.version, o -> o.confirmedAt).containsExactly(tuple(1, null));
        send(c.event(CONFIRMED, T0 + 21 * HOUR));
        assertThat(outcomes()).extracting(o -> o.version, o -> o.confirmedAt).containsExactly(tuple(1, null), tuple(2, T0 + 21 * HOUR));
        watermark(T0 + 23 * HOUR);
        assertThat(outcomes()).hasSize(2);
    }

    @Test
    void theEndOfABoundedInputWritesOpenComplaintsAsTheyStandWithoutPassingFutureDeadlines() throws Exception {
        Complaints c = new Complaints("cmcc-ah", "CP-8");
        send(c.opened(T0, "urgent-24h"), c.event(ComplaintAction.CUSTOMER_CONTACTED, T0 + HOUR));
        watermark(T0 + 24 * HOUR + MINUTE);
        assertThat(escalations()).as("level 1 is not final yet").isEmpty();
        watermark(Long.MAX_VALUE);
        assertThat(escalations()).extracting(e -> e.level).as("written at the end; level 2 was never reached").containsExactly(1);
        assertThat(alerts()).hasSize(1);
        assertThat(outcomes()).singleElement().satisfies(o -> {
            assertThat(o.stillOpen).isTrue();
            assertThat(o.breached).isTrue();
            assertThat(o.levelReached).isEqualTo(1);
            assertThat(o.deadlineAt).isEqualTo(T0 + 24 * HOUR);
            assertThat(o.resolvedAt).isNull();
            assertThat(o.onTime).isNull();
        });
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
    }
}
