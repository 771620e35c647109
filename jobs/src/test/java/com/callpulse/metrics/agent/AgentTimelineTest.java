package com.callpulse.metrics.agent;

import com.callpulse.model.AgentState;
import com.callpulse.model.NotReadyReason;
import com.callpulse.time.Intervals;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.callpulse.testing.Fixtures.SHANGHAI;
import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic of agent-state time: periods, ties, the cap, interval splitting, late corrections, pruning. */
class AgentTimelineTest {
    private static final long MIN = 60_000;
    private static final long CAP = 12 * 60 * MIN;
    private final Intervals iv = new Intervals(SHANGHAI, 15);
    private final AgentTimeline.Pieces gathered = new AgentTimeline.Pieces();
    private final AgentTimeline t = AgentTimeline.start("cmcc-ah", "a1", T0);
    private int ids;

    private StateMark mark(long at, AgentState state, NotReadyReason reason) {
        StateMark m = new StateMark();
        m.at = at;
        m.state = state;
        m.reason = reason;
        m.teamId = "team-1";
        m.siteId = "hefei";
        m.remoteSeat = false;
        m.eventId = "e" + (++ids);
        return m;
    }

    private List<AgentStatePiece> add(long at, AgentState state) {
        return add(at, state, null);
    }

    private List<AgentStatePiece> add(long at, AgentState state, NotReadyReason reason) {
        t.add(mark(at, state, reason), iv, CAP, gathered);
        return drain();
    }

    private List<AgentStatePiece> emit(long to) {
        t.emit(to, iv, CAP, gathered);
        return drain();
    }

    private List<AgentStatePiece> drain() {
        List<AgentStatePiece> out = new ArrayList<>();
        gathered.drainTo(out::add);
        return out;
    }

    private static String describe(AgentStatePiece p) {
        return (p.intervalStart - T0) / MIN + " " + p.state.code() + (p.reason == null ? "" : "/" + p.reason.code()) + " " + p.millis / 1000.0
                + (p.capped == 0 ? "" : " cut " + p.capped);
    }

    private static List<String> describe(List<AgentStatePiece> pieces) {
        return pieces.stream().map(AgentTimelineTest::describe).toList();
    }

    @Test
    void aStateIsSplitAcrossTheIntervalsItSpans() {
        add(T0 + 10 * MIN, AgentState.READY);
        add(T0 + 40 * MIN, AgentState.LOGOUT);
        // ready 09:10-09:40: 5 min to 09:00, 15 to 09:15, 10 to 09:30
        assertThat(describe(emit(T0 + 45 * MIN))).containsExactly("0 ready 300.0", "15 ready 900.0", "30 ready 600.0");
    }

    @Test
    void statesWithinOneIntervalAreNettedIntoOnePiecePerState() {
        add(T0, AgentState.READY);
        add(T0 + 2 * MIN, AgentState.ON_CONTACT);
        add(T0 + 5 * MIN, AgentState.AFTER_CONTACT_WORK);
        add(T0 + 6 * MIN, AgentState.READY);
        add(T0 + 8 * MIN, AgentState.NOT_READY, NotReadyReason.BREAK);
        add(T0 + 12 * MIN, AgentState.NOT_READY, NotReadyReason.ADMIN);
        assertThat(describe(emit(T0 + 15 * MIN)))
                .containsExactly("0 ready 240.0", "0 on_contact 180.0", "0 after_contact_work 60.0", "0 not_ready/break 240.0", "0 not_ready/admin 180.0");
    }

    @Test
    void atTheSameInstantTheStateLaterInTheLifecycleLastsWhateverTheDeliveryOrder() {
        add(T0, AgentState.ON_CONTACT);
        add(T0, AgentState.READY); // delivered second, ordered first: lasts 0 ms
        add(T0 + 3 * MIN, AgentState.LOGOUT);
        assertThat(describe(emit(T0 + 15 * MIN))).containsExactly("0 on_contact 180.0");
    }

    @Test
    void aStateWithoutANextEventIsCutAtTheCapAndCountedThere() {
        add(T0, AgentState.READY);
        assertThat(t.finished(CAP)).isFalse();
        List<AgentStatePiece> all = new ArrayList<>();
        for (long to = T0 + 15 * MIN; to <= T0 + 13 * 60 * MIN; to += 15 * MIN) {
            all.addAll(emit(to));
        }
        assertThat(all.stream().mapToLong(p -> p.millis).sum()).isEqualTo(CAP);
        assertThat(all).filteredOn(p -> p.capped != 0).singleElement()
                .satisfies(p -> assertThat(p.intervalStart).as("21:00, the interval of the cut").isEqualTo(T0 + 12 * 60 * MIN));
        assertThat(t.finished(CAP)).isTrue();
        assertThat(t.countingEnd(CAP)).isEqualTo(T0 + CAP);
    }

    @Test
    void aLateEventYieldsOnlyTheDifferenceItMakesToTimeAlreadyHandedOn() {
        add(T0, AgentState.READY);
        emit(T0 + 30 * MIN);
        // not ready for a break from 09:10, then ready from 09:25: both arrive after 09:00-09:30 was handed on
        assertThat(describe(add(T0 + 10 * MIN, AgentState.NOT_READY, NotReadyReason.BREAK)))
                .containsExactlyInAnyOrder("0 ready -300.0", "0 not_ready/break 300.0", "15 ready -900.0", "15 not_ready/break 900.0");
        assertThat(describe(add(T0 + 25 * MIN, AgentState.READY)))
                .containsExactlyInAnyOrder("15 ready 300.0", "15 not_ready/break -300.0");
        // a late event that changes nothing yields nothing
        assertThat(add(T0 + 27 * MIN, AgentState.READY)).isEmpty();
        // later time is handed on from the corrected timeline
        assertThat(describe(emit(T0 + 45 * MIN))).containsExactly("30 ready 900.0");
    }

    @Test
    void aLateEventAfterACutStateUndoesTheCut() {
        add(T0, AgentState.READY);
        emit(T0 + 12 * 60 * MIN + 15 * MIN);
        // the logout came 5 minutes before the cut after all
        List<AgentStatePiece> fix = add(T0 + 12 * 60 * MIN - 5 * MIN, AgentState.LOGOUT);
        assertThat(describe(fix)).containsExactlyInAnyOrder("705 ready -300.0", "720 ready 0.0 cut -1");
        assertThat(t.finished(CAP)).isTrue();
    }

    @Test
    void anEventAfterALogoutOrACutStartsASessionWithoutLogin() {
        t.add(mark(T0, AgentState.LOGIN, null), iv, CAP, gathered);
        assertThat(t.startsSessionWithoutLogin(0, CAP)).isFalse();
        assertThat(t.startsSessionWithoutLogin(t.add(mark(T0 + MIN, AgentState.READY, null), iv, CAP, gathered), CAP)).isFalse();
        t.add(mark(T0 + 2 * MIN, AgentState.LOGOUT, null), iv, CAP, gathered);
        assertThat(t.startsSessionWithoutLogin(t.add(mark(T0 + 3 * MIN, AgentState.ON_CONTACT, null), iv, CAP, gathered), CAP)).isTrue();
        assertThat(t.startsSessionWithoutLogin(t.add(mark(T0 + 3 * MIN + CAP + 1, AgentState.READY, null), iv, CAP, gathered), CAP)).isTrue();
    }

    @Test
    void pruningKeepsTheStateInForce() {
        add(T0, AgentState.READY);
        add(T0 + 5 * MIN, AgentState.ON_CONTACT);
        add(T0 + 8 * MIN, AgentState.AFTER_CONTACT_WORK);
        add(T0 + 20 * MIN, AgentState.READY);
        t.prune(T0 + 15 * MIN);
        assertThat(t.marks).extracting(m -> m.state).containsExactly(AgentState.AFTER_CONTACT_WORK, AgentState.READY);
        t.emittedUntil = T0 + 15 * MIN;
        assertThat(describe(emit(T0 + 30 * MIN))).containsExactly("15 after_contact_work 300.0", "15 ready 600.0");
    }

    @Test
    void teamSiteAndSeatComeFromTheEventThatBeganTheState() {
        add(T0, AgentState.READY);
        StateMark moved = mark(T0 + 5 * MIN, AgentState.READY, null);
        moved.teamId = "team-2";
        moved.remoteSeat = true;
        t.add(moved, iv, CAP, gathered);
        assertThat(emit(T0 + 15 * MIN)).extracting(p -> p.teamId + " " + p.remoteSeat + " " + p.millis / 1000)
                .containsExactly("team-1 false 300", "team-2 true 600");
    }
}
