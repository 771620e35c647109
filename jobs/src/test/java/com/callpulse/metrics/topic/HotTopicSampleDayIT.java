package com.callpulse.metrics.topic;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.LakeConfig;
import com.callpulse.live.LiveMessage;
import com.callpulse.live.CollectingLiveSink;
import com.callpulse.live.LiveTopic;
import com.callpulse.pipeline.CallPulsePipeline;
import com.callpulse.pipeline.FileIngestSource;
import com.callpulse.pipeline.IngestSource;
import com.callpulse.testing.IngestJobs;
import com.callpulse.testing.Lake;
import com.callpulse.testing.MiniClusters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed sample day through the whole job: the scripted broadband outage (hefei-shushan, 14:00 to 16:00) is
 * found, live and in the lake, explained by its district; the ordinary hours raise only a few short alerts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotTopicSampleDayIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = MiniClusters.withParallelism2();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String OUTAGE = "broadband_outage";

    @TempDir
    static Path tmp;

    private Lake lake;
    private final List<JsonNode> live = new ArrayList<>();

    @BeforeAll
    void runTheSampleDay() throws Exception {
        CallPulseConfig config = CallPulseConfig.defaults().withLake(new LakeConfig(Duration.ofSeconds(2), "ZSTD"));
        IngestSource source = new FileIngestSource(Path.of("..", "sample-data").toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(MiniClusters.PARALLELISM);
        env.enableCheckpointing(config.lake().checkpointInterval().toMillis());
        ObjectMapper json = new ObjectMapper();
        try (CollectingLiveSink collect = new CollectingLiveSink()) {
            CallPulsePipeline.build(env, config, source, IngestJobs.lake(tmp, config, "sample", source), collect);
            env.execute("sample day");
            for (LiveMessage m : collect.messages(LiveTopic.ALERTS)) {
                if (m.json.contains("\"topic_")) {
                    live.add(json.readTree(m.json));
                }
            }
        }
        lake = new Lake(tmp);
        System.out.printf("sample day: topic_minutes %d rows, topic_alerts %d, topic_alert_drivers %d, live topic alert messages %d%n",
                lake.count("topic_minutes"), lake.count("topic_alerts"), lake.count("topic_alert_drivers"), live.size());
        for (Map<String, Object> a : lake.rows("SELECT alert_id, duration_minutes, observed15, expected15, z15, peak_z15, observed_total, expected_total, "
                + "suggestion FROM " + lake.table("topic_alerts") + " ORDER BY started_at")) {
            System.out.println("  " + a);
        }
    }

    @AfterAll
    void close() throws Exception {
        if (lake != null) {
            lake.close();
        }
    }

    private static LocalTime local(Object timestamp) {
        return ((java.time.OffsetDateTime) timestamp).atZoneSameInstant(SHANGHAI).toLocalTime();
    }

    @Test
    void theOutageIsASurgeOfBroadbandOutageInHefeiShushanFromAboutTwoToFour() throws Exception {
        List<Map<String, Object>> outage = lake.rows("SELECT * FROM " + lake.table("topic_alerts") + " WHERE topic = '" + OUTAGE + "'");
        assertThat(outage).singleElement().satisfies(a -> {
            assertThat(a.get("tenant_id")).isEqualTo("cmcc-ah");
            assertThat(a.get("kind")).isEqualTo("surge");
            assertThat(local(a.get("started_at"))).isBetween(LocalTime.of(14, 0), LocalTime.of(14, 30));
            assertThat(local(a.get("ended_at"))).isBetween(LocalTime.of(15, 30), LocalTime.of(16, 45));
            assertThat((Double) a.get("peak_z15")).isGreaterThan(10);
            assertThat((Long) a.get("observed_total")).as("its excess: the outage's callers").isGreaterThan(3 * Math.round((Double) a.get("expected_total")));
            assertThat(a.get("suggestion")).as("the IVR serves a share of outage callers").isEqualTo("divert_to_ivr");
        });
        String id = (String) outage.get(0).get("alert_id");
        List<Map<String, Object>> regions = lake.rows("SELECT value, share FROM " + lake.table("topic_alert_drivers") + " WHERE alert_id = '" + id
                + "' AND dimension = 'region' ORDER BY rank");
        assertThat(regions.get(0).get("value")).isEqualTo("hefei-shushan");
        assertThat((Double) regions.get(0).get("share")).isGreaterThan(0.8);
        assertThat(lake.strings("SELECT value FROM " + lake.table("topic_alert_drivers") + " WHERE alert_id = '" + id
                + "' AND dimension = 'queue' AND rank = 1")).containsExactly("broadband_tech");
    }

    @Test
    void theOutageWentLiveWithItsExplanationAndEnded() {
        List<JsonNode> outage = live.stream().filter(j -> j.get("topic").asText().equals(OUTAGE)).toList();
        assertThat(outage).extracting(j -> j.get("type").asText() + "/" + j.get("state").asText()).containsExactly("topic_surge/raised", "topic_surge/cleared");
        JsonNode start = outage.get(0);
        assertThat(start.get("tenant_id").asText()).isEqualTo("cmcc-ah");
        assertThat(start.get("regions").get(0).get("region").asText()).isEqualTo("hefei-shushan");
        assertThat(start.get("z").asDouble()).isGreaterThanOrEqualTo(3);
        assertThat(start.get("advice").asText()).contains("broadband_outage is surging").contains("IVR");
    }

    @Test
    void ordinaryHoursRaiseOnlyAFewShortAlertsAndLiveSaidWhatTheLakeSays() throws Exception {
        List<Map<String, Object>> others = lake.rows("SELECT * FROM " + lake.table("topic_alerts") + " WHERE topic <> '" + OUTAGE + "'");
        assertThat(others).as("noise at the minimum volume: a few a day").hasSizeLessThanOrEqualTo(10)
                .allSatisfy(a -> assertThat((Integer) a.get("duration_minutes")).isLessThanOrEqualTo(30));
        List<String> lakeIds = lake.strings("SELECT alert_id FROM " + lake.table("topic_alerts") + " ORDER BY alert_id");
        List<String> liveIds = live.stream().filter(j -> j.get("state").asText().equals("cleared")).map(j -> j.get("alert_id").asText()).sorted().toList();
        assertThat(liveIds).as("in-order input: the live chain and the final one agree").isEqualTo(lakeIds);
    }
}
