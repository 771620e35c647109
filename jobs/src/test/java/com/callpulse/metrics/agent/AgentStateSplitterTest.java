package com.callpulse.metrics.agent;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.metrics.IntervalAggregator;
import com.callpulse.model.AgentState;
import com.callpulse.model.AgentStateEvent;
import com.callpulse.model.NotReadyReason;
import com.callpulse.testing.Fixtures;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent-state splitter in event time, alone and feeding the interval aggregator as in the job: emission per
 * interval as the watermark passes, late and out-of-order events, a missing logout, clean-up, DST days.
 */
class AgentStateSplitterTest {
    private static final long MIN = 60_000;
    private static final long LATENESS = 20 * MIN; // metrics.allowed_lateness, shipped default
    private static final long HORIZON = 60 * MIN + 30_000; // ingest bound + allowed lateness in Fixtures.config()
    private static final long CAP = com.callpulse.testing.Fixtures.config().metrics().agentStateCap().toMillis();

    private final CallPulseConfig config = Fixtures.config();
    private final AgentStateIntervals metric = new AgentStateIntervals();
    private KeyedOneInputStreamOperatorTestHarness<String, AgentStateEvent, AgentStatePiece> split;
    private KeyedOneInputStreamOperatorTestHarness<String, AgentStatePiece, AgentStateInterval> sum;
    private int handedOn;
    private int ids;

    @BeforeEach
    void open() throws Exception {
        split = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new AgentStateSplitter(config, CAP), AgentStateSplitter::key, Types.STRING);
        sum = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new IntervalAggregator<>(metric, config), metric::key, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        split.close();
        sum.close();
    }

    private void event(long at, AgentState state) throws Exception {
        event(Fixtures.TENANT, "a1", at, state, null);
    }

    private void event(long at, AgentState state, NotReadyReason reason) throws Exception {
        event(Fixtures.TENANT, "a1", at, state, reason);
    }

    private void event(String tenant, String agent, long at, AgentState state, NotReadyReason reason) throws Exception {
        AgentStateEvent e = Fixtures.agentState("e" + (++ids), at, agent, state);
        e.tenantId = tenant;
        e.reason = reason;
        split.processElement(new StreamRecord<>(e, at));
    }

    /** The watermark reaches the splitter, its new pieces the aggregator, then the watermark too (as in the job). */
    private void watermark(long w) throws Exception {
        split.processWatermark(new Watermark(w));
        List<AgentStatePiece> out = split.extractOutputValues();
        for (AgentStatePiece p : out.subList(handedOn, out.size())) {
            sum.processElement(new StreamRecord<>(p, p.intervalStart));
        }
        handedOn = out.size();
        sum.processWatermark(new Watermark(w));
    }

    private List<AgentStatePiece> pieces() {
        return split.extractOutputValues();
    }

    private static String describe(AgentStatePiece p) {
        return (p.intervalStart - T0) / MIN + " " + p.state.code() + (p.reason == null ? "" : "/" + p.reason.code()) + " " + p.millis / 1000.0
                + (p.capped == 0 ? "" : " cut " + p.capped);
    }

    private List<String> described() {
        return pieces().stream().map(AgentStateSplitterTest::describe).toList();
    }

    /** The latest version of each written row, by interval start. */
    private Map<Long, AgentStateInterval> rows() {
        Map<Long, AgentStateInterval> latest = new TreeMap<>();
        for (AgentStateInterval r : sum.extractOutputValues()) {
            latest.merge(r.intervalStart, r, (a, b) -> b.version > a.version ? b : a);
        }
        return latest;
    }

    @Test
    void aLongStateReachesEachIntervalAsTheWatermarkPassesItsEndWithoutWaitingForTheNextEvent() throws Exception {
        event(T0 + 10 * MIN, AgentState.READY);
        watermark(T0 + 15 * MIN + LATENESS - 1);
        assertThat(pieces()).isEmpty();
        watermark(T0 + 15 * MIN + LATENESS);
        assertThat(described()).containsExactly("0 ready 300.0");
        watermark(T0 + 30 * MIN + LATENESS);
        watermark(T0 + 45 * MIN + LATENESS);
        assertThat(described()).containsExactly("0 ready 300.0", "15 ready 900.0", "30 ready 900.0");
        assertThat(split.numEventTimeTimers()).as("the next interval's").isEqualTo(1);
        // the aggregator got each interval's piece before the watermark that makes it final: version 1, not restated
        assertThat(rows().values()).extracting(r -> r.readySeconds + "/" + r.version + "/" + r.restated)
                .containsExactly("300.0/1/false", "900.0/1/false", "900.0/1/false");
    }

    @Test
    void stateChangesWithinAnIntervalSplitItsTimeAndTheRowHasOccupancyAndUtilization() throws Exception {
        event(T0 - 5 * MIN, AgentState.LOGIN);
        event(T0 - 4 * MIN, AgentState.READY);
        event(T0 + 2 * MIN, AgentState.ON_CONTACT);
        event(T0 + 6 * MIN, AgentState.AFTER_CONTACT_WORK);
        event(T0 + 7 * MIN, AgentState.READY);
        event(T0 + 11 * MIN, AgentState.NOT_READY, NotReadyReason.BREAK);
        event(T0 + 14 * MIN, AgentState.LOGOUT);
        watermark(T0 + 15 * MIN + LATENESS);
        AgentStateInterval r = rows().get(T0);
        assertThat(r.readySeconds).isEqualTo(360.0);
        assertThat(r.onContactSeconds).isEqualTo(240.0);
        assertThat(r.afterContactWorkSeconds).isEqualTo(60.0);
        assertThat(r.notReadySeconds).isEqualTo(180.0);
        assertThat(r.notReadyBreakSeconds).isEqualTo(180.0);
        assertThat(r.loggedInSeconds).isEqualTo(840.0);
        assertThat(r.occupancy).as("(on contact + ACW) / (on contact + ACW + ready)").isEqualTo(300.0 / 660.0);
        assertThat(r.utilization).as("(on contact + ACW) / logged in").isEqualTo(300.0 / 840.0);
        AgentStateInterval before = rows().get(T0 - 15 * MIN);
        assertThat(before.loginSeconds).isEqualTo(60.0);
        assertThat(before.readySeconds).isEqualTo(240.0);
    }

    @Test
    void afterALogoutStateAndTimersAreClearedOnceNoAcceptedEventCanReachBackBeforeIt() throws Exception {
        event(T0, AgentState.LOGIN);
        event(T0 + MIN, AgentState.READY);
        event(T0 + 20 * MIN, AgentState.LOGOUT);
        assertThat(split.numKeyedStateEntries()).isEqualTo(1);
        watermark(T0 + 30 * MIN + LATENESS);
        assertThat(pieces().stream().mapToLong(p -> p.millis).sum()).isEqualTo(20 * MIN);
        assertThat(split.numKeyedStateEntries()).as("a late event may still come").isEqualTo(1);
        assertThat(split.numEventTimeTimers()).as("the clean-up").isEqualTo(1);
        watermark(T0 + 20 * MIN + HORIZON + 1);
        assertThat(split.numKeyedStateEntries()).isZero();
        assertThat(split.numEventTimeTimers()).isZero();
        // the next shift starts afresh
        event(T0 + 3 * 60 * MIN, AgentState.LOGIN);
        watermark(T0 + 3 * 60 * MIN + 15 * MIN + LATENESS);
        assertThat(pieces()).last().satisfies(p -> assertThat(describe(p)).isEqualTo("180 login 900.0"));
    }

    @Test
    void outOfOrderEventsWithinTheAllowedLatenessAreSortedBeforeAnythingIsEmitted() throws Exception {
        event(T0 + 12 * MIN, AgentState.LOGOUT);
        event(T0 + 4 * MIN, AgentState.ON_CONTACT);
        watermark(T0 + 10 * MIN);
        event(T0, AgentState.READY); // late: behind the watermark, but the interval is not emitted yet
        event(T0 + 9 * MIN, AgentState.AFTER_CONTACT_WORK);
        watermark(T0 + 15 * MIN + LATENESS);
        assertThat(described()).containsExactly("0 ready 240.0", "0 on_contact 300.0", "0 after_contact_work 180.0");
        assertThat(pieces()).allSatisfy(p -> assertThat(p.millis).isPositive());
    }

    @Test
    void aLaterEventCorrectsTimeAlreadyEmittedAndTheFinalRowsAreRestated() throws Exception {
        event(T0, AgentState.READY);
        watermark(T0 + 60 * MIN); // 09:00 and 09:15 emitted and final
        assertThat(rows().values()).extracting(r -> r.readySeconds).containsExactly(900.0, 900.0);
        // a break from 09:10 to 09:25, reported 35 to 50 minutes late
        event(T0 + 10 * MIN, AgentState.NOT_READY, NotReadyReason.BREAK);
        event(T0 + 25 * MIN, AgentState.READY);
        assertThat(pieces().stream().filter(p -> p.millis < 0)).as("retractions of what no longer holds").isNotEmpty();
        watermark(T0 + 62 * MIN);
        Map<Long, AgentStateInterval> rows = rows();
        assertThat(rows.get(T0)).satisfies(r -> {
            assertThat(r.readySeconds).isEqualTo(600.0);
            assertThat(r.notReadyBreakSeconds).isEqualTo(300.0);
            assertThat(r.loggedInSeconds).isEqualTo(900.0);
            assertThat(r.version).isEqualTo(2);
            assertThat(r.restated).isTrue();
        });
        assertThat(rows.get(T0 + 15 * MIN)).satisfies(r -> {
            assertThat(r.readySeconds).isEqualTo(300.0);
            assertThat(r.notReadyBreakSeconds).isEqualTo(600.0);
            assertThat(r.version).isEqualTo(2);
        });
    }

    @Test
    void aWorkingAgentKeepsOneValueAndOneTimerWithOnlyTheLastHourOrSoOfStateChanges() throws Exception {
        AgentState[] cycle = {AgentState.READY, AgentState.ON_CONTACT, AgentState.AFTER_CONTACT_WORK};
        int n = 0;
        for (long at = T0; at < T0 + 8 * 60 * MIN; at += 100_000) {
            event(at, cycle[n++ % 3]); // a state change every 100 s for 8 hours: 288 of them
            watermark(at - 30_000);
        }
        assertThat(split.numKeyedStateEntries()).isEqualTo(1);
        assertThat(split.numEventTimeTimers()).isEqualTo(1);
        org.apache.flink.runtime.state.KeyedStateBackend<Object> backend = split.getOperator().getKeyedStateBackend();
        backend.setCurrentKey(AgentKey.agent(Fixtures.TENANT, "a1"));
        AgentTimeline t = backend.getPartitionedState(org.apache.flink.runtime.state.VoidNamespace.INSTANCE,
                org.apache.flink.runtime.state.VoidNamespaceSerializer.INSTANCE,
                new org.apache.flink.api.common.state.ValueStateDescriptor<>("agent state timeline", AgentTimeline.class)).value();
        // kept: the changes since the ingestion horizon (60.5 min behind the watermark, pruned at each interval's
        // emission) and the one in force then: 37 to 47 of the 288
        assertThat(t.marks.length).isBetween(37, 47);
        assertThat(t.marks[0].at).isGreaterThan(T0 + 8 * 60 * MIN - 80 * MIN);
    }

    @Test
    void anEventOlderThanTheIngestionHorizonIsNotCounted() throws Exception {
        watermark(T0 + 3 * 60 * MIN);
        event(T0, AgentState.READY);
        watermark(Long.MAX_VALUE);
        assertThat(pieces()).isEmpty();
        assertThat(split.numKeyedStateEntries()).isZero();
        assertThat(split.numEventTimeTimers()).isZero();
    }

    @Test
    void anAgentNeverSeenLoggingInCountsFromItsFirstEvent() throws Exception {
        event(T0 + 5 * MIN, AgentState.ON_CONTACT);
        event(T0 + 9 * MIN, AgentState.AFTER_CONTACT_WORK);
        event(T0 + 10 * MIN, AgentState.LOGOUT);
        watermark(T0 + 15 * MIN + LATENESS);
        assertThat(described()).containsExactly("0 on_contact 240.0", "0 after_contact_work 60.0");
    }

    @Test
    void aMissingLogoutIsCutAtTheCapAndThenForgotten() throws Exception {
        event(T0, AgentState.LOGIN);
        event(T0 + MIN, AgentState.READY);
        watermark(Long.MAX_VALUE); // the end of a bounded input
        assertThat(pieces().stream().mapToLong(p -> p.millis).sum()).isEqualTo(CAP + MIN);
        assertThat(pieces().stream().mapToInt(p -> p.capped).sum()).isEqualTo(1);
        assertThat(rows().values().stream().mapToLong(r -> r.cappedStates).sum()).isEqualTo(1);
        assertThat(rows().get(T0 + CAP)).as("the cut falls in 21:00-21:15").satisfies(r -> assertThat(r.cappedStates).isEqualTo(1));
        assertThat(split.numKeyedStateEntries()).isZero();
        assertThat(split.numEventTimeTimers()).isZero();
        assertThat(sum.numKeyedStateEntries()).isZero();
    }

    @Test
    void agentsAreKeptApart() throws Exception {
        event(Fixtures.TENANT, "a1", T0, AgentState.READY, null);
        event(Fixtures.TENANT, "a2", T0 + 5 * MIN, AgentState.READY, null);
        event(Fixtures.EU_TENANT, "a1", T0 + 10 * MIN, AgentState.READY, null);
        assertThat(split.numKeyedStateEntries()).isEqualTo(3);
        watermark(T0 + 15 * MIN + LATENESS);
        assertThat(pieces()).extracting(p -> p.tenantId + "/" + p.agentId + " " + p.millis / 1000)
                .containsExactlyInAnyOrder("cmcc-ah/a1 900", "cmcc-ah/a2 600", "roam-eu/a1 300");
    }

    /** An agent logged in from local midnight to the next: one full row per interval of the local day. */
    private Map<Long, AgentStateInterval> aWholeDay(String tenant, ZoneId zone, String date) throws Exception {
        LocalDate day = LocalDate.parse(date);
        long start = day.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        event(tenant, "night-owl", start, AgentState.READY, null);
        for (long at = start + 6 * 60 * MIN; at < end; at += 6 * 60 * MIN) {
            event(tenant, "night-owl", at, AgentState.NOT_READY, NotReadyReason.MEETING); // keeps the state under the cap
            event(tenant, "night-owl", at + 10 * MIN, AgentState.READY, null);
        }
        event(tenant, "night-owl", end, AgentState.LOGOUT, null);
        watermark(Long.MAX_VALUE);
        assertThat(split.numKeyedStateEntries()).isZero();
        assertThat(split.numEventTimeTimers()).isZero();
        Map<Long, AgentStateInterval> rows = rows();
        assertThat(rows.values()).allSatisfy(r -> {
            assertThat(r.loggedInSeconds).isEqualTo((r.intervalEnd - r.intervalStart) / 1000.0);
            assertThat(Instant.ofEpochMilli(r.intervalStart).atZone(zone).toLocalDate()).hasToString(date);
        });
        assertThat(rows.values().stream().mapToDouble(r -> r.loggedInSeconds).sum()).isEqualTo((end - start) / 1000.0);
        return rows;
    }

    @Test
    void theSpringForwardDayInBerlinHas92Intervals() throws Exception {
        Map<Long, AgentStateInterval> rows = aWholeDay(Fixtures.EU_TENANT, Fixtures.BERLIN, "2026-03-29");
        assertThat(rows).hasSize(92);
        // 01:45 is followed by 03:00 local: consecutive intervals, 15 real minutes apart
        assertThat(rows.values().stream().map(r -> Instant.ofEpochMilli(r.intervalStart).atZone(Fixtures.BERLIN).toLocalTime().toString())
                .collect(Collectors.toList())).contains("01:45", "03:00").doesNotContain("02:00", "02:30");
    }

    @Test
    void theFallBackDayInBerlinHas100IntervalsTheRepeatedHourTwice() throws Exception {
        Map<Long, AgentStateInterval> rows = aWholeDay(Fixtures.EU_TENANT, Fixtures.BERLIN, "2026-10-25");
        assertThat(rows).hasSize(100);
        assertThat(rows.values().stream().filter(r -> Instant.ofEpochMilli(r.intervalStart).atZone(Fixtures.BERLIN).getHour() == 2)).hasSize(8);
    }

    @Test
    void aShanghaiDayHas96IntervalsFromLocalMidnight() throws Exception {
        Map<Long, AgentStateInterval> rows = aWholeDay(Fixtures.TENANT, Fixtures.SHANGHAI, "2026-11-20");
        assertThat(rows).hasSize(96);
        assertThat(rows.keySet()).first().isEqualTo(Instant.parse("2026-11-19T16:00:00Z").toEpochMilli());
    }

    @Test
    void aStateThatSpansTheFallBackHourIsSplitByRealTime() throws Exception {
        // ready from 01:50 CEST to 02:20 CET: 90 real minutes over 01:45, 02:00, 02:15, 02:30, 02:45 (CEST) and 02:00, 02:15 (CET)
        long from = Instant.parse("2026-10-24T23:50:00Z").toEpochMilli();
        long to = Instant.parse("2026-10-25T01:20:00Z").toEpochMilli();
        event(Fixtures.EU_TENANT, "a1", from, AgentState.READY, null);
        event(Fixtures.EU_TENANT, "a1", to, AgentState.LOGOUT, null);
        watermark(Long.MAX_VALUE);
        assertThat(rows().values()).extracting(r -> r.readySeconds / 60).containsExactly(10.0, 15.0, 15.0, 15.0, 15.0, 15.0, 5.0);
    }
}
