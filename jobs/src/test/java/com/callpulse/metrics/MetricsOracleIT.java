package com.callpulse.metrics;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.TenantConfig;
import com.callpulse.model.Stream;
import com.callpulse.pipeline.FileIngestSource;
import com.callpulse.pipeline.IngestSource;
import com.callpulse.testing.GeneratedDay;
import com.callpulse.testing.IngestJobs;
import com.callpulse.testing.InputFiles;
import com.callpulse.testing.MiniClusters;
import com.callpulse.testing.Oracle;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric table of the sample day (the committed one's settings: 10,000 contacts, seed 7, 1 % faults) equals
 * the independent oracle's SQL over the day's raw accepted events; and it still does when the same events arrive
 * shuffled (up to 25 minutes late, which restates final intervals) with duplicates mixed in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsOracleIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = MiniClusters.withParallelism2();

    /** Every metric table the oracle knows: one query per table in src/test/resources/oracle (not the _ ones). */
    static java.util.stream.Stream<String> tables() {
        return Oracle.tables().stream();
    }

    /** The interval tables among them (keyed by interval_start: versioned, restated by late events). */
    static java.util.stream.Stream<String> intervalTables() {
        return Oracle.tables().stream().filter(Oracle::isIntervalTable);
    }

    @TempDir
    static Path tmp;

    private Oracle sampleDay;
    private Oracle shuffledDay;

    @BeforeAll
    void ingestTheSampleDayTwice() throws Exception {
        CallPulseConfig config = CallPulseConfig.defaults().withLake(
                new com.callpulse.config.LakeConfig(java.time.Duration.ofSeconds(2), "ZSTD"));
        GeneratedDay generated = GeneratedDay.sampleDay(tmp.resolve("day"));
        Path day = generated.dir;
        List<String[]> accepted = generated.accepted;
        List<Object[]> acceptedTimed = generated.delivered;

        Map<String, ZoneId> zones = new LinkedHashMap<>();
        for (TenantConfig t : config.tenants()) {
            zones.put(t.id(), t.timeZone());
        }
        sampleDay = run(config, day, "sample", zones, accepted);
        shuffledDay = run(config, shuffled(acceptedTimed, tmp.resolve("shuffled")), "shuffled", zones, accepted);
    }

    private static Oracle run(CallPulseConfig config, Path input, String name, Map<String, ZoneId> zones, List<String[]> accepted) throws Exception {
        Path lake = tmp.resolve(name + "-lake");
        IngestSource source = new FileIngestSource(input.toString());
        IngestJobs.runAll(config, source, IngestJobs.lake(lake, config, name, source));
        return new Oracle(lake, zones, accepted);
    }

    /**
     * The accepted lines again, each delivered up to 25 minutes after it was first (so out of order, late past the
     * watermark bound, and late past intervals' finalization), with 2 % of them delivered twice.
     */
    private static Path shuffled(List<Object[]> lines, Path dir) {
        SplittableRandom r = new SplittableRandom(42);
        Map<Stream, List<Object[]>> byStream = new EnumMap<>(Stream.class);
        for (Object[] l : lines) {
            long at = (Long) l[1];
            long delayed = r.nextDouble() < 0.2 ? at + r.nextLong(25 * 60_000L) : at;
            byStream.computeIfAbsent((Stream) l[0], s -> new ArrayList<>()).add(new Object[] {delayed, l[2]});
            if (r.nextDouble() < 0.02) {
                byStream.get((Stream) l[0]).add(new Object[] {at + r.nextLong(10 * 60_000L), l[2]});
            }
        }
        for (Map.Entry<Stream, List<Object[]>> e : byStream.entrySet()) {
            e.getValue().sort((a, b) -> Long.compare((Long) a[0], (Long) b[0]));
            List<String> text = e.getValue().stream().map(x -> (String) x[1]).toList();
            InputFiles.write(dir.resolve(e.getKey().code() + "-shuffled.jsonl.gz"), text);
        }
        return dir;
    }

    @ParameterizedTest
    @MethodSource("tables")
    void theSampleDayEqualsTheOracle(String table) throws Exception {
        assertThat(sampleDay.compare(table)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("tables")
    void theShuffledDayWithDuplicatesAndLateEventsEqualsTheOracleToo(String table) throws Exception {
        assertThat(shuffledDay.compare(table)).isEmpty();
    }

    /**
     * Whether a late event restates a final interval depends on how far the slowest stream holds the watermark back
     * (IntervalAggregatorTest proves restatement itself); whatever happened, each interval's history must be whole.
     */
    @ParameterizedTest
    @MethodSource("intervalTables")
    void everyIntervalHistoryIsVersionOneThenRestatementsWithoutGaps(String table) throws Exception {
        assertThat(sampleDay.inconsistentVersions(table)).isZero();
        assertThat(shuffledDay.inconsistentVersions(table)).isZero();
        assertThat(shuffledDay.lakeRows(table, "version = 1")).isPositive();
    }

    @AfterAll
    void close() throws Exception {
        if (sampleDay != null) {
            sampleDay.close();
        }
        if (shuffledDay != null) {
            shuffledDay.close();
        }
    }

}
