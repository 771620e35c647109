package com.callpulse.generator;

import com.callpulse.model.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateCommandTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return GenerateCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesHourlyGzipFilesAndAManifestThatAddsUp() throws IOException {
        Path dir = tmp.resolve("day");
        assertThat(run("--date", "2026-11-20", "--contacts", "1500", "--seed", "3", "--faults", "0.03", "--shard-hours", "1", "--out", dir.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("contact_events", "faults", "wrote");
        assertThat(dir.resolve("README.md")).doesNotExist();

        JsonNode m = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertThat(m.at("/settings/contacts_per_day").asInt()).isEqualTo(1500);
        assertThat(m.at("/settings/tenants").size()).isEqualTo(3);
        long total = 0;
        long faults = 0;
        for (Iterator<JsonNode> it = m.get("faults").elements(); it.hasNext();) {
            faults += it.next().asLong();
        }
        assertThat(faults).isPositive();
        for (Stream s : Stream.values()) {
            JsonNode st = m.at("/streams/" + s.code());
            long lines = st.get("lines").asLong();
            long rejected = 0;
            for (Iterator<JsonNode> it = st.get("rejected_by_reason").elements(); it.hasNext();) {
                rejected += it.next().asLong();
            }
            assertThat(st.get("accepted").asLong() + st.get("duplicates").asLong() + rejected).isEqualTo(lines);
            assertThat(st.get("late_kept").asLong()).isLessThanOrEqualTo(st.get("accepted").asLong());
            long inFiles = 0;
            for (JsonNode f : st.get("files")) {
                String path = f.get("path").asText();
                assertThat(path).matches(s.code() + "/" + s.code() + "-\\d{8}T\\d{2}\\.jsonl\\.gz");
                List<String> content = read(dir.resolve(path));
                assertThat((long) content.size()).isEqualTo(f.get("lines").asLong());
                inFiles += content.size();
            }
            assertThat(inFiles).isEqualTo(lines);
            total += lines;
        }
        assertThat(m.get("lines").asLong()).isEqualTo(total);
        long expected = m.at("/expected/accepted").asLong() + m.at("/expected/duplicates").asLong() + m.at("/expected/rejected").asLong();
        assertThat(expected).isEqualTo(total);
        assertThat(m.at("/streams/contact_events/files").size()).isGreaterThan(20); // hourly files over a Shanghai and a Berlin day
    }

    @Test
    void theSameSettingsWriteTheSameBytes() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(run("--date", "2026-11-21", "--days", "2", "--contacts", "600", "--out", a.toString())).isZero();
        assertThat(run("--date", "2026-11-21", "--days", "2", "--contacts", "600", "--out", b.toString())).isZero();
        List<Path> files = listFiles(a);
        assertThat(files).hasSizeGreaterThan(10);
        for (Path f : files) {
            assertThat(Files.readAllBytes(b.resolve(a.relativize(f)))).as("%s", f).isEqualTo(Files.readAllBytes(f));
        }
        assertThat(listFiles(b)).hasSameSizeAs(files);
    }

    @Test
    void aSecondRunReplacesTheFirstOne() throws IOException {
        Path dir = tmp.resolve("again");
        assertThat(run("--date", "2026-11-20", "--contacts", "300", "--shard-hours", "1", "--out", dir.toString())).isZero();
        int hourly = listFiles(dir).size();
        assertThat(run("--date", "2026-11-20", "--contacts", "300", "--out", dir.toString())).isZero();
        assertThat(listFiles(dir).size()).isLessThan(hourly);
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhy() {
        assertThat(run("--contacts", "100", "--out", tmp.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--date");
        assertThat(run("--date", "2026-11-20")).isEqualTo(2);
        assertThat(err.toString()).contains("--out", "--kafka");
        assertThat(run("--date", "2026-11-20", "--out", tmp.toString(), "--kafka", "localhost:9092")).isEqualTo(2);
        assertThat(run("--date", "2026-11-20", "--out", tmp.toString(), "--shard-hours", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("shard hours");
        assertThat(run("--date", "2026-11-31", "--out", tmp.toString())).isEqualTo(2);
        assertThat(run("--date", "2026-11-20", "--out", tmp.toString(), "--rate", "100")).isEqualTo(2);
        assertThat(run("--date", "2026-11-20", "--out", tmp.toString(), "--faults", "2")).isEqualTo(2);
        assertThat(run("--date", "2026-11-20", "--out", tmp.toString(), "--colour", "blue")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown option --colour");
        assertThat(run("--date", "2026-11-20", "--out", tmp.toString(), "--config", tmp.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage", "--shard-hours", "--speed");
    }

    private static List<String> read(Path gz) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static List<Path> listFiles(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }
}
