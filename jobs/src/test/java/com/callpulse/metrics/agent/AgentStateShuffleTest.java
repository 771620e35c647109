package com.callpulse.metrics.agent;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.metrics.IntervalAggregator;
import com.callpulse.model.AgentState;
import com.callpulse.model.AgentStateEvent;
import com.callpulse.model.NotReadyReason;
import com.callpulse.testing.Fixtures;
import com.callpulse.time.Intervals;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the delivery order, the rows end up as the definition says: random agent days (ties, missing logouts,
 * sessions without login) delivered out of order and up to 55 minutes late, through the splitter and the interval
 * aggregator, give at their latest version exactly the time computed from the sorted events in one pass, and every
 * interval's history is version 1 then restatements without gaps.
 */
class AgentStateShuffleTest {
    private static final long MIN = 60_000;
    private static final long CAP = 3 * 60 * MIN; // short, so random gaps reach it
    private static final AgentState[] WORK = {AgentState.READY, AgentState.ON_CONTACT, AgentState.AFTER_CONTACT_WORK, AgentState.NOT_READY};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void lateAndShuffledDeliveryGivesTheSameRowsAsTheSortedEvents(long seed) throws Exception {
        CallPulseConfig config = Fixtures.config();
        SplittableRandom r = new SplittableRandom(seed);
        List<AgentStateEvent> events = new ArrayList<>();
        for (String agent : new String[] {"a1", "a2", "a3"}) {
            day(agent, r, events);
        }
        // delivery: 30 % of the events up to 55 minutes late (the ingestion horizon is 60.5 minutes)
        List<long[]> order = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            long delay = r.nextDouble() < 0.3 ? r.nextLong(55 * MIN) : 0;
            order.add(new long[] {events.get(i).occurredAt + delay, i});
        }
        order.sort(Comparator.<long[]>comparingLong(o -> o[0]).thenComparingLong(o -> o[1]));

        AgentStateIntervals metric = new AgentStateIntervals();
        try (KeyedOneInputStreamOperatorTestHarness<String, AgentStateEvent, AgentStatePiece> split = ProcessFunctionTestHarnesses
                .forKeyedProcessFunction(new AgentStateSplitter(config, CAP), AgentStateSplitter::key, Types.STRING);
             KeyedOneInputStreamOperatorTestHarness<String, AgentStatePiece, AgentStateInterval> sum = ProcessFunctionTestHarnesses
                .forKeyedProcessFunction(new IntervalAggregator<>(metric, config), metric::key, Types.STRING)) {
            int handedOn = 0;
            long newest = Long.MIN_VALUE;
            for (long[] o : order) {
                AgentStateEvent e = events.get((int) o[1]);
                split.processElement(new StreamRecord<>(e, e.occurredAt));
                newest = Math.max(newest, o[0]);
                handedOn = pipe(split, sum, handedOn, newest - 30_000);
            }
            pipe(split, sum, handedOn, Long.MAX_VALUE);

            assertThat(split.numKeyedStateEntries()).isZero();
            assertThat(split.numEventTimeTimers()).isZero();
            // the run did what it is meant to prove: late corrections, restatements and cuts happened
            assertThat(split.extractOutputValues()).anyMatch(p -> p.millis < 0).anyMatch(p -> p.capped > 0);
            assertThat(sum.extractOutputValues()).anyMatch(row -> row.version > 1);
            Map<String, double[]> expected = definition(events, new Intervals(Fixtures.SHANGHAI, 15));
            Map<String, double[]> actual = new TreeMap<>();
            Map<String, Integer> versions = new TreeMap<>();
            for (AgentStateInterval row : sum.extractOutputValues()) {
                String key = key(row.agentId, row.intervalStart, row.teamId);
                assertThat(row.version).as(key + " versions without gaps").isEqualTo(versions.getOrDefault(key, 0) + 1);
                versions.put(key, row.version);
                double[] v = {row.loggedInSeconds, row.readySeconds, row.onContactSeconds, row.afterContactWorkSeconds, row.notReadySeconds,
                    row.notReadyBreakSeconds, row.notReadyTrainingSeconds, row.loginSeconds, row.cappedStates};
                if (java.util.Arrays.stream(v).allMatch(x -> x == 0)) {
                    actual.remove(key); // a row a late logout emptied: nothing holds there
                } else {
                    actual.put(key, v);
                }
            }
            assertThat(actual).hasSameSizeAs(expected);
            expected.forEach((k, v) -> assertThat(actual.get(k)).as(k).containsExactly(v));
        }
    }

    private static int pipe(KeyedOneInputStreamOperatorTestHarness<String, AgentStateEvent, AgentStatePiece> split,
            KeyedOneInputStreamOperatorTestHarness<String, AgentStatePiece, AgentStateInterval> sum, int handedOn, long watermark) throws Exception {
        split.processWatermark(new Watermark(watermark));
        List<AgentStatePiece> out = split.extractOutputValues();
        for (AgentStatePiece p : out.subList(handedOn, out.size())) {
            sum.processElement(new StreamRecord<>(p, p.intervalStart));
        }
        sum.processWatermark(new Watermark(watermark));
        return out.size();
    }

    /** A random working day: logins, contacts, breaks, same-instant changes, gaps past the cap, lost logouts. */
    private static void day(String agent, SplittableRandom r, List<AgentStateEvent> out) {
        long at = T0 + r.nextLong(60 * MIN);
        for (int session = 0; session < 3; session++) {
            if (r.nextDouble() < 0.8) {
                out.add(event(agent, at, AgentState.LOGIN, null, r));
            }
            int changes = 10 + r.nextInt(60);
            for (int i = 0; i < changes; i++) {
                double gap = r.nextDouble();
                at += gap < 0.1 ? 0 : gap < 0.97 ? r.nextLong(1, 40 * MIN) : CAP + r.nextLong(1, 60 * MIN);
                AgentState s = WORK[r.nextInt(WORK.length)];
                out.add(event(agent, at, s, s == AgentState.NOT_READY ? (r.nextBoolean() ? NotReadyReason.BREAK : NotReadyReason.TRAINING) : null, r));
            }
            at += r.nextLong(1, 30 * MIN);
            if (r.nextDouble() < 0.8) {
                out.add(event(agent, at, AgentState.LOGOUT, null, r));
            }
            at += r.nextLong(1, 5 * 60 * MIN);
        }
    }

    private static AgentStateEvent event(String agent, long at, AgentState state, NotReadyReason reason, SplittableRandom r) {
        AgentStateEvent e = Fixtures.agentState(Long.toHexString(r.nextLong()), at, agent, state);
        e.reason = reason;
        if (r.nextDouble() < 0.02) {
            e.teamId = "team-2"; // an occasional move
        }
        return e;
    }

    /** In one pass over each agent's sorted events: each state until the next event, at most the cap, split at interval bounds. */
    private static Map<String, double[]> definition(List<AgentStateEvent> events, Intervals iv) {
        Map<String, long[]> ms = new TreeMap<>();
        for (String agent : events.stream().map(e -> e.agentId).distinct().toList()) {
            List<StateMark> own = events.stream().filter(e -> e.agentId.equals(agent)).map(StateMark::of).sorted(StateMark.ORDER).toList();
            for (int i = 0; i < own.size(); i++) {
                StateMark m = own.get(i);
                if (m.state == AgentState.LOGOUT) {
                    continue;
                }
                long next = i + 1 < own.size() ? own.get(i + 1).at : Long.MAX_VALUE;
                long end = Math.min(next, m.at + CAP);
                for (long a = m.at; a < end; ) {
                    long start = iv.start(a);
                    long b = Math.min(iv.end(start), end);
                    long[] v = ms.computeIfAbsent(key(agent, start, m.teamId), k -> new long[9]);
                    v[0] += b - a;
                    int column = switch (m.state) {
                        case READY -> 1;
                        case ON_CONTACT -> 2;
                        case AFTER_CONTACT_WORK -> 3;
                        case NOT_READY -> 4;
                        default -> 7;
                    };
                    v[column] += b - a;
                    if (m.reason == NotReadyReason.BREAK) {
                        v[5] += b - a;
                    } else if (m.reason == NotReadyReason.TRAINING) {
                        v[6] += b - a;
                    }
                    a = b;
                }
                if (next > m.at + CAP) {
                    ms.computeIfAbsent(key(agent, iv.start(m.at + CAP), m.teamId), k -> new long[9])[8]++;
                }
            }
        }
        Map<String, double[]> out = new TreeMap<>();
        ms.forEach((k, v) -> {
            double[] seconds = new double[9];
            for (int i = 0; i < 8; i++) {
                seconds[i] = v[i] / 1000.0;
            }
            seconds[8] = v[8];
            out.put(k, seconds);
        });
        return out;
    }

    private static String key(String agent, long intervalStart, String team) {
        return agent + " " + (intervalStart - T0) / MIN + " " + team;
    }
}
