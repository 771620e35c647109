package com.callpulse.reconcile;

import com.callpulse.model.Stream;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TallyOperatorTest {
    private static OneInputStreamOperatorTestHarness<Stream, Stream> harness() throws Exception {
        return new OneInputStreamOperatorTestHarness<>(new TallyOperator<Stream>((s, t) -> t.add(s, Outcome.READ)));
    }

    private static List<String> deltas(OneInputStreamOperatorTestHarness<Stream, Stream> h) {
        return Optional.ofNullable(h.getSideOutput(TallyOperator.DELTAS)).stream().flatMap(Collection::stream)
                .map(r -> r.getValue().toString()).toList();
    }

    @Test
    void passesRecordsThroughAndFlushesCountsBeforeEachBarrierAndAtTheEnd() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement(new StreamRecord<>(Stream.CONTACT_EVENTS));
            h.processElement(new StreamRecord<>(Stream.CONTACT_EVENTS));
            h.processElement(new StreamRecord<>(Stream.SURVEY_RESPONSES));
            assertThat(h.extractOutputValues()).hasSize(3);
            assertThat(deltas(h)).isEmpty();

            h.prepareSnapshotPreBarrier(1);
            assertThat(deltas(h)).containsExactly("contact_events.read+2", "survey_responses.read+1");
            h.prepareSnapshotPreBarrier(2);
            assertThat(deltas(h)).as("nothing new, nothing sent").hasSize(2);

            h.processElement(new StreamRecord<>(Stream.CONTACT_EVENTS));
            h.endInput();
            assertThat(deltas(h)).containsExactly("contact_events.read+2", "survey_responses.read+1", "contact_events.read+1");
        }
    }
}
