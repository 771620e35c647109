package com.callpulse.dashboards.sql;

import com.callpulse.dashboards.DashboardsCli;
import com.callpulse.dashboards.testing.SampleLake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./callpulse query} as the launcher runs it (DashboardsCli), on the sample lake. */
class QueryCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Run query(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>(List.of("query"));
        argv.addAll(List.of(args));
        int exit = DashboardsCli.execute(argv, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsATableOrRfc4180CsvForOneTenantOrAll() throws Exception {
        String lake = SampleLake.get().toString();
        Run table = query("SELECT tenant, count(*) AS intervals, sum(offered) AS offered FROM queue_intervals GROUP BY ALL ORDER BY 1", "--lake", lake);
        System.out.print(table.out() + table.err());
        assertThat(table.exit()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).matches("tenant\\s+intervals\\s+offered");
        assertThat(lines.get(2)).startsWith("cmcc-ah").matches(".*\\d,\\d{3}$"); // numbers right-aligned with grouping
        assertThat(table.err()).matches("\\(3 rows, \\d+ ms\\)\\R");

        Run csv = query("SELECT tenant, 'say \"hi\", then\nleave' AS note, NULL AS nothing FROM queue_intervals LIMIT 2", "--lake", lake,
                "--tenant", "mvno-lx", "--format", "csv");
        assertThat(csv.exit()).isZero();
        assertThat(csv.out()).isEqualTo("tenant,note,nothing\r\nmvno-lx,\"say \"\"hi\"\", then\nleave\",\r\nmvno-lx,\"say \"\"hi\"\", then\nleave\",\r\n");

        Run cut = query("SELECT range FROM range(50)", "--lake", lake, "--max-rows", "7", "--format", "csv");
        assertThat(cut.exit()).isZero();
        assertThat(cut.out().lines()).hasSize(8);
        assertThat(cut.err()).contains("cut at 7 rows: there are more");
    }

    @Test
    void refusedOrFailedStatementsExitWith1AndUsageMistakesWith2() throws Exception {
        String lake = SampleLake.get().toString();
        Path target = dir.resolve("out.csv");
        Run copy = query("COPY (SELECT 1) TO '" + target + "'", "--lake", lake);
        assertThat(copy.exit()).isEqualTo(1);
        assertThat(copy.out()).isEmpty();
        assertThat(copy.err()).startsWith("error: refused: COPY statements may not run here");
        assertThat(Files.exists(target)).isFalse();
        Run other = query("SELECT * FROM read_parquet('" + lake + "/queue_intervals/tenant=roam-eu/*/*.parquet')", "--lake", lake, "--tenant", "cmcc-ah");
        assertThat(other.exit()).isEqualTo(1);
        assertThat(other.err()).startsWith("error: refused: only your partitions of the lake can be read");
        assertThat(query("SELECT nope", "--lake", lake).exit()).isEqualTo(1);

        assertThat(query("--lake", lake).exit()).isEqualTo(2);
        assertThat(query("SELECT 1", "--lake", lake, "--format", "xml").exit()).isEqualTo(2);
        assertThat(query("SELECT 1", "--lake", lake, "--max-rows", "0").exit()).isEqualTo(2);
        assertThat(query("SELECT 1", "--lake", lake, "--tenant", "nobody").exit()).isEqualTo(2);
        assertThat(query("SELECT 1").exit()).isEqualTo(2);
        assertThat(query("SELECT 1", "--lake", dir.resolve("missing").toString()).exit()).isEqualTo(1);
        Run help = query("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith("usage: ./callpulse query \"SQL\" --lake DIR");
    }
}
