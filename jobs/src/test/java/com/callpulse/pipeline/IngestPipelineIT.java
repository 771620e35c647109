package com.callpulse.pipeline;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.lake.ParquetLake;
import com.callpulse.model.AgentState;
import com.callpulse.model.ContactEventType;
import com.callpulse.model.QuarantineReason;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole ingestion graph on a hand-made day with one of each fault, replayed from files on a MiniCluster at
 * parallelism 2 into a real Parquet lake, read back with DuckDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestPipelineIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = MiniClusters.withParallelism2();

    private static final long MIN = 60_000;

    @TempDir
    static Path tmp;

    private Path lake;
    private final Map<Stream, Integer> expectedAccepted = new EnumMap<>(Stream.class);
    /** "stream|file|line" to expected quarantine reason. */
    private final Map<String, QuarantineReason> expectedQuarantine = new java.util.TreeMap<>();
    private final Map<Stream, Integer> linesRead = new EnumMap<>(Stream.class);

    @BeforeAll
    void ingestAHandMadeDay() throws Exception {
        CallPulseConfig config = Fixtures.config();
        EventJsonWriter json = Fixtures.jsonWriter(config);
        Path input = tmp.resolve("input");

        // contact events: 200 good ones, two minutes apart per contact, plus every kind of fault
        List<String> ce = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ContactEventType type = ContactEventType.values()[i % 3 == 0 ? 0 : i % 3 == 1 ? 3 : 5];
            ce.add(json.write(Fixtures.contactEvent("ce-" + i, T0 + i * 10_000L, "c-" + (i / 3), type)));
        }
        addFault(ce, Stream.CONTACT_EVENTS, 20, "{\"event_id\":\"broken", QuarantineReason.MALFORMED_JSON);
        addFault(ce, Stream.CONTACT_EVENTS, 30, json.write(Fixtures.contactEvent("ce-x1", T0 + 300_000, "c-x", ContactEventType.ARRIVED),
                EventJsonWriter.Override.omit("contact_id")), QuarantineReason.MISSING_FIELD);
        addFault(ce, Stream.CONTACT_EVENTS, 40, json.write(Fixtures.contactEvent("ce-x2", T0 + 400_000, "c-x", ContactEventType.ANSWERED),
                EventJsonWriter.Override.replace("wait_seconds", "\"12\"")), QuarantineReason.WRONG_TYPE);
        addFault(ce, Stream.CONTACT_EVENTS, 50, json.write(Fixtures.contactEvent("ce-x3", T0 + 500_000, "c-x", ContactEventType.ARRIVED),
                EventJsonWriter.Override.replace("channel", "\"fax\"")), QuarantineReason.UNKNOWN_CODE);
        addFault(ce, Stream.CONTACT_EVENTS, 60, json.write(Fixtures.contactEvent("ce-x4", T0 + 600_000, "c-x", ContactEventType.ARRIVED),
                EventJsonWriter.Override.replace("occurred_at", "\"2026-11-20 09:10:00\"")), QuarantineReason.BAD_TIMESTAMP);
        addFault(ce, Stream.CONTACT_EVENTS, 70, json.write(Fixtures.contactEvent("ce-x5", T0 + 700_000, "c-x", ContactEventType.ARRIVED),
                EventJsonWriter.Override.replace("tenant_id", "\"nobody\"")), QuarantineReason.UNKNOWN_TENANT);
        // a second delivery of ce-10, a little later
        addFault(ce, Stream.CONTACT_EVENTS, 80, ce.get(10), QuarantineReason.DUPLICATE);
        // 15 minutes behind its file: late but within the allowed hour, kept
        ce.add(120, json.write(Fixtures.contactEvent("ce-late", T0 + 1150 * 1000L - 15 * MIN, "c-late", ContactEventType.ARRIVED)));
        // two hours behind: too late
        addFault(ce, Stream.CONTACT_EVENTS, 150, json.write(Fixtures.contactEvent("ce-too-late", T0 + 1450 * 1000L - 120 * MIN, "c-old",
                ContactEventType.ARRIVED)), QuarantineReason.TOO_LATE);
        write(input, Stream.CONTACT_EVENTS, "contact_events-20261120.jsonl", ce);
        expectedAccepted.put(Stream.CONTACT_EVENTS, 201);

        List<String> cr = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            cr.add(json.write(Fixtures.contactRecord("cr-" + i, T0 + i * 30_000L, "c-" + i)));
        }
        var bad = Fixtures.contactRecord("cr-x", T0 + 1_000_000, "c-x");
        bad.talkSeconds = -5;
        addFault(cr, Stream.CONTACT_RECORDS, 10, json.write(bad), QuarantineReason.OUT_OF_RANGE);
        var inconsistent = Fixtures.contactRecord("cr-y", T0 + 1_000_000, "c-y");
        inconsistent.answeredAt = inconsistent.arrivedAt - 1000;
        addFault(cr, Stream.CONTACT_RECORDS, 20, json.write(inconsistent), QuarantineReason.INCONSISTENT);
        write(input, Stream.CONTACT_RECORDS, "contact_records-20261120.jsonl.gz", cr);
        expectedAccepted.put(Stream.CONTACT_RECORDS, 60);

        List<String> as = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            as.add(json.write(Fixtures.agentState("as-" + i, T0 + i * 20_000L, "a-" + (i % 4), AgentState.values()[i % 6 == 2 ? 1 : i % 6])));
        }
        var notReady = Fixtures.agentState("as-x", T0 + 500_000, "a-1", AgentState.NOT_READY);
        addFault(as, Stream.AGENT_STATE_EVENTS, 5, json.write(notReady), QuarantineReason.MISSING_FIELD);
        addFault(as, Stream.AGENT_STATE_EVENTS, 7, json.write(Fixtures.agentState("as-y", T0 + 500_000, "a-1", AgentState.READY),
                EventJsonWriter.Override.replace("schema_version", "2")), QuarantineReason.UNSUPPORTED_SCHEMA_VERSION);
        write(input, Stream.AGENT_STATE_EVENTS, "agent_state_events-20261120.jsonl", as);
        expectedAccepted.put(Stream.AGENT_STATE_EVENTS, 40);

        List<String> co = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            co.add(json.write(Fixtures.complaintOpened("co-" + i, T0 + i * MIN, "k-" + i)));
        }
        addFault(co, Stream.COMPLAINT_EVENTS, 2, "[1,2,3]", QuarantineReason.MALFORMED_JSON);
        write(input, Stream.COMPLAINT_EVENTS, "complaint_events-20261120.jsonl", co);
        expectedAccepted.put(Stream.COMPLAINT_EVENTS, 5);

        List<String> sv = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            var s = Fixtures.survey("sv-" + i, T0 + i * MIN, "c-" + i);
            if (i == 3) {
                s.comment = "请回电 13912345678，谢谢";
            }
            sv.add(json.write(s));
        }
        var outOfRange = Fixtures.survey("sv-x", T0 + 9 * MIN, "c-9");
        outOfRange.csat = 7;
        addFault(sv, Stream.SURVEY_RESPONSES, 4, json.write(outOfRange), QuarantineReason.OUT_OF_RANGE);
        write(input, Stream.SURVEY_RESPONSES, "survey_responses-20261120.jsonl", sv);
        expectedAccepted.put(Stream.SURVEY_RESPONSES, 8);

        lake = tmp.resolve("lake");
        IngestSource source = new FileIngestSource(input.toString());
        IngestJobs.run(config, source, IngestJobs.lake(lake, config, "it-run", source));
    }

    private void addFault(List<String> lines, Stream s, int index, String line, QuarantineReason reason) {
        lines.add(index, line);
        // the line number is fixed when the file is written; remember the line text for now
        pendingFaults.add(new Object[] {s, line, reason});
    }

    private final List<Object[]> pendingFaults = new ArrayList<>();

    private void write(Path input, Stream s, String file, List<String> lines) throws Exception {
        InputFiles.write(input.resolve(s.code()).resolve(file), lines);
        linesRead.put(s, lines.size());
        for (Object[] f : pendingFaults) {
            if (f[0] != s) {
                continue;
            }
            // a duplicate's text also stands at the original's place: its position is the last occurrence
            int line = lines.lastIndexOf((String) f[1]) + 1;
            expectedQuarantine.put(s.code() + "|" + s.code() + "/" + file + "|" + line, (QuarantineReason) f[2]);
        }
        pendingFaults.removeIf(f -> f[0] == s);
    }

    @Test
    void everyAcceptedEventLandsOnceInItsTable() throws Exception {
        try (Lake l = new Lake(lake)) {
            for (Stream s : Stream.values()) {
                assertThat(l.count(s.code())).as(s.code()).isEqualTo((long) expectedAccepted.get(s));
                assertThat(l.scalarLong("SELECT count(*) - count(DISTINCT event_id) FROM " + l.table(s.code()))).as(s.code()).isZero();
            }
        }
    }

    @Test
    void eachFaultIsQuarantinedWithItsOwnReasonAndPosition() throws Exception {
        try (Lake l = new Lake(lake)) {
            Map<String, QuarantineReason> actual = new java.util.TreeMap<>();
            for (Map<String, Object> row : l.rows("SELECT stream, origin, position, reason FROM " + l.table("quarantine"))) {
                actual.put(row.get("stream") + "|" + row.get("origin") + "|" + row.get("position"),
                        com.callpulse.schema.CodeTables.parse(QuarantineReason.class, (String) row.get("reason")));
            }
            assertThat(actual).isEqualTo(expectedQuarantine);
            assertThat(l.strings("SELECT event_id FROM " + l.table("quarantine") + " WHERE raw IS NULL OR raw = ''")).as("every row keeps the record").isEmpty();
            assertThat(l.strings("SELECT detail FROM " + l.table("quarantine") + " WHERE reason = 'unknown_code'"))
                    .containsExactly("field 'channel' has unknown code 'fax' (expected one of voice, webchat, wechat, weibo, email, sms, app)");
        }
    }

    @Test
    void lateEventsWithinTheAllowedLatenessAreKept() throws Exception {
        try (Lake l = new Lake(lake)) {
            assertThat(l.strings("SELECT event_id FROM " + l.table("contact_events") + " WHERE event_id = 'ce-late'")).containsExactly("ce-late");
        }
        RunSummary summary = summary();
        assertThat(summary.get(Stream.CONTACT_EVENTS, Outcome.LATE_KEPT)).isEqualTo(1);
    }

    @Test
    void theRunSummaryReconcilesEveryLineRead() throws Exception {
        RunSummary summary = summary();
        assertThat(summary.status()).isEqualTo("complete");
        for (Stream s : Stream.values()) {
            assertThat(summary.get(s, Outcome.READ)).as(s.code()).isEqualTo((long) linesRead.get(s));
            assertThat(summary.get(s, Outcome.ACCEPTED)).as(s.code()).isEqualTo((long) expectedAccepted.get(s));
            assertThat(summary.balanced(s)).as(s.code()).isTrue();
        }
        assertThat(summary.get(Stream.CONTACT_EVENTS, Outcome.DUPLICATE)).isEqualTo(1);
        assertThat(summary.rejected(Stream.CONTACT_EVENTS, QuarantineReason.TOO_LATE)).isEqualTo(1);
        assertThat(summary.rejected(Stream.COMPLAINT_EVENTS, QuarantineReason.MALFORMED_JSON)).isEqualTo(1);
    }

    @Test
    void partitionsAreTenantAndBusinessDate() throws Exception {
        try (Lake l = new Lake(lake)) {
            assertThat(l.strings("SELECT DISTINCT tenant || '/' || CAST(date AS VARCHAR) FROM " + l.table("contact_events")))
                    .containsExactly("cmcc-ah/2026-11-20");
            assertThat(l.strings("SELECT DISTINCT tenant FROM " + l.table("quarantine") + " ORDER BY 1")).containsExactly("_unknown", "cmcc-ah");
        }
    }

    @Test
    void noPhoneNumberReachesTheLakeInClear() throws Exception {
        try (Lake l = new Lake(lake)) {
            for (String table : List.of("contact_events", "contact_records", "complaint_events", "survey_responses", "quarantine")) {
                String everything = String.join("\n", l.strings("SELECT CAST(t AS VARCHAR) FROM " + l.table(table) + " t"));
                assertThat(everything).as(table).doesNotContain("13800138000", "138 0013 8000", "13912345678");
            }
            // the same caller written two ways has one key
            List<String> keys = l.strings("SELECT DISTINCT caller_key FROM " + l.table("contact_events") + " WHERE caller_key IS NOT NULL"
                    + " UNION SELECT DISTINCT caller_key FROM " + l.table("contact_records"));
            assertThat(keys).hasSize(1);
            assertThat(keys.get(0)).matches("[0-9a-f]{32}");
            assertThat(l.strings("SELECT comment FROM " + l.table("survey_responses") + " WHERE event_id = 'sv-3'").get(0))
                    .matches("请回电 \\[phone:[0-9a-f]{32}]，谢谢");
        }
    }

    @Test
    void aBoundedRunLeavesNoInProgressFile() throws Exception {
        try (Lake l = new Lake(lake)) {
            assertThat(l.allFiles()).filteredOn(p -> p.getFileName().toString().contains("inprogress")).isEmpty();
            assertThat(l.allFiles()).filteredOn(p -> p.toString().contains("/contact_events/")).allMatch(p -> p.toString().endsWith(".parquet"));
        }
    }

    private RunSummary summary() throws Exception {
        return RunSummary.fromJson(Files.readString(Path.of(ParquetLake.summaryPath(lake.toString(), "it-run"))));
    }

}
