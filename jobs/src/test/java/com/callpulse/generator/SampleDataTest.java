package com.callpulse.generator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed sample day is what sample-data/README.md says made it: the generator, run again with the same
 * command, writes the same bytes. It fails when the generator or the contract changed and sample-data was not
 * regenerated.
 */
class SampleDataTest {
    private static final Path SAMPLE = Path.of("..", "sample-data");

    @TempDir
    Path tmp;

    @Test
    void theCommittedSampleDayIsReproducedByteForByte() throws Exception {
        assertThat(Files.readString(SAMPLE.resolve("README.md")))
                .contains("./callpulse generate --date 2026-11-20 --contacts 10000 --seed 7 --out sample-data");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = GenerateCommand.run(List.of("--date", "2026-11-20", "--contacts", "10000", "--seed", "7", "--out", tmp.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        List<Path> generated = files(tmp);
        assertThat(generated).as("regenerate with the command in sample-data/README.md").isEqualTo(files(SAMPLE).stream()
                .filter(p -> !p.toString().equals("README.md")).toList());
        for (Path rel : generated) {
            assertThat(Files.readAllBytes(tmp.resolve(rel))).as(rel + " (regenerate with the command in sample-data/README.md)")
                    .isEqualTo(Files.readAllBytes(SAMPLE.resolve(rel)));
        }
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
