package com.callpulse.metrics.topic;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.live.LiveMessage;
import com.callpulse.testing.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link HotTopicFunction} in an operator harness: alerts live within seconds of the minute, the lake's rows when
 * final, hysteresis, drops, the min-volume guard, the seasonal baseline, and state and timers gone in the end.
 */
class HotTopicFunctionTest {
    private static final long MIN = 60_000;
    private static final long Q = ContactTopics.QUEUE_SETTLE_MILLIS;
    private static final long LATENESS = 30_000 + 3_600_000; // Fixtures: 30 s bound + 1 h allowed lateness
    private final ObjectMapper json = new ObjectMapper();
    private KeyedOneInputStreamOperatorTestHarness<String, TopicContact, TopicMinute> h;

    @BeforeEach
    void open() throws Exception {
        CallPulseConfig config = Fixtures.config();
        h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new HotTopicFunction(config, LATENESS), c -> c.tenantId, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private void contacts(String topic, long minute, int n, String region) throws Exception {
        for (int i = 0; i < n; i++) {
            long at = T0 + minute * MIN + i * (MIN / Math.max(n, 1));
            h.processElement(new StreamRecord<>(new TopicContact(Fixtures.TENANT, topic, at, region, "broadband_tech", i % 4 == 0, 1), at));
        }
    }

    /** {@code perMinute} contacts in each of minutes [from, to] (relative to T0). */
    private void steady(String topic, long from, long to, int perMinute) throws Exception {
        for (long m = from; m <= to; m++) {
            contacts(topic, m, perMinute, "hefei-baohe");
        }
    }

    private void watermark(long millis) throws Exception {
        h.processWatermark(new Watermark(millis));
    }

    private List<JsonNode> live() {
        return h.getSideOutput(HotTopicFunction.LIVE) == null ? List.of()
                : h.getSideOutput(HotTopicFunction.LIVE).stream().map(r -> parse(((StreamRecord<LiveMessage>) r).getValue().json)).collect(Collectors.toList());
    }

    private JsonNode parse(String s) {
        try {
            return json.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<TopicAlert> alerts() {
        return h.getSideOutput(HotTopicFunction.ALERTS) == null ? List.of()
                : h.getSideOutput(HotTopicFunction.ALERTS).stream().map(r -> ((StreamRecord<TopicAlert>) r).getValue()).collect(Collectors.toList());
    }

    private List<TopicAlertDriver> drivers() {
        return h.getSideOutput(HotTopicFunction.DRIVERS) == null ? List.of()
                : h.getSideOutput(HotTopicFunction.DRIVERS).stream().map(r -> ((StreamRecord<TopicAlertDriver>) r).getValue()).collect(Collectors.toList());
    }

    private TopicMinute row(long minute, String topic) {
        return h.extractOutputValues().stream().filter(r -> r.minuteStart == T0 + minute * MIN && r.topic.equals(topic)).findFirst().orElse(null);
    }

    @Test
    void everyStateClassIsAFlinkPojo() {
        for (Class<?> c : List.of(TopicContact.class, ContactTopics.class, TenantClock.class, TopicState.class, ChainState.class, SeasonalHistory.class,
                TopicMinute.class, TopicAlert.class, TopicAlertDriver.class)) {
            PojoTestUtils.assertSerializedAsPojoWithoutKryo(c);
        }
    }

    @Test
    void everyLakeColumnIsDocumented() {
        for (Class<?> c : List.of(TopicMinute.class, TopicAlert.class, TopicAlertDriver.class)) {
            assertThat(com.callpulse.schema.RecordSchema.of(c).lakeColumns()).as(c.getSimpleName()).isNotEmpty()
                    .allSatisfy(col -> assertThat(col.doc()).as(col.name()).isNotBlank());
        }
    }

    @Test
    void aSurgeGoesLiveSecondsAfterItsMinuteAndToTheLakeWhenFinal() throws Exception {
        steady("bill_query", 0, 120, 2);
        steady("bill_query", 121, 126, 1); // after the spike, z between clear_z and surge_z: the alert stays
        steady("bill_query", 127, 200, 2);
        steady("balance", 0, 200, 2);
        contacts("bill_query", 120, 20, "hefei-shushan"); // 22 in minute 120: z about (50 - 30) / 5.5 = 3.7
        watermark(T0 + 121 * MIN + Q - 1);
        assertThat(live()).isEmpty();
        watermark(T0 + 121 * MIN + Q);
        assertThat(live()).singleElement().satisfies(j -> {
            assertThat(j.get("type").asText()).isEqualTo("topic_surge");
            assertThat(j.get("state").asText()).isEqualTo("raised");
            assertThat(j.get("version").asInt()).isEqualTo(1);
            assertThat(j.get("occurred_at").asText()).as("the end of the minute that raised it").isEqualTo("2026-11-20T11:01:00.000+08:00");
            assertThat(j.get("alert_id").asText()).isEqualTo("cmcc-ah:bill_query:surge:2026-11-20T03:00Z");
            assertThat(j.get("started_at").asText()).isEqualTo("2026-11-20T11:00:00.000+08:00");
            assertThat(j.get("observed").asLong()).isEqualTo(50);
            assertThat(j.get("z").asDouble()).isGreaterThan(3);
            assertThat(j.get("regions").get(0).get("region").asText()).isEqualTo("hefei-shushan");
            assertThat(j.get("regions").get(0).get("share").asDouble()).isGreaterThan(0.99);
            assertThat(j.get("queues").get(0).get("queue").asText()).isEqualTo("broadband_tech");
            assertThat(j.get("ivr_self_service_share").asDouble()).as("every fourth contact of each minute").isGreaterThan(0.05);
            assertThat(j.get("suggestion").asText()).isEqualTo("divert_to_ivr");
            assertThat(j.get("advice").asText()).contains("bill_query is surging").contains("hefei-shushan");
        });
        assertThat(row(120, "bill_query")).as("the lake waits until no event can change the minute").isNull();
        assertThat(row(59, "bill_query")).as("an hour and a bit earlier: final").isNotNull();
        assertThat(drivers()).isEmpty();

        watermark(T0 + 121 * MIN + Q + LATENESS);
        assertThat(row(120, "bill_query")).satisfies(r -> {
            assertThat(r.contacts).isEqualTo(22);
            assertThat(r.alert).isEqualTo(AlertKind.SURGE);
            assertThat(r.alertId).isEqualTo("cmcc-ah:bill_query:surge:2026-11-20T03:00Z");
            assertThat(r.growthRank).isEqualTo(1);
        });
        assertThat(row(119, "bill_query").alert).isNull();
        assertThat(drivers()).filteredOn(d -> d.rank == 1).extracting(d -> d.dimension + ":" + d.value)
                .containsExactly("REGION:hefei-shushan", "QUEUE:broadband_tech");
        assertThat(alerts()).as("written when it has ended").isEmpty();

        // the spike leaves the window at minute 135; five calm minutes later the alert has ended (live: already, the
        // watermark above closed the live chain's minutes up to an hour later)
        watermark(T0 + 140 * MIN + Q);
        assertThat(live()).hasSize(2);
        assertThat(live().get(1).get("state").asText()).isEqualTo("cleared");
        assertThat(live().get(1).get("ended_at").asText()).isEqualTo("2026-11-20T11:15:00.000+08:00");
        watermark(T0 + 140 * MIN + Q + LATENESS);
        for (long m = 121; m <= 138; m++) {
            assertThat(row(m, "bill_query").alert).as("minute %d", m).isEqualTo(AlertKind.SURGE);
        }
        assertThat(row(134, "bill_query").z15).as("between the thresholds").isBetween(1.5, 3.0);
        assertThat(row(135, "bill_query").z15).as("calm from here").isLessThan(1.5);
        assertThat(row(139, "bill_query").alert).isNull();
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind).isEqualTo(AlertKind.SURGE);
            assertThat(a.startedAt).isEqualTo(T0 + 120 * MIN);
            assertThat(a.endedAt).isEqualTo(T0 + 135 * MIN);
            assertThat(a.clearedAt).isEqualTo(T0 + 140 * MIN);
            assertThat(a.observedTotal).isEqualTo(22 + 6 * 1 + 8 * 2);
            assertThat(a.observed15).isEqualTo(50);
        });
    }

    @Test
    void rowsAreWrittenForMinutesWithAContactInTheLastHour() throws Exception {
        contacts("broadband_outage", 0, 1, "hefei-shushan");
        contacts("bill_query", 10, 1, "hefei-shushan");
        watermark(T0 + 200 * MIN + Q + LATENESS);
        List<TopicMinute> rows = h.extractOutputValues();
        assertThat(rows.stream().filter(r -> r.topic.equals("broadband_outage"))).hasSize(60);
        assertThat(rows.stream().filter(r -> r.topic.equals("bill_query"))).hasSize(60);
        assertThat(row(10, "bill_query").observed60).isEqualTo(1);
        assertThat(row(69, "bill_query").observed60).isEqualTo(1);
        assertThat(row(70, "bill_query")).isNull();
    }

    @Test
    void aCountReachingAFinalMinuteIsNotAddedToIt() throws Exception {
        steady("bill_query", 0, 5, 1);
        watermark(T0 + 3 * MIN + Q + LATENESS);
        contacts("bill_query", 1, 5, "hefei-shushan"); // impossible within the lateness: counted, logged, not added
        watermark(T0 + 10 * MIN + Q + LATENESS);
        assertThat(row(1, "bill_query").contacts).isEqualTo(1);
        assertThat(row(5, "bill_query").observed15).isEqualTo(6);
    }

    @Test
    void aDropIsRaisedWhenATopicFallsSilentAndEndsWhenItComesBack() throws Exception {
        steady("bill_query", 0, 119, 3);
        steady("bill_query", 140, 200, 3);
        watermark(T0 + 200 * MIN + Q + LATENESS);
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind).isEqualTo(AlertKind.DROP);
            assertThat(a.startedAt).isEqualTo(T0 + 127 * MIN);
            assertThat(a.z15).isLessThanOrEqualTo(-3);
            assertThat(a.suggestion).isEqualTo(Suggestion.CHECK_ROUTING);
            assertThat(a.endedAt).isGreaterThan(T0 + 140 * MIN);
        });
        assertThat(live()).extracting(j -> j.get("type").asText() + "/" + j.get("state").asText()).startsWith("topic_drop/raised", "topic_drop/cleared");
    }

    @Test
    void belowTheMinimumVolumeNothingIsAlertedWhateverTheRatio() throws Exception {
        for (long m = 0; m < 180; m += 5) {
            contacts("suggestion", m, 1, "hefei-shushan");
        }
        contacts("suggestion", 180, 6, "hefei-shushan");
        watermark(T0 + 300 * MIN + Q + LATENESS);
        TopicMinute r = row(180, "suggestion");
        assertThat(r.growth15).isGreaterThan(2.5);
        assertThat(r.expected15).isLessThan(5);
        assertThat(r.z15).isNull();
        assertThat(alerts()).isEmpty();
        assertThat(live()).isEmpty();
    }

    @Test
    void withAWeekOfHistoryTheSameWeekdayAndSlotIsTheBaseline() throws Exception {
        long week = 7 * 24 * 60;
        for (long base : new long[] {0, week}) {
            steady("bill_query", base, base + 59, 1);       // 09:00-10:00: 1 a minute
            steady("bill_query", base + 60, base + 74, 4);  // 10:00-10:15: 4 a minute, every week
            steady("bill_query", base + 75, base + 120, 1);
        }
        watermark(T0 + (week + 200) * MIN + Q + LATENESS);
        TopicMinute lastWeek = row(70, "bill_query");
        assertThat(lastWeek.baseline).isEqualTo(Baseline.EWMA);
        assertThat(lastWeek.alert).as("the first week had only the EWMA: 10:00 was a surge").isEqualTo(AlertKind.SURGE);
        TopicMinute thisWeek = row(week + 70, "bill_query");
        assertThat(thisWeek.baseline).isEqualTo(Baseline.SEASONAL);
        assertThat(thisWeek.baselineRate).isEqualTo(4.0);
        assertThat(thisWeek.expected15).as("4 minutes at 1, 11 at 4").isCloseTo(48.0, within(1e-9));
        assertThat(thisWeek.z15).isCloseTo(0.0, within(1e-9));
        assertThat(row(week + 30, "bill_query").baselineRate).isEqualTo(1.0);
        assertThat(alerts()).isNotEmpty().allSatisfy(a -> assertThat(a.startedAt).as("no surge this week").isLessThan(T0 + week * MIN));
    }

    @Test
    void stateAndTimersAreGoneOnceNoTopicHadAContactForTheBaselineWeeks() throws Exception {
        steady("bill_query", 0, 130, 2);
        contacts("bill_query", 131, 30, "hefei-shushan");
        watermark(T0 + 200 * MIN + Q + LATENESS);
        assertThat(h.numKeyedStateEntries()).isPositive();
        assertThat(h.numEventTimeTimers()).isPositive();
        watermark(T0 + (131 + (7 * 4 + 1) * 24 * 60 + 1) * MIN + Q + LATENESS);
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
    }
}
