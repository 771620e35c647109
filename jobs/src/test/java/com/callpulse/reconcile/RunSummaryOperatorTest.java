package com.callpulse.reconcile;

import com.callpulse.model.QuarantineReason;
import com.callpulse.model.Stream;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RunSummaryOperatorTest {
    @TempDir
    Path dir;

    private OneInputStreamOperatorTestHarness<TallyDelta, Void> harness(Path file) throws Exception {
        return new OneInputStreamOperatorTestHarness<>(new RunSummaryOperator(file.toString(), "r1", "files:/in", Instant.parse("2026-11-22T00:00:00Z")));
    }

    private static StreamRecord<TallyDelta> delta(Stream s, int counter, long n) {
        return new StreamRecord<>(new TallyDelta(s, counter, n));
    }

    private static RunSummary read(Path file) throws Exception {
        return RunSummary.fromJson(Files.readString(file));
    }

    @Test
    void writesTheTotalsOfACheckpointWhenItCompletesAndCompleteAfterTheEnd() throws Exception {
        Path file = dir.resolve("r1.json");
        try (var h = harness(file)) {
            h.open();
            h.processElement(delta(Stream.CONTACT_EVENTS, Outcome.READ, 10));
            h.processElement(delta(Stream.CONTACT_EVENTS, Outcome.ACCEPTED, 8));
            h.processElement(delta(Stream.CONTACT_EVENTS, Outcome.DUPLICATE, 1));
            h.processElement(delta(Stream.CONTACT_EVENTS, Outcome.of(QuarantineReason.MALFORMED_JSON), 1));
            h.snapshot(1, 1);
            h.processElement(delta(Stream.SURVEY_RESPONSES, Outcome.READ, 5));
            assertThat(file).doesNotExist();

            h.notifyOfCompletedCheckpoint(1);
            RunSummary first = read(file);
            assertThat(first.status()).isEqualTo("running");
            assertThat(first.get(Stream.CONTACT_EVENTS, Outcome.READ)).isEqualTo(10);
            assertThat(first.get(Stream.SURVEY_RESPONSES, Outcome.READ)).as("after the checkpoint: not yet").isZero();
            assertThat(first.balanced()).isTrue();

            h.processElement(delta(Stream.SURVEY_RESPONSES, Outcome.ACCEPTED, 5));
            h.endInput();
            h.snapshot(2, 2);
            h.notifyOfCompletedCheckpoint(2);
            RunSummary last = read(file);
            assertThat(last.status()).isEqualTo("complete");
            assertThat(last.total(Outcome.READ)).isEqualTo(15);
            assertThat(last.rejected(Stream.CONTACT_EVENTS, QuarantineReason.MALFORMED_JSON)).isEqualTo(1);
            assertThat(last.balanced()).isTrue();
            assertThat(Files.readString(file)).contains("\"malformed_json\" : 1", "\"balanced\" : true");
        }
    }

    @Test
    void totalsSurviveARestore() throws Exception {
        Path file = dir.resolve("r1.json");
        OperatorSubtaskState snapshot;
        try (var h = harness(file)) {
            h.open();
            h.processElement(delta(Stream.CONTACT_EVENTS, Outcome.READ, 10));
            snapshot = h.snapshot(1, 1);
            h.processElement(delta(Stream.CONTACT_EVENTS, Outcome.READ, 99)); // lost with the failure
        }
        try (var h = harness(file)) {
            h.setup();
            h.initializeState(snapshot);
            h.open();
            h.processElement(delta(Stream.CONTACT_EVENTS, Outcome.READ, 5));
            h.endInput();
            h.snapshot(2, 2);
            h.notifyOfCompletedCheckpoint(2);
            assertThat(read(file).get(Stream.CONTACT_EVENTS, Outcome.READ)).isEqualTo(15);
        }
    }
}
