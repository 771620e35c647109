package com.callpulse.app;

import com.callpulse.pipeline.FileIngestSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which run a {@code run} command starts or resumes, decided from what an earlier run left in the lake. */
class RunsTest {
    @TempDir
    Path tmp;

    private Path input;
    private FileIngestSource source;
    private Runs runs;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void aLakeAndAnInput() throws Exception {
        input = tmp.resolve("day");
        Files.createDirectories(input);
        Files.writeString(input.resolve("contact_events-a.jsonl"), "{}\n");
        source = new FileIngestSource(input.toString());
        runs = new Runs(tmp.resolve("lake").toString());
    }

    /** What a run that died after checkpoint 3 leaves behind. */
    private void unfinished(String runId, FileIngestSource src) throws Exception {
        runs.record(new Runs.RunInfo(runId, src.describe(), src.inputs(), "2026-11-22T00:00:00Z"));
        Path chk = Path.of(runs.dir(runId).toUri()).resolve("0123abcd").resolve("chk-3");
        Files.createDirectories(chk);
        Files.writeString(chk.resolve("_metadata"), "x");
    }

    private RunCommand.Plan plan(String runId, boolean fresh) throws Exception {
        return RunCommand.plan(runs, source, runId, fresh, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void aNewRunWhenNothingIsUnfinished() throws Exception {
        RunCommand.Plan p = plan(null, false);
        assertThat(p.restoreFrom()).isEmpty();
        assertThat(p.info().source()).isEqualTo("files:" + input);
        assertThat(p.info().inputs()).singleElement().asString().startsWith("contact_events-a.jsonl 3 bytes, modified ");
    }

    @Test
    void theUnfinishedRunOfTheSameInputIsResumedFromItsLastCheckpoint() throws Exception {
        unfinished("20261122T000000Z-aaaa", source);
        RunCommand.Plan p = plan(null, false);
        assertThat(p.info().runId()).isEqualTo("20261122T000000Z-aaaa");
        assertThat(p.info().startedAt()).as("a resumed run keeps its start").isEqualTo("2026-11-22T00:00:00Z");
        assertThat(p.restoreFrom().get().getName()).isEqualTo("chk-3");
    }

    @Test
    void aRunWhoseInputChangedIsNotResumed() throws Exception {
        unfinished("20261122T000000Z-aaaa", source);
        Files.writeString(input.resolve("contact_events-b.jsonl"), "{}\n");
        assertThatThrownBy(() -> plan(null, false)).hasMessageContaining("the input changed since unfinished run 20261122T000000Z-aaaa started")
                .hasMessageContaining("contact_events-b.jsonl");
    }

    @Test
    void freshRetiresUnfinishedRunsOfTheSource() throws Exception {
        unfinished("20261122T000000Z-aaaa", source);
        RunCommand.Plan p = plan(null, true);
        assertThat(p.info().runId()).isNotEqualTo("20261122T000000Z-aaaa");
        assertThat(p.restoreFrom()).isEmpty();
        assertThat(runs.unfinished(source.describe())).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("retiring unfinished run 20261122T000000Z-aaaa");
    }

    @Test
    void aNamedRunIsResumedWhenUnfinishedAndRefusedWhenDoneOrElsewhere() throws Exception {
        unfinished("nightly", source);
        assertThat(plan("nightly", false).restoreFrom()).isPresent();

        Files.createDirectories(tmp.resolve("lake/_runs"));
        Files.writeString(tmp.resolve("lake/_runs/done.json"), "{}");
        assertThatThrownBy(() -> plan("done", false)).hasMessageContaining("run id done was already used");

        FileIngestSource other = new FileIngestSource(tmp.toString());
        unfinished("elsewhere", other);
        assertThatThrownBy(() -> plan("elsewhere", false)).hasMessageContaining("reads files:" + tmp);
        assertThat(plan("brand-new", false).info().runId()).isEqualTo("brand-new");
    }

    @Test
    void aRunCanBeRunByOneProcessAtATime() throws Exception {
        AutoCloseable lock = runs.lock("r1").orElseThrow();
        try {
            // a second holder in the same JVM is refused as another process would be
            assertThatThrownBy(() -> runs.lock("r1")).isInstanceOfAny(IllegalStateException.class, java.nio.channels.OverlappingFileLockException.class);
        } finally {
            lock.close();
        }
        runs.lock("r1").orElseThrow().close();
        assertThat(List.of(runs.dir("r1").toUri().getScheme())).containsExactly("file");
    }
}
