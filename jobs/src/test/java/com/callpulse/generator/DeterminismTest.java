package com.callpulse.generator;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {
    @Test
    void sameSeedGivesTheSameLinesAndDifferentSeedsDifferentOnes() {
        Recording a = Recording.of(1200, 42, 0.02);
        Recording b = Recording.of(1200, 42, 0.02);
        Recording c = Recording.of(1200, 43, 0.02);

        assertThat(a.lines).isNotEmpty();
        assertThat(b.lines).isEqualTo(a.lines);
        assertThat(b.phoneNumbers).isEqualTo(a.phoneNumbers);
        assertThat(texts(c)).isNotEqualTo(texts(a));
    }

    @Test
    void faultsDoNotChangeTheSimulatedDay() {
        // faults draw from their own random stream, so the day behind them stays the same
        Recording clean = Recording.of(800, 5, 0.0);
        Recording faulty = Recording.of(800, 5, 0.05);

        assertThat(faulty.summary.inboundContacts()).isEqualTo(clean.summary.inboundContacts());
        assertThat(faulty.summary.agents()).isEqualTo(clean.summary.agents());
        assertThat(faulty.summary.complaints()).isEqualTo(clean.summary.complaints());
        assertThat(faulty.phoneNumbers).isEqualTo(clean.phoneNumbers);
    }

    private static List<String> texts(Recording r) {
        return r.lines.stream().map(Recording.Line::text).collect(Collectors.toList());
    }
}
