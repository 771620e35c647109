package com.callpulse.metrics.topic;

import com.callpulse.config.HotTopicConfig;
import com.callpulse.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The arithmetic of hot topics, minute by minute, without Flink (the shipped settings: 5, 3, 1.5, 5 min, top 5, 4 weeks, 0.02). */
class HotTopicDetectorTest {
    private static final HotTopicConfig CONFIG = new HotTopicConfig(5, 3, 1.5, 5, 5, 4, 0.02);
    private static final long M0 = Fixtures.T0 / 60_000; // 09:00 Shanghai, as an epoch minute

    /** One tenant's topics stepped by hand: counts go in per minute, rows and alerts come out. */
    private static final class Tenant {
        final HotTopicDetector detector = new HotTopicDetector("cmcc-ah", CONFIG, Fixtures.SHANGHAI.getRules());
        final Map<String, TopicState> topics = new HashMap<>();
        final Map<String, SeasonalHistory> history = new HashMap<>();
        final List<HotTopicDetector.Alert> alerts = new ArrayList<>();
        final long start;
        long next;
        HotTopicDetector.Minute last;

        Tenant(long start) {
            this.start = start;
            this.next = start;
        }

        void count(String topic, long minute, int n, String region, String queue) {
            TopicState t = topics.computeIfAbsent(topic, k -> {
                TopicState s = new TopicState(k);
                s.fin.w = detector.initialWeight(next - start);
                return s;
            });
            for (int i = 0; i < n; i++) {
                t.add(new TopicContact("cmcc-ah", topic, minute * 60_000 + 1000, region, queue, false, 1), minute);
            }
        }

        void count(String topic, long minute, int n) {
            count(topic, minute, n, "hefei-shushan", "general");
        }

        /** Steps the next minute; returns its row of {@code topic}. */
        TopicMinute step(String topic) {
            List<TopicState> all = new ArrayList<>(topics.values());
            all.sort((a, b) -> a.topic.compareTo(b.topic));
            last = detector.step(false, next++, start, all, history, true);
            alerts.addAll(last.alerts);
            return row(topic);
        }

        TopicMinute row(String topic) {
            return last.rows.stream().filter(r -> r.topic.equals(topic)).findFirst().orElseThrow();
        }

        /** Steps through minute {@code last}, with {@code perMinute} contacts of {@code topic} in each; returns the last row. */
        TopicMinute run(String topic, long last, int perMinute) {
            TopicMinute r = null;
            while (next <= last) {
                if (perMinute > 0) {
                    count(topic, next, perMinute);
                }
                r = step(topic);
            }
            return r;
        }
    }

    @Test
    void aSteadyRateIsItsOwnBaselineAndRaisesNothing() {
        Tenant t = new Tenant(M0);
        TopicMinute r = t.run("bill_query", M0 + 119, 2);
        assertThat(r.baseline).isEqualTo(Baseline.EWMA);
        assertThat(r.baselineRate).as("bias-corrected EWMA of a constant").isCloseTo(2.0, within(1e-9));
        assertThat(r.trafficFactor15).as("no other topic: nothing to adjust by").isEqualTo(1.0);
        assertThat(r.expected15).isCloseTo(30.0, within(1e-9));
        assertThat(r.observed15).isEqualTo(30);
        assertThat(r.z15).isCloseTo(0.0, within(1e-9));
        assertThat(r.growth15).isCloseTo(1.0, within(1e-9));
        assertThat(t.alerts).isEmpty();
    }

    @Test
    void noZScoreInTheTenantsFirstHour() {
        Tenant t = new Tenant(M0);
        TopicMinute r = t.run("bill_query", M0 + 59, 2);
        assertThat(r.expected15).isGreaterThan(5);
        assertThat(r.z15).as("minute 59: the baseline has not seen an hour yet").isNull();
        assertThat(t.run("bill_query", M0 + 60, 2).z15).isNotNull();
    }

    @Test
    void aSurgeStartsAtSurgeZStaysBetweenTheThresholdsAndClearsAfterClearMinutesBelow() {
        Tenant t = new Tenant(M0);
        t.run("bill_query", M0 + 119, 2); // baseline 2 per minute: 30 expected in 15 minutes, sqrt 5.48
        t.count("bill_query", M0 + 120, 20);
        TopicMinute start = t.step("bill_query");
        assertThat(start.observed15).isEqualTo(48);
        assertThat(start.z15).as("(48 - 30) / sqrt(30)").isCloseTo(18 / Math.sqrt(30), within(1e-9)).isGreaterThanOrEqualTo(3);
        assertThat(start.alert).isEqualTo(AlertKind.SURGE);
        assertThat(t.alerts).singleElement().satisfies(a -> {
            assertThat(a.started).isTrue();
            assertThat(a.alert.alertId).isEqualTo("cmcc-ah:bill_query:surge:2026-11-20T03:00Z");
            assertThat(a.alert.startedAt).isEqualTo((M0 + 120) * 60_000);
        });
        // 1 per minute for six minutes: z falls to 2.19, between clear_z and surge_z: the alert stays
        for (long m = M0 + 121; m <= M0 + 126; m++) {
            t.count("bill_query", m, 1);
            TopicMinute r = t.step("bill_query");
            assertThat(r.alert).isEqualTo(AlertKind.SURGE);
            assertThat(r.baselineRate).as("the baseline does not learn from a surge").isCloseTo(2.0, within(1e-9));
        }
        TopicMinute between = t.run("bill_query", M0 + 134, 2);
        assertThat(between.observed15).isEqualTo(42);
        assertThat(between.z15).isCloseTo(12 / Math.sqrt(30), within(1e-9)).isBetween(1.5, 3.0);
        assertThat(between.alert).isEqualTo(AlertKind.SURGE);
        // the spike leaves the window: z -1.1; four calm minutes are not enough
        TopicMinute fourth = t.run("bill_query", M0 + 138, 2);
        assertThat(fourth.z15).isLessThan(1.5);
        assertThat(fourth.alert).isEqualTo(AlertKind.SURGE);
        assertThat(t.alerts).hasSize(1);
        TopicMinute fifth = t.run("bill_query", M0 + 139, 2);
        assertThat(fifth.alert).isNull();
        assertThat(t.alerts).hasSize(2);
        TopicAlert a = t.alerts.get(1).alert;
        assertThat(t.alerts.get(1).started).isFalse();
        assertThat(a.endedAt).as("the first of the five calm minutes").isEqualTo((M0 + 135) * 60_000);
        assertThat(a.clearedAt).as("the end of the fifth").isEqualTo((M0 + 140) * 60_000);
        assertThat(a.durationMinutes).isEqualTo(15);
        assertThat(a.observedTotal).as("minutes 120..134").isEqualTo(20 + 6 + 8 * 2);
        assertThat(a.expectedTotal).isCloseTo(15 * 2.0, within(1e-9));
        assertThat(a.peakZ15).isEqualTo(start.z15);
        assertThat(a.peakAt).isEqualTo(a.startedAt);
        assertThat(fifth.baselineRate).as("learning again from the clearing minute's turn").isCloseTo(2.0, within(1e-9));
    }

    @Test
    void aCalmStreakBrokenBeforeClearMinutesStartsAgain() {
        Tenant t = new Tenant(M0);
        t.run("bill_query", M0 + 119, 2);
        t.count("bill_query", M0 + 120, 20);
        t.step("bill_query");
        t.run("bill_query", M0 + 138, 2); // 135..138 calm
        t.count("bill_query", M0 + 139, 14); // z back to (44 - 30) / 5.48 = 2.56: not calm
        assertThat(t.step("bill_query").alert).isEqualTo(AlertKind.SURGE);
        assertThat(t.run("bill_query", M0 + 152, 2).alert).as("the 14 are in the window until 153").isEqualTo(AlertKind.SURGE);
        TopicMinute cleared = t.run("bill_query", M0 + 158, 2);
        assertThat(cleared.alert).isNull();
        TopicAlert a = t.alerts.get(1).alert;
        assertThat(a.endedAt).isEqualTo((M0 + 154) * 60_000);
        assertThat(a.observedTotal).as("the four calm minutes in the middle belong to the alert").isEqualTo(20 + 18 * 2 + 14 + 14 * 2);
    }

    @Test
    void aTopicThatFallsSilentDrops() {
        Tenant t = new Tenant(M0);
        t.run("bill_query", M0 + 119, 3);
        TopicMinute r = null;
        long m = M0 + 120;
        while (t.alerts.isEmpty()) {
            r = t.step("bill_query");
            m++;
        }
        assertThat(r.alert).isEqualTo(AlertKind.DROP);
        assertThat(r.z15).isLessThanOrEqualTo(-3);
        assertThat(m - (M0 + 120)).as("minutes of silence before the drop").isEqualTo(8);
        HotTopicDetector.Alert a = t.alerts.get(0);
        assertThat(a.alert.kind).isEqualTo(AlertKind.DROP);
        assertThat(a.alert.suggestion).isEqualTo(Suggestion.CHECK_ROUTING);
        assertThat(a.drivers).extracting(d -> d.dimension + ":" + d.value).containsExactly("REGION:hefei-shushan", "QUEUE:general");
        assertThat(a.drivers).allSatisfy(d -> assertThat(d.share).isEqualTo(1.0));
        // a drop teaches the baseline: the silent topic stops being expected, and the alert ends on its own
        while (t.alerts.size() < 2) {
            r = t.step("bill_query");
        }
        assertThat(r.alert).isNull();
        assertThat(r.z15).as("cleared once the guard no longer trusts z").isNull();
    }

    @Test
    void belowMinExpectedNoZScoreAndNoAlertWhateverTheRatio() {
        Tenant t = new Tenant(M0);
        for (long m = M0; m <= M0 + 119; m++) {
            if (m % 5 == 0) {
                t.count("suggestion", m, 1);
            }
            t.step("suggestion");
        }
        t.count("suggestion", M0 + 120, 12);
        TopicMinute r = t.step("suggestion");
        assertThat(r.expected15).isLessThan(5);
        assertThat(r.growth15).isGreaterThan(4);
        assertThat(r.z15).isNull();
        assertThat(r.growthRank).as("only trusted topics are ranked").isNull();
        assertThat(t.alerts).isEmpty();
    }

    @Test
    void theIntradayCurveMovesAllTopicsAndIsNoSurgeButOneTopicOutgrowingTheRestIs() {
        Tenant t = new Tenant(M0);
        for (long m = M0; m <= M0 + 119; m++) {
            t.count("bill_query", m, 2);
            t.count("balance", m, 2);
            t.count("broadband_outage", m, 1);
            t.step("bill_query");
        }
        TopicMinute ramp = null;
        for (long m = M0 + 120; m <= M0 + 125; m++) { // everything quadruples: the morning ramp
            t.count("bill_query", m, 8);
            t.count("balance", m, 8);
            t.count("broadband_outage", m, 4);
            ramp = t.step("bill_query");
        }
        assertThat(ramp.observed15).isEqualTo(9 * 2 + 6 * 8);
        assertThat((ramp.observed15 - ramp.baselineRate * 15) / Math.sqrt(ramp.baselineRate * 15)).as("a plain EWMA would flag it").isGreaterThan(3);
        assertThat(ramp.trafficFactor15).isGreaterThan(1.6);
        assertThat(ramp.z15).isLessThan(1);
        assertThat(t.alerts).isEmpty();
        for (long m = M0 + 126; m <= M0 + 127; m++) { // only broadband_outage goes on climbing
            t.count("bill_query", m, 8);
            t.count("balance", m, 8);
            t.count("broadband_outage", m, 15, "hefei-shushan", "broadband_tech");
            t.step("bill_query");
        }
        assertThat(t.alerts).singleElement().satisfies(a -> {
            assertThat(a.alert.topic).isEqualTo("broadband_outage");
            assertThat(a.alert.kind).isEqualTo(AlertKind.SURGE);
            assertThat(a.alert.growthRank).isEqualTo(1);
            assertThat(a.alert.suggestion).as("the IVR served none of them").isEqualTo(Suggestion.NO_SELF_SERVICE_PATH);
            assertThat(a.drivers).filteredOn(d -> d.dimension == DriverDimension.QUEUE).first().satisfies(d -> {
                assertThat(d.value).isEqualTo("broadband_tech");
                assertThat(d.rank).isEqualTo(1);
                assertThat(d.observed15).isEqualTo(30);
                assertThat(d.expected15).as("only its first minute (126) taught its share").isLessThan(0.25 * 30);
            });
        });
        // from the next minute on, the surging topic no longer counts in the others' traffic factor
        t.count("bill_query", M0 + 128, 8);
        t.count("balance", M0 + 128, 8);
        t.count("broadband_outage", M0 + 128, 15);
        TopicMinute bill = t.step("bill_query");
        TopicMinute balance = t.row("balance");
        double balanceBaseline = balance.expected15 / balance.trafficFactor15;
        assertThat(bill.trafficFactor15).isCloseTo((balance.observed15 + 5) / (balanceBaseline + 5), within(1e-9));
    }

    @Test
    void aFrozenBaselineStillFollowsTheDaysCurveSoASurgeOnTheRampEnds() {
        Tenant t = new Tenant(M0);
        for (long m = M0; m <= M0 + 200; m++) {
            int perMinute = m <= M0 + 120 ? 2 : 4; // from minute 121 on, every topic doubles
            t.count("bill_query", m, m == M0 + 120 ? 20 : perMinute);
            t.count("balance", m, perMinute);
            t.count("data_usage", m, perMinute);
            t.step("bill_query");
        }
        assertThat(t.alerts).extracting(a -> a.alert.topic + ":" + a.alert.kind + ":" + a.started).containsExactly("bill_query:SURGE:true", "bill_query:SURGE:false");
        TopicAlert a = t.alerts.get(1).alert;
        assertThat(a.clearedAt).as("the spike has left the window by minute 135").isLessThanOrEqualTo((M0 + 145) * 60_000);
        TopicMinute last = t.row("bill_query");
        assertThat(last.baselineRate).as("it followed the others from 2 towards 4").isGreaterThan(3.0).isCloseTo(t.row("balance").baselineRate, within(0.05));
    }

    @Test
    void topicsGrowingFastestAreRankedTopK() {
        Tenant t = new Tenant(M0);
        String[] topics = {"a", "b", "c", "d", "e", "f", "g"};
        for (long m = M0; m <= M0 + 120; m++) {
            t.count("bill_query", m, 20); // a large steady topic: the traffic factor stays near 1
            for (int i = 0; i < topics.length; i++) {
                t.count(topics[i], m, m == M0 + 120 ? 2 + i : 2); // at minute 120, g grows most, a not at all
            }
            t.step("a");
        }
        Map<String, Integer> ranks = new HashMap<>();
        t.last.rows.forEach(r -> ranks.put(r.topic, r.growthRank));
        assertThat(ranks).containsEntry("g", 1).containsEntry("f", 2).containsEntry("e", 3).containsEntry("d", 4).containsEntry("c", 5)
                .containsEntry("b", null).containsEntry("a", null).containsEntry("bill_query", null);
    }

    @Test
    void withHistoryTheBaselineIsTheMedianOfTheSameWeekdayAndSlotOfPastWeeks() {
        SeasonalHistory h = new SeasonalHistory(4);
        long day = 20_412; // 2025-11-20, a Thursday
        for (int i = 0; i < 15; i++) {
            h.record(day - 7, 40, i < 5 ? 6 : 3); // 10:00-10:15 a week ago: 60 contacts in 15 minutes, 4 a minute
            h.record(day - 14, 40, 2);            // two weeks ago: 2 a minute
        }
        h.record(day - 21, 41, 100); // another slot
        h.record(day - 1, 40, 100);  // another weekday
        assertThat(h.rate(day, 40, 4)).as("two weeks: their mean").isEqualTo(3.0);
        assertThat(h.rate(day, 40, 1)).as("only the weeks asked for").isEqualTo(4.0);
        assertThat(h.rate(day, 42, 4)).as("no history for the slot").isNull();
        for (int i = 0; i < 10; i++) {
            h.record(day - 28, 40, 30); // an outage four weeks ago, in 10 of the slot's minutes
        }
        assertThat(h.rate(day, 40, 4)).as("three weeks: the median, the outage does not move it").isEqualTo(4.0);
        h.record(day + 7 * 4 + 1 - 7, 40, 50); // the ring reuses the row of day - 7 for day + 22
        assertThat(h.rate(day, 40, 4)).isEqualTo((2.0 + 30.0) / 2);
    }

    @Test
    void theRepeatedAutumnHourSharesItsSlotsSoTheRateStaysPerMinute() {
        SeasonalHistory h = new SeasonalHistory(1);
        for (int i = 0; i < 30; i++) {
            h.record(100, 8, 2); // 02:00-02:15 twice on a fall-back night: 30 minutes
        }
        assertThat(h.rate(107, 8, 1)).isEqualTo(2.0);
    }
}
