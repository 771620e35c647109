package com.callpulse.metrics.complaint;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.ComplaintPolicy;
import com.callpulse.model.ComplaintAction;
import com.callpulse.model.ComplaintEvent;
import com.callpulse.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static com.callpulse.metrics.complaint.Complaints.HOUR;
import static com.callpulse.metrics.complaint.Complaints.local;
import static com.callpulse.model.ComplaintAction.AWAITING_CUSTOMER;
import static com.callpulse.model.ComplaintAction.CLOSED;
import static com.callpulse.model.ComplaintAction.CONFIRMED;
import static com.callpulse.model.ComplaintAction.CUSTOMER_CONTACTED;
import static com.callpulse.model.ComplaintAction.CUSTOMER_RESPONDED;
import static com.callpulse.model.ComplaintAction.REOPENED;
import static com.callpulse.model.ComplaintAction.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The SLA clock, deadlines, escalations and resolutions of single complaints, without Flink. */
class ComplaintTimelineTest {
    private static final CallPulseConfig CONFIG = CallPulseConfig.defaults();
    private static final long T0 = Fixtures.T0; // 09:00 Shanghai, 2026-11-20
    private final Complaints c = new Complaints("cmcc-ah", "CP1");
    private final List<ComplaintEvent> events = new ArrayList<>();

    private ComplaintEvent add(ComplaintEvent e) {
        events.add(e);
        return e;
    }

    private ComplaintEvent add(ComplaintAction action, long at) {
        return add(c.event(action, at));
    }

    private ComplaintTimeline timeline(String tenant) {
        ComplaintStep[] steps = events.stream().map(Complaints::step).toArray(ComplaintStep[]::new);
        return of(steps, tenant);
    }

    private static ComplaintTimeline of(ComplaintStep[] steps, String tenant) {
        ComplaintStep opening = ComplaintTimeline.opening(steps);
        ComplaintPolicy policy = opening == null ? null : CONFIG.metrics().complaintPolicies().get(opening.deadlinePolicy);
        return ComplaintTimeline.of(steps, policy, BusinessClock.of(CONFIG.tenant(tenant)), BusinessClock.aroundTheClock());
    }

    private ComplaintTimeline timeline() {
        return timeline("cmcc-ah");
    }

    @Test
    void aResolutionBeforeTheDeadlineIsOnTime() {
        add(c.opened(T0, "standard-48h"));
        add(CUSTOMER_CONTACTED, T0 + 2 * HOUR);
        add(RESOLVED, T0 + 30 * HOUR);
        ComplaintTimeline t = timeline();
        assertThat(t.resolutions()).containsExactly(new ComplaintTimeline.Resolution(T0 + 30 * HOUR, 0, true, 30 * HOUR));
        assertThat(t.breach()).isNull();
        assertThat(t.escalations()).isEmpty();
        assertThat(t.deadlineAt()).as("where 48 h would have ended").isEqualTo(T0 + 48 * HOUR);
        assertThat(t.resolved()).isTrue();
        assertThat(t.closed()).isFalse();
    }

    @Test
    void aResolutionAtTheDeadlineItselfIsStillOnTime() {
        add(c.opened(T0, "standard-48h"));
        add(RESOLVED, T0 + 48 * HOUR);
        assertThat(timeline().resolutions()).singleElement().satisfies(r -> assertThat(r.onTime()).isTrue());
        assertThat(timeline().breach()).isNull();
    }

    @Test
    void anOpenComplaintIsProjectedToEscalateEveryIntervalUpToTheMaximumLevel() {
        add(c.opened(T0, "standard-48h")); // 48 h, then every 24 h, max level 3
        add(c.assigned(T0 + HOUR, "cmp-hefei-1"));
        ComplaintTimeline t = timeline();
        assertThat(t.escalations()).extracting(ComplaintTimeline.Escalation::level, ComplaintTimeline.Escalation::at,
                        ComplaintTimeline.Escalation::cause, ComplaintTimeline.Escalation::projected)
                .containsExactly(tuple(1, T0 + 48 * HOUR, EscalationCause.DEADLINE, true),
                        tuple(2, T0 + 72 * HOUR, EscalationCause.DEADLINE, true),
                        tuple(3, T0 + 96 * HOUR, EscalationCause.DEADLINE, true));
        assertThat(t.escalations()).extracting(ComplaintTimeline.Escalation::assignedTo).containsOnly("cmp-hefei-1");
        assertThat(t.breach()).isEqualTo(new ComplaintTimeline.Breach(T0 + 48 * HOUR, 0, true));
        // what the watermark has reached is reported; the end of the input reaches nothing new
        assertThat(t.reportedEscalations(T0 + 80 * HOUR, false)).extracting(ComplaintTimeline.Escalation::level).containsExactly(1, 2);
        assertThat(t.reportedEscalations(T0 + 80 * HOUR, true)).extracting(ComplaintTimeline.Escalation::level).containsExactly(1, 2);
        assertThat(t.nextReport(T0 + 80 * HOUR)).isEqualTo(T0 + 96 * HOUR);
        assertThat(t.nextReport(T0 + 96 * HOUR)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void waitingForTheCustomerPausesTheClockWhereThePolicySaysSo() {
        add(c.opened(T0, "standard-48h"));
        add(AWAITING_CUSTOMER, T0 + 10 * HOUR);
        add(CUSTOMER_RESPONDED, T0 + 20 * HOUR);
        add(RESOLVED, T0 + 55 * HOUR);
        ComplaintTimeline t = timeline();
        assertThat(t.resolutions()).singleElement().isEqualTo(new ComplaintTimeline.Resolution(T0 + 55 * HOUR, 0, true, 45 * HOUR));
        assertThat(t.deadlineAt()).as("moved by the 10 h paused").isEqualTo(T0 + 58 * HOUR);
    }

    @Test
    void anUrgentPolicyDoesNotPause() {
        add(c.opened(T0, "urgent-24h"));
        add(AWAITING_CUSTOMER, T0 + 10 * HOUR);
        add(CUSTOMER_RESPONDED, T0 + 20 * HOUR);
        add(RESOLVED, T0 + 25 * HOUR);
        ComplaintTimeline t = timeline();
        assertThat(t.breach()).isEqualTo(new ComplaintTimeline.Breach(T0 + 24 * HOUR, 0, false));
        assertThat(t.escalations()).extracting(ComplaintTimeline.Escalation::level, ComplaintTimeline.Escalation::at)
                .containsExactly(tuple(1, T0 + 24 * HOUR));
        assertThat(t.resolutions()).singleElement().isEqualTo(new ComplaintTimeline.Resolution(T0 + 25 * HOUR, 1, false, 25 * HOUR));
    }

    @Test
    void aReopenResumesTheClockWhereTheResolutionStoppedIt() {
        add(c.opened(T0, "standard-48h"));
        add(RESOLVED, T0 + 30 * HOUR);     // 30 h used, on time
        add(REOPENED, T0 + 50 * HOUR);     // 18 h left: the deadline is now T0 + 68 h
        add(RESOLVED, T0 + 70 * HOUR);
        add(CLOSED, T0 + 71 * HOUR);
        ComplaintTimeline t = timeline();
        assertThat(t.resolutions()).containsExactly(new ComplaintTimeline.Resolution(T0 + 30 * HOUR, 0, true, 30 * HOUR),
                new ComplaintTimeline.Resolution(T0 + 70 * HOUR, 1, false, 50 * HOUR));
        assertThat(t.breach()).isEqualTo(new ComplaintTimeline.Breach(T0 + 68 * HOUR, 0, false));
        assertThat(t.reopens()).containsExactly(new ComplaintTimeline.Mark(T0 + 50 * HOUR, 0));
        assertThat(t.closes()).containsExactly(new ComplaintTimeline.Mark(T0 + 71 * HOUR, 1));
        assertThat(t.finalResolution().at()).isEqualTo(T0 + 70 * HOUR);
        assertThat(t.closedAt()).isEqualTo(T0 + 71 * HOUR);
    }

    @Test
    void theSourcesEscalationAtTheDeadlineInstantIsTheSameEscalationNotASecondOne() {
        add(c.opened(T0, "standard-48h"));
        add(c.escalated(T0 + 48 * HOUR, 1, "sup-hefei"));
        ComplaintTimeline t = timeline();
        assertThat(t.escalations()).extracting(ComplaintTimeline.Escalation::level, ComplaintTimeline.Escalation::cause,
                        ComplaintTimeline.Escalation::assignedTo)
                .containsExactly(tuple(1, EscalationCause.SOURCE, "sup-hefei"), tuple(2, EscalationCause.DEADLINE, "sup-hefei"),
                        tuple(3, EscalationCause.DEADLINE, "sup-hefei"));
        assertThat(t.breach().at()).isEqualTo(T0 + 48 * HOUR);
    }

    @Test
    void anEarlierEscalationByTheSourceIsNotRaisedAgainByTheDeadlines() {
        add(c.opened(T0, "standard-48h"));
        add(c.escalated(T0 + 10 * HOUR, 2, "complaints-manager")); // straight to 2: levels 1 and 2 at once
        add(c.escalated(T0 + 11 * HOUR, 1, "sup-hefei"));          // an older level: nothing
        add(RESOLVED, T0 + 100 * HOUR);
        ComplaintTimeline t = timeline();
        assertThat(t.escalations()).extracting(ComplaintTimeline.Escalation::level, ComplaintTimeline.Escalation::at,
                        ComplaintTimeline.Escalation::cause)
                .containsExactly(tuple(1, T0 + 10 * HOUR, EscalationCause.SOURCE), tuple(2, T0 + 10 * HOUR, EscalationCause.SOURCE),
                        tuple(3, T0 + 96 * HOUR, EscalationCause.DEADLINE));
        assertThat(t.breach()).as("the deadline still passed, at level 2").isEqualTo(new ComplaintTimeline.Breach(T0 + 48 * HOUR, 2, false));
        assertThat(t.resolutions()).singleElement().satisfies(r -> {
            assertThat(r.level()).isEqualTo(3);
            assertThat(r.onTime()).isFalse();
        });
    }

    @Test
    void repeatedUpdatesChangeNothing() {
        ComplaintEvent opened = add(c.opened(T0, "standard-48h"));
        ComplaintEvent resolved = add(RESOLVED, T0 + 30 * HOUR);
        add(CONFIRMED, T0 + 31 * HOUR);
        add(CLOSED, T0 + 32 * HOUR);
        List<ComplaintFact> once = timeline().facts("cmcc-ah", Long.MAX_VALUE, true);
        add(c.repeat(opened, T0 + 5 * HOUR));       // an opened seen again, later: the earliest is the opening
        add(c.repeat(resolved, T0 + 31 * HOUR));    // a second resolved while resolved
        add(c.repeat(resolved, T0 + 40 * HOUR));    // ... and after the close
        add(CONFIRMED, T0 + 33 * HOUR);
        add(CLOSED, T0 + 34 * HOUR);
        List<ComplaintFact> repeated = timeline().facts("cmcc-ah", Long.MAX_VALUE, true);
        assertThat(repeated).usingElementComparator((a, b) -> a.sameAs(b) ? 0 : 1).containsExactlyInAnyOrderElementsOf(once);
        assertThat(once).extracting(f -> f.kind).containsExactly(ComplaintFact.Kind.OPENED, ComplaintFact.Kind.RESOLVED,
                ComplaintFact.Kind.CONFIRMED, ComplaintFact.Kind.CLOSED);
    }

    @Test
    void theTimelineIsTheSameWhateverOrderTheEventsArriveIn() {
        add(c.opened(T0, "standard-48h"));
        add(c.assigned(T0 + HOUR, "cmp-hefei-2"));
        add(AWAITING_CUSTOMER, T0 + 3 * HOUR);
        add(CUSTOMER_RESPONDED, T0 + 9 * HOUR);
        add(c.escalated(T0 + 54 * HOUR, 1, "sup-hefei"));
        add(RESOLVED, T0 + 60 * HOUR);
        add(REOPENED, T0 + 70 * HOUR);
        add(RESOLVED, T0 + 75 * HOUR);
        add(CONFIRMED, T0 + 76 * HOUR);
        add(CLOSED, T0 + 77 * HOUR);
        ComplaintStep[] steps = events.stream().map(Complaints::step).toArray(ComplaintStep[]::new);
        String expected = describe(of(steps, "cmcc-ah"));
        // 6 h paused, so the deadline is T0 + 54 h, the instant the source escalated: the source's event comes first
        assertThat(expected).contains("breach=Breach[at=" + (T0 + 54 * HOUR) + ", levelBefore=1");
        Random r = new Random(7);
        for (int i = 0; i < 50; i++) {
            List<ComplaintStep> shuffled = new ArrayList<>(Arrays.asList(steps));
            Collections.shuffle(shuffled, r);
            assertThat(describe(of(shuffled.toArray(new ComplaintStep[0]), "cmcc-ah"))).isEqualTo(expected);
        }
    }

    private static String describe(ComplaintTimeline t) {
        return "resolutions=" + t.resolutions() + " reopens=" + t.reopens() + " confirmations=" + t.confirmations() + " closes=" + t.closes()
                + " escalations=" + t.escalations() + " breach=" + t.breach() + " deadline=" + t.deadlineAt();
    }

    @Test
    void eventsDatedBeforeTheOpeningCountAtTheOpening() {
        add(c.assigned(T0 - HOUR, "cmp-hefei-1"));
        add(RESOLVED, T0 - 30 * 60_000);
        add(c.opened(T0, "standard-48h"));
        ComplaintTimeline t = timeline();
        assertThat(t.resolutions()).containsExactly(new ComplaintTimeline.Resolution(T0, 0, true, 0));
        assertThat(t.firstEventAt()).isEqualTo(T0 - HOUR);
    }

    @Test
    void withoutAnOpeningThereIsNoClockButTheStepsStillCount() {
        add(c.assigned(T0, "cmp-hefei-1"));
        add(c.escalated(T0 + 50 * HOUR, 1, "sup-hefei"));
        add(RESOLVED, T0 + 60 * HOUR);
        add(CLOSED, T0 + 61 * HOUR);
        ComplaintTimeline t = timeline();
        assertThat(t.openingSeen()).isFalse();
        assertThat(t.facts("cmcc-ah", Long.MAX_VALUE, true)).as("no category, nothing to count").isEmpty();
        assertThat(t.resolutions()).containsExactly(new ComplaintTimeline.Resolution(T0 + 60 * HOUR, 1, null, 0));
        assertThat(t.escalations()).extracting(ComplaintTimeline.Escalation::cause).containsExactly(EscalationCause.SOURCE);
        assertThat(t.deadlineAt()).isNull();
        assertThat(t.closedAt()).isEqualTo(T0 + 61 * HOUR);
    }

    @Test
    void aBusinessHoursPolicyCountsOnlyTheTenantsBusinessHoursAndTheDeadlineIsTheClosingInstant() {
        Complaints eu = new Complaints("roam-eu", "CP-EU");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        events.add(eu.opened(local("2026-12-25T17:30", berlin), "regulator-5d")); // 60 business hours, every 12 more
        events.add(eu.event(RESOLVED, local("2027-01-02T18:30", berlin)));
        ComplaintTimeline t = timeline("roam-eu");
        assertThat(t.breach().at()).isEqualTo(local("2027-01-02T18:00", berlin));
        assertThat(t.resolutions()).singleElement().satisfies(r -> {
            assertThat(r.onTime()).as("after the deadline, though no business hour passed since").isFalse();
            assertThat(r.clockMillis()).isEqualTo(60 * HOUR);
        });
        events.remove(1);
        events.add(eu.event(CUSTOMER_CONTACTED, local("2027-01-02T18:30", berlin)));
        assertThat(timeline("roam-eu").escalations()).extracting(ComplaintTimeline.Escalation::at).containsExactly(
                local("2027-01-02T18:00", berlin),
                local("2027-01-04T10:00", berlin),  // + 12 h: Sun 10 h, Mon 2 h
                local("2027-01-05T12:00", berlin)); // + 12 h: Mon 8 h, Tue 4 h
    }

    @Test
    void factsCarryTheLevelAtTheTimeAndTheTimeToResolve() {
        add(c.opened(T0, "urgent-24h"));
        add(RESOLVED, T0 + 30 * HOUR);
        add(CONFIRMED, T0 + 31 * HOUR);
        List<ComplaintFact> facts = timeline().facts("cmcc-ah", T0 + 30 * HOUR, false);
        assertThat(facts).extracting(f -> f.kind, f -> f.at, f -> f.level)
                .containsExactly(tuple(ComplaintFact.Kind.OPENED, T0, 0), tuple(ComplaintFact.Kind.RESOLVED, T0 + 30 * HOUR, 1),
                        tuple(ComplaintFact.Kind.BREACHED, T0 + 24 * HOUR, 0), tuple(ComplaintFact.Kind.ESCALATED, T0 + 24 * HOUR, 1));
        ComplaintFact resolved = facts.get(1);
        assertThat(resolved.onTime).isFalse();
        assertThat(resolved.elapsedSeconds).isEqualTo(30 * 3600);
        // 09:00-20:00 on the first day, 08:00-15:00 on the second: 18 business hours
        assertThat(resolved.businessSeconds).isEqualTo(18 * 3600);
        assertThat(facts.get(3).byDeadline).isTrue();
    }
}
