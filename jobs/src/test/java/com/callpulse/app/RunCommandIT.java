package com.callpulse.app;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.generator.FileLineSink;
import com.callpulse.generator.GeneratorSettings;
import com.callpulse.generator.HotlineSimulator;
import com.callpulse.model.Stream;
import com.callpulse.reconcile.Outcome;
import com.callpulse.reconcile.RunSummary;
import com.callpulse.testing.ExpectedOutcomes;
import com.callpulse.testing.Lake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code run} command as a user runs it, in its own JVM: it is killed (SIGKILL) in the middle of a replay,
 * started again with the same arguments, resumes from its last checkpoint, and the lake ends with every accepted
 * event exactly once.
 */
class RunCommandIT {
    @TempDir
    Path tmp;

    @Test
    void aRunKilledMidwayIsResumedAndTheLakeHasEveryEventOnce() throws Exception {
        CallPulseConfig config = CallPulseConfig.defaults();
        GeneratorSettings settings = new GeneratorSettings(LocalDate.parse("2026-11-20"), 1, 20_000, 3, 0.01, 1, config);
        Path input = tmp.resolve("day");
        ExpectedOutcomes expected = new ExpectedOutcomes();
        new HotlineSimulator(settings).run(expected.tee(new FileLineSink(input, settings.shardHours())), n -> {}, null);
        Path lake = tmp.resolve("lake");
        List<String> args = List.of("run", "--input", input.toString(), "--lake", lake.toString(), "--checkpoint-interval", "PT0.3S",
                "--parallelism", "1");

        Process first = start(args, tmp.resolve("first.log"));
        Path checkpoints = lake.resolve(Runs.CHECKPOINTS_DIR);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // the moment to kill: some files are committed, so the restart must neither redo nor lose them
        while (!(committedParquet(lake) && hasCheckpoint(checkpoints)) && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(first.isAlive()).as("the first run must still be running when it is killed; output:\n" + Files.readString(tmp.resolve("first.log")))
                .isTrue();
        first.destroyForcibly().waitFor();
        List<Runs.RunInfo> unfinished = new Runs(lake.toString()).unfinished("files:" + input);
        assertThat(unfinished).as("the killed run is found by its source").hasSize(1);

        Process second = start(args, tmp.resolve("second.log"));
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(tmp.resolve("second.log"));
        assertThat(second.exitValue()).as(out).isZero();
        assertThat(out).contains("resuming unfinished run " + unfinished.get(0).runId() + " from checkpoint", "holds for every stream");

        RunSummary done = onlySummary(lake);
        assertThat(done.runId()).isEqualTo(unfinished.get(0).runId());
        assertThat(done.status()).isEqualTo("complete");
        assertThat(done.balanced()).isTrue();
        try (Lake l = new Lake(lake)) {
            for (Stream s : Stream.values()) {
                assertThat(done.get(s, Outcome.READ)).as(s.code()).isEqualTo(expected.lines(s));
                assertThat(l.strings("SELECT event_id FROM " + l.table(s.code()) + " ORDER BY event_id")).as(s.code())
                        .isEqualTo(expected.acceptedIds(s));
            }
        }
        assertThat(Files.exists(checkpoints.resolve(done.runId()))).as("a completed run leaves no checkpoints").isFalse();
    }

    @Test
    void usageErrorsAreExplainedAndExitWithTwo() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = CallPulseCli.execute(List.of("run", "--lake", tmp.toString()), new PrintStream(out), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("give exactly one of --input DIR and --kafka HOST:PORT", "usage: callpulse run");
        err.reset();
        code = CallPulseCli.execute(List.of("run", "--input", tmp.resolve("nothing-here").toString(), "--lake", tmp.toString()),
                new PrintStream(out), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("does not exist");
        err.reset();
        code = CallPulseCli.execute(List.of("run", "--inptu", "x"), new PrintStream(out), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --inptu");
    }

    private static Process start(List<String> args, Path log) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dcallpulse.log.dir=" + log.getParent(), "-cp", System.getProperty("java.class.path"), CallPulseCli.class.getName()));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static boolean committedParquet(Path lake) throws Exception {
        if (!Files.isDirectory(lake.resolve("contact_events"))) {
            return false;
        }
        try (var files = Files.walk(lake.resolve("contact_events"))) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet") && !p.getFileName().toString().startsWith("."));
        }
    }

    private static boolean hasCheckpoint(Path checkpoints) throws Exception {
        if (!Files.isDirectory(checkpoints)) {
            return false;
        }
        try (var files = Files.walk(checkpoints)) {
            return files.anyMatch(p -> p.getFileName().toString().equals("_metadata"));
        }
    }

    private static RunSummary onlySummary(Path lake) throws Exception {
        try (var files = Files.list(lake.resolve(RunSummary.RUNS_DIR))) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".json")).toList();
            assertThat(all).hasSize(1);
            return RunSummary.fromJson(Files.readString(all.get(0)));
        }
    }
}
