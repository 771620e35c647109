package com.callpulse.metrics.complaint;

import com.callpulse.metrics.IntervalMetric;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How complaint facts change an interval row, and take themselves back. */
class ComplaintIntervalsTest {
    private final ComplaintIntervals metric = new ComplaintIntervals();
    private final ComplaintInterval row = new ComplaintInterval();
    private final IntervalMetric.Rows<ComplaintInterval> rows = t -> row;

    private static ComplaintFact fact(ComplaintFact.Kind kind, int level) {
        return new ComplaintFact("cmcc-ah", "billing_dispute", kind, 0, level);
    }

    @Test
    void aRowIsKeyedByTenantCategoryAndLevel() {
        assertThat(metric.key(fact(ComplaintFact.Kind.ESCALATED, 2))).isEqualTo("cmcc-ah|billing_dispute|2");
        assertThat(metric.tenant(fact(ComplaintFact.Kind.OPENED, 0))).isEqualTo("cmcc-ah");
    }

    @Test
    void factsCountAndTakeThemselvesBack() {
        ComplaintFact late = fact(ComplaintFact.Kind.RESOLVED, 0);
        late.elapsedSeconds = 7200;
        late.businessSeconds = 3600;
        ComplaintFact onTime = fact(ComplaintFact.Kind.RESOLVED, 0);
        onTime.onTime = true;
        onTime.elapsedSeconds = 3600;
        onTime.businessSeconds = 3600;
        ComplaintFact escalated = fact(ComplaintFact.Kind.ESCALATED, 1);
        escalated.byDeadline = true;
        metric.add(fact(ComplaintFact.Kind.OPENED, 0), rows);
        metric.add(late, rows);
        metric.add(onTime, rows);
        metric.add(fact(ComplaintFact.Kind.REOPENED, 0), rows);
        metric.add(escalated, rows);
        metric.add(fact(ComplaintFact.Kind.BREACHED, 0), rows);
        metric.add(escalated.withSign(-1), rows);
        row.complete();
        assertThat(row.opened).isEqualTo(1);
        assertThat(row.resolved).isEqualTo(2);
        assertThat(row.resolvedOnTime).isEqualTo(1);
        assertThat(row.resolveElapsedSeconds).isEqualTo(10800);
        assertThat(row.resolveBusinessSeconds).isEqualTo(7200);
        assertThat(row.breached).isEqualTo(1);
        assertThat(row.escalations).as("added, then taken back").isZero();
        assertThat(row.deadlineEscalations).isZero();
        assertThat(row.onTimeRate).isEqualTo(0.5);
        assertThat(row.meanHoursToResolve).isEqualTo(1.5);
        assertThat(row.meanBusinessHoursToResolve).isEqualTo(1.0);
        assertThat(row.reopenRate).isEqualTo(0.5);
    }

    @Test
    void ratiosAreAbsentWithoutResolutions() {
        metric.add(fact(ComplaintFact.Kind.OPENED, 0), rows);
        row.complete();
        assertThat(row.onTimeRate).isNull();
        assertThat(row.meanHoursToResolve).isNull();
        assertThat(row.reopenRate).isNull();
    }
}
