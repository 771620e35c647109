package com.callpulse.pipeline;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.lake.ParquetLake;
import com.callpulse.model.AgentState;
import com.callpulse.model.ContactEventType;
import com.callpulse.model.Stream;
import com.callpulse.reconcile.Outcome;
import com.callpulse.reconcile.RunSummary;
import com.callpulse.schema.EventJsonWriter;
import com.callpulse.testing.Fixtures;
import com.callpulse.testing.IngestJobs;
import com.callpulse.testing.InputFiles;
import com.callpulse.testing.Lake;
import com.callpulse.testing.MiniClusters;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input files as they come in real life: the same file name in two directories, a gzip cut short by a failed copy,
 * a file named .gz that is no gzip, an event from a clock in 2099 and one from a clock two hours fast. The run
 * completes, loses nothing and says what it could not read.
 */
class FileInputIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = MiniClusters.withParallelism2();

    private static final long HOUR = 3_600_000;

    @TempDir
    Path tmp;

    @Test
    void aRunSurvivesMessyInputAndAccountsForEveryLine() throws Exception {
        CallPulseConfig config = Fixtures.config();
        EventJsonWriter json = Fixtures.jsonWriter(config);
        Path input = tmp.resolve("input");

        for (String site : List.of("site-a", "site-b")) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                lines.add(json.write(Fixtures.contactEvent("ce-" + site + "-" + i, T0 + i * 10_000L, "c-" + i, ContactEventType.ARRIVED)));
            }
            if (site.equals("site-a")) {
                lines.add(50, json.write(Fixtures.contactEvent("ce-fast-clock", T0 + 2 * HOUR, "c-x", ContactEventType.ARRIVED)));
                lines.add(60, json.write(Fixtures.contactEvent("ce-2099", Fixtures.NOW + 73L * 365 * 24 * HOUR, "c-y", ContactEventType.ARRIVED)));
            }
            InputFiles.write(input.resolve(site).resolve("contact_events-20261120.jsonl"), lines);
        }

        List<String> records = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            records.add(json.write(Fixtures.contactRecord("cr-" + i, T0 + i * 5_000L, "c-" + i)));
        }
        byte[] gz = InputFiles.gzip((String.join("\n", records) + "\n").getBytes(StandardCharsets.UTF_8));
        InputFiles.writeBytes(input.resolve("contact_records-20261120.jsonl.gz"), Arrays.copyOf(gz, gz.length * 2 / 3)); // a copy that broke off
        InputFiles.writeBytes(input.resolve("agent_state_events-20261120.jsonl.gz"),
                (json.write(Fixtures.agentState("as-1", T0, "a-1", AgentState.READY)) + "\n").getBytes(StandardCharsets.UTF_8)); // not gzip at all

        Path lake = tmp.resolve("lake");
        IngestSource source = new FileIngestSource(input.toString());
        IngestJobs.run(config, source, IngestJobs.lake(lake, config, "messy", source));

        RunSummary summary = RunSummary.fromJson(Files.readString(Path.of(ParquetLake.summaryPath(lake.toString(), "messy"))));
        assertThat(summary.status()).isEqualTo("complete");
        assertThat(summary.balanced()).isTrue();
        try (Lake l = new Lake(lake)) {
            // same name, two directories: two origins, each judged on its own, nothing late
            assertThat(l.scalarLong("SELECT count(*) FROM " + l.table("contact_events") + " WHERE event_id LIKE 'ce-site-%'")).isEqualTo(200);
            assertThat(summary.get(Stream.CONTACT_EVENTS, Outcome.LATE_KEPT)).as("one fast clock makes nobody late").isZero();
            assertThat(l.strings("SELECT event_id FROM " + l.table("contact_events") + " WHERE event_id = 'ce-fast-clock'")).hasSize(1);

            List<Map<String, Object>> q = l.rows("SELECT stream, origin, position, reason, raw FROM " + l.table("quarantine") + " ORDER BY stream, origin");
            assertThat(q).extracting(r -> r.get("stream") + " " + r.get("origin") + " " + r.get("reason")).containsExactly(
                    "agent_state_events agent_state_events-20261120.jsonl.gz unreadable",
                    "contact_events site-a/contact_events-20261120.jsonl bad_timestamp",
                    "contact_records contact_records-20261120.jsonl.gz unreadable");
            assertThat(q.get(1).get("position")).isEqualTo(61L);
            assertThat((String) q.get(1).get("raw")).contains("\"event_id\":\"ce-2099\"");

            long readableRecords = l.count("contact_records");
            assertThat(readableRecords).as("what the broken gzip held before it broke off").isBetween(100L, 399L);
            assertThat(q.get(2).get("position")).isEqualTo(readableRecords + 1);
            assertThat(summary.get(Stream.CONTACT_RECORDS, Outcome.READ)).isEqualTo(readableRecords + 1);
            assertThat(l.count("agent_state_events")).isZero();
        }
    }



}
