package com.callpulse.metrics.satisfaction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The arithmetic of satisfaction_intervals: CSAT as the top-two-box share, NPS, resolved rate. */
class SatisfactionIntervalsTest {
    private final SatisfactionIntervals metric = new SatisfactionIntervals();

    private static SurveyedContact answer(Integer csat, Integer nps, Boolean resolved) {
        SurveyedContact s = new SurveyedContact();
        s.tenantId = "cmcc-ah";
        s.answeredAt = T0;
        s.agentId = "a-1";
        s.csat = csat;
        s.nps = nps;
        s.resolved = resolved;
        s.contactFound = csat != null;
        return s;
    }

    @Test
    void csatIsTheShareOfFourAndFiveAndNpsIsPromotersMinusDetractors() {
        SatisfactionInterval row = new SatisfactionInterval();
        List<SurveyedContact> answers = List.of(answer(5, 10, true), answer(4, 9, true), answer(3, 8, false), answer(1, 0, false),
                answer(null, 6, null));
        for (SurveyedContact a : answers) {
            metric.add(a, t -> row);
        }
        row.complete();
        assertThat(row.responses).isEqualTo(5);
        assertThat(row.withoutContactRecord).isEqualTo(1);
        assertThat(row.csatResponses).isEqualTo(4);
        assertThat(row.csat).isEqualTo(0.5);
        assertThat(row.csatAverage).isEqualTo(13 / 4.0);
        assertThat(row.promoters).isEqualTo(2);
        assertThat(row.passives).isEqualTo(1);
        assertThat(row.detractors).isEqualTo(2);
        assertThat(row.nps).isCloseTo(0.0, within(1e-12));
        assertThat(row.resolvedRate).isEqualTo(0.5);
    }

    @Test
    void ratiosWithoutAnswersAreAbsentNotZero() {
        SatisfactionInterval row = new SatisfactionInterval();
        metric.add(answer(null, null, true), t -> row);
        row.complete();
        assertThat(row.csat).isNull();
        assertThat(row.nps).isNull();
        assertThat(row.resolvedRate).isEqualTo(1.0);
    }
}
