package com.callpulse.metrics.complaint;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.LakeConfig;
import com.callpulse.live.LiveMessage;
import com.callpulse.live.CollectingLiveSink;
import com.callpulse.live.LiveTopic;
import com.callpulse.model.ComplaintAction;
import com.callpulse.model.ComplaintEvent;
import com.callpulse.pipeline.CallPulsePipeline;
import com.callpulse.pipeline.FileIngestSource;
import com.callpulse.schema.EventJsonWriter;
import com.callpulse.testing.Fixtures;
import com.callpulse.testing.IngestJobs;
import com.callpulse.testing.InputFiles;
import com.callpulse.testing.Lake;
import com.callpulse.testing.MiniClusters;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.callpulse.metrics.complaint.Complaints.HOUR;
import static org.assertj.core.api.Assertions.assertThat;

/** The complaint family wired into the whole job: from complaint event files to the three lake tables and the live alerts. */
class ComplaintMetricsTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = MiniClusters.withParallelism2();

    private static final long T0 = Fixtures.T0;

    @TempDir
    Path tmp;

    @Test
    void anUnresolvedComplaintEscalatesIntoTheLakeAndOntoTheAlertsTopic() throws Exception {
        CallPulseConfig config = CallPulseConfig.defaults().withLake(new LakeConfig(Duration.ofSeconds(1), "SNAPPY"));
        Complaints late = new Complaints("cmcc-ah", "CP-LATE");
        Complaints quick = new Complaints("cmcc-ah", "CP-QUICK");
        List<ComplaintEvent> events = List.of(
                late.opened(T0, "urgent-24h"),
                quick.opened(T0 + HOUR, "standard-48h"),
                quick.event(ComplaintAction.RESOLVED, T0 + 2 * HOUR),
                quick.event(ComplaintAction.CLOSED, T0 + 3 * HOUR),
                late.event(ComplaintAction.CUSTOMER_CONTACTED, T0 + 30 * HOUR)); // moves event time past the 24 h deadline
        EventJsonWriter json = Fixtures.jsonWriter(config);
        List<String> lines = new ArrayList<>();
        events.forEach(e -> lines.add(json.write(e)));
        Path input = tmp.resolve("input");
        InputFiles.write(input.resolve("complaint_events-test.jsonl"), lines);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(MiniClusters.PARALLELISM);
        env.enableCheckpointing(config.lake().checkpointInterval().toMillis());
        FileIngestSource source = new FileIngestSource(input.toString());
        List<LiveMessage> received;
        try (CollectingLiveSink live = new CollectingLiveSink()) {
            CallPulsePipeline.build(env, config, source, IngestJobs.lake(tmp.resolve("lake"), config, "complaints", source), live);
            env.execute("complaints");
            received = live.messages(LiveTopic.ALERTS); // with no contacts, the queue-state function raises none
        }

        assertThat(received).singleElement().satisfies(m -> {
            assertThat(m.key).isEqualTo("cmcc-ah|complaint_escalation:CP-LATE-L1");
            assertThat(m.eventTime).isEqualTo(T0 + 24 * HOUR);
            assertThat(m.json).contains("\"type\":\"complaint_escalation\"", "\"state\":\"raised\"", "\"escalation_id\":\"CP-LATE-L1\"");
        });
        try (Lake lake = new Lake(tmp.resolve("lake"))) {
            assertThat(lake.rows("SELECT escalation_id, raised_by, level FROM " + lake.table(ComplaintMetrics.ESCALATIONS)))
                    .containsExactly(Map.of("escalation_id", "CP-LATE-L1", "raised_by", "deadline", "level", 1));
            assertThat(lake.strings("SELECT complaint_id || ':' || still_open || ':' || breached FROM " + lake.table(ComplaintMetrics.OUTCOMES)
                    + " ORDER BY complaint_id")).containsExactly("CP-LATE:true:true", "CP-QUICK:false:false");
            assertThat(lake.scalarLong("SELECT sum(opened) * 100 + sum(escalations) * 10 + sum(resolved_on_time) FROM "
                    + lake.table(ComplaintMetrics.INTERVALS))).isEqualTo(211);
        }
    }
}
