package com.callpulse.pipeline;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.generator.GeneratorSettings;
import com.callpulse.generator.HotlineSimulator;
import com.callpulse.generator.LineSink;
import com.callpulse.lake.ParquetLake;
import com.callpulse.model.Stream;
import com.callpulse.reconcile.Outcome;
import com.callpulse.reconcile.RunSummary;
import com.callpulse.testing.ExpectedOutcomes;
import com.callpulse.testing.Fixtures;
import com.callpulse.testing.IngestJobs;
import com.callpulse.testing.Lake;
import com.callpulse.testing.MiniClusters;
import com.callpulse.testing.PhoneLeaks;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated hotline day with every kind of injected fault, written to files as the generator writes them,
 * replayed through the pipeline on a MiniCluster, and checked against the generator's own expectation for every
 * line: the accepted event ids per table, the quarantine by stream and reason, the reconciliation, and that none
 * of the day's phone numbers reached the lake in clear.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedDayIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = MiniClusters.withParallelism2();

    @TempDir
    static Path tmp;

    private final ExpectedOutcomes expected = new ExpectedOutcomes();
    private final List<String> phoneNumbers = new ArrayList<>();
    private Path lake;

    @BeforeAll
    void generateAndIngest() throws Exception {
        CallPulseConfig config = Fixtures.config();
        // hourly files: several files per stream, read by two readers
        GeneratorSettings settings = new GeneratorSettings(LocalDate.parse("2026-11-20"), 1, 3_000, 11, 0.03, 1, config);
        Path input = tmp.resolve("day");
        LineSink files = new com.callpulse.generator.FileLineSink(input, settings.shardHours());
        new HotlineSimulator(settings).run(expected.tee(files), phoneNumbers::add, null);

        lake = tmp.resolve("lake");
        IngestSource source = new FileIngestSource(input.toString());
        IngestJobs.run(config, source, IngestJobs.lake(lake, config, "day-run", source));
    }

    @Test
    void theGeneratedDayHasEveryKindOfFault() {
        assertThat(expected.rejectedByReason().keySet()).extracting(k -> k.substring(k.indexOf('|') + 1))
                .contains("malformed_json", "missing_field", "wrong_type", "unknown_code", "bad_timestamp", "out_of_range", "unknown_tenant", "too_late");
        assertThat(expected.duplicates()).isPositive();
        assertThat(expected.lateAccepted()).isPositive();
    }

    @Test
    void eachTableHoldsExactlyTheAcceptedEvents() throws Exception {
        try (Lake l = new Lake(lake)) {
            for (Stream s : Stream.values()) {
                List<String> ids = l.strings("SELECT event_id FROM " + l.table(s.code()) + " ORDER BY event_id");
                assertThat(ids).as(s.code()).isEqualTo(expected.acceptedIds(s));
            }
        }
    }

    @Test
    void theQuarantineHoldsEachRefusalWithItsReason() throws Exception {
        try (Lake l = new Lake(lake)) {
            assertThat(l.quarantineCounts()).isEqualTo(expected.quarantineCounts());
        }
    }

    @Test
    void theRunSummaryMatchesTheGeneratorsExpectations() throws Exception {
        RunSummary summary = RunSummary.fromJson(Files.readString(Path.of(ParquetLake.summaryPath(lake.toString(), "day-run"))));
        assertThat(summary.status()).isEqualTo("complete");
        assertThat(summary.balanced()).isTrue();
        for (Stream s : Stream.values()) {
            assertThat(summary.get(s, Outcome.READ)).as(s.code()).isEqualTo(expected.lines(s));
            assertThat(summary.get(s, Outcome.ACCEPTED)).as(s.code()).isEqualTo(expected.acceptedIds(s).size());
            assertThat(summary.get(s, Outcome.LATE_KEPT)).as(s.code()).isEqualTo(expected.lateAccepted(s));
        }
    }

    @Test
    void noPhoneNumberOfTheDayAppearsInTheLake() throws Exception {
        PhoneLeaks leaks = new PhoneLeaks(phoneNumbers);
        assertThat(leaks.size()).as("the day used phone numbers").isGreaterThan(500);
        try (Lake l = new Lake(lake)) {
            for (String table : List.of("contact_events", "contact_records", "agent_state_events", "complaint_events", "survey_responses", "quarantine")) {
                for (String row : l.strings("SELECT CAST(t AS VARCHAR) FROM " + l.table(table) + " t")) {
                    assertThat(leaks.findIn(row)).as(table + ": " + row).isEmpty();
                }
            }
            assertThat(l.scalarLong("SELECT count(*) FROM " + l.table("survey_responses") + " WHERE comment LIKE '%[phone:%'"))
                    .as("numbers in comments became pseudonyms").isPositive();
        }
        for (Path p : Files.walk(lake).filter(p -> p.toString().endsWith(".json")).toList()) {
            assertThat(leaks.findIn(Files.readString(p))).isEmpty();
        }
    }
}
