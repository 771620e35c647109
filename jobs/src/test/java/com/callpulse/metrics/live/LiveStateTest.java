package com.callpulse.metrics.live;

import com.callpulse.live.LiveMessage;
import com.callpulse.metrics.ServiceLevelVariant;
import com.callpulse.model.AgentState;
import com.callpulse.model.NotReadyReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;
import static org.assertj.core.api.Assertions.assertThat;

/** The live state's plain-Java parts: counters over minutes and days, contacts and agents in any order, the clock, breaches. */
class LiveStateTest {
    private static final long M = 29_000_000; // an epoch minute

    private static long[] delta(int counter, long value) {
        long[] d = new long[QueueWindows.COUNTERS];
        d[counter] = value;
        return d;
    }

    private static long[] sum(QueueWindows w, long from, long to) {
        long[] out = new long[QueueWindows.COUNTERS];
        w.addMinutesTo(from, to, out);
        return out;
    }

    @Test
    void minuteBucketsHoldTheLast30MinutesAndSomeAheadInBoundedMemory() {
        QueueWindows w = QueueWindows.create("general", "voice");
        assertThat(w.addToMinute(M, M, delta(QueueWindows.OFFERED, 1))).isTrue();
        assertThat(w.addToMinute(M - 29, M, delta(QueueWindows.OFFERED, 1))).isTrue();
        assertThat(w.addToMinute(M - 30, M, delta(QueueWindows.OFFERED, 1))).as("older than the longest window").isFalse();
        assertThat(w.addToMinute(M + 34, M, delta(QueueWindows.OFFERED, 1))).isTrue();
        assertThat(w.addToMinute(M + 35, M, delta(QueueWindows.OFFERED, 1))).as("beyond the ring").isFalse();
        assertThat(sum(w, M - 14, M + 34)[QueueWindows.OFFERED]).isEqualTo(2);
        assertThat(sum(w, M - 29, M + 34)[QueueWindows.OFFERED]).isEqualTo(3);
        // 64 minutes later the slot of M is reused: the old minute is gone, not added to
        assertThat(w.addToMinute(M + 64, M + 40, delta(QueueWindows.OFFERED, 5))).isTrue();
        assertThat(sum(w, M, M)[QueueWindows.OFFERED]).isZero();
        assertThat(sum(w, M + 64, M + 64)[QueueWindows.OFFERED]).isEqualTo(5);
        assertThat(w.minutes).hasSize(QueueWindows.RING);
        assertThat(w.buckets).hasSize(QueueWindows.RING * QueueWindows.COUNTERS);
    }

    @Test
    void theLongestWaitIsAMaximumAndEverythingElseASum() {
        QueueWindows w = QueueWindows.create("general", "voice");
        w.addToMinute(M, M, delta(QueueWindows.MAX_WAIT, 40));
        w.addToMinute(M - 1, M, delta(QueueWindows.MAX_WAIT, 90));
        w.addToMinute(M, M, delta(QueueWindows.MAX_WAIT, 10));
        w.addToMinute(M, M, delta(QueueWindows.ANSWERED_WAIT, 10));
        w.addToMinute(M - 1, M, delta(QueueWindows.ANSWERED_WAIT, 10));
        long[] s = sum(w, M - 29, M);
        assertThat(s[QueueWindows.MAX_WAIT]).isEqualTo(90);
        assertThat(s[QueueWindows.ANSWERED_WAIT]).isEqualTo(20);
        assertThat(w.hasCountsIn(M - 1, M - 1)).isTrue();
        assertThat(w.hasCountsIn(M - 5, M - 2)).isFalse();
    }

    @Test
    void daysKeepTheirOwnCountersUntilDropped() {
        QueueWindows w = QueueWindows.create("general", "voice");
        long day = 20_000;
        w.addToDay(day - 1, delta(QueueWindows.ANSWERED, 2));
        w.addToDay(day, delta(QueueWindows.ANSWERED, 3));
        w.addToDay(day + 1, delta(QueueWindows.ANSWERED, 4));
        long[] out = new long[QueueWindows.COUNTERS];
        assertThat(w.addDayTo(day, out)).isTrue();
        assertThat(out[QueueWindows.ANSWERED]).isEqualTo(3);
        assertThat(w.wouldDisplaceDay(day + 2)).as("the slot of day - 1").isTrue();
        assertThat(w.dropDaysBefore(day)).isTrue();
        assertThat(w.hasDay(day - 1)).isFalse();
        assertThat(w.hasDay(day + 1)).isTrue();
        assertThat(w.isEmpty(M)).isFalse();
        w.dropDaysBefore(day + 2);
        assertThat(w.isEmpty(M)).isTrue();
    }

    @Test
    void ratiosComeFromSummedCountersByTheQueuesVariant() {
        long[] c = new long[QueueWindows.COUNTERS];
        c[QueueWindows.OFFERED] = 10;
        c[QueueWindows.ANSWERED] = 6;
        c[QueueWindows.ANSWERED_WITHIN] = 4;
        c[QueueWindows.ABANDONED] = 4;
        c[QueueWindows.ABANDONED_WITHIN] = 3;
        c[QueueWindows.SHORT_ABANDONED] = 2;
        c[QueueWindows.ANSWERED_WAIT] = 120;
        c[QueueWindows.HANDLED] = 5;
        c[QueueWindows.TALK] = 1000;
        c[QueueWindows.HOLD] = 100;
        c[QueueWindows.ACW] = 150;
        assertThat(QueueWindows.serviceLevel(c, ServiceLevelVariant.ANSWERED_WITHIN)).isEqualTo(0.4);
        assertThat(QueueWindows.serviceLevel(c, ServiceLevelVariant.ANSWERED_OR_ABANDONED_WITHIN)).isEqualTo(0.7);
        assertThat(QueueWindows.serviceLevel(c, ServiceLevelVariant.ABANDONS_WITHIN_IGNORED)).isEqualTo(4 / 7.0);
        assertThat(QueueWindows.serviceLevel(c, ServiceLevelVariant.SHORT_ABANDONS_IGNORED)).isEqualTo(0.5);
        assertThat(QueueWindows.asaSeconds(c)).isEqualTo(20.0);
        assertThat(QueueWindows.ahtSeconds(c)).as("per handled leg with a record").isEqualTo(250.0);
        assertThat(QueueWindows.abandonmentRate(c)).isEqualTo(0.4);
        assertThat(QueueWindows.asaSeconds(new long[QueueWindows.COUNTERS])).isNull();
    }

    @Test
    void aContactWaitsOnlyInTheQueueOfItsNewestLegUntilItLeavesOrEnds() {
        LiveContact c = new LiveContact();
        assertThat(c.onQueued("general", "voice", 1000)).isTrue();
        assertThat(c.waiting).isTrue();
        assertThat(c.onExit("billing", 2000)).as("another queue").isFalse();
        assertThat(c.waitedSeconds("general", 31_400)).isEqualTo(30);
        assertThat(c.onExit("general", 3000)).isTrue();
        assertThat(c.waiting).isFalse();
        assertThat(c.onQueued("general", "voice", 500)).as("an older leg arriving late").isFalse();
        assertThat(c.waiting).isFalse();
        assertThat(c.onQueued("billing", "voice", 5000)).as("leg 2").isTrue();
        assertThat(c.waiting).isTrue();
        assertThat(c.onEnded(9000)).as("ended while waiting: its exit is missing").isTrue();
        assertThat(c.waiting).isFalse();

        LiveContact reordered = new LiveContact();
        reordered.onExit("general", 2000);
        reordered.onQueued("general", "voice", 1000);
        assertThat(reordered.waiting).as("the exit came first").isFalse();
        LiveContact endedFirst = new LiveContact();
        endedFirst.onEnded(2000);
        endedFirst.onQueued("general", "voice", 1000);
        assertThat(endedFirst.waiting).isFalse();
    }

    @Test
    void anAgentsNewestEventDecidesAndItsNewestLoginGivesTheSkills() {
        LiveAgent a = new LiveAgent();
        assertThat(a.apply(AgentState.READY, null, null, 2000)).isTrue();
        assertThat(a.skills).isNull();
        assertThat(a.apply(AgentState.LOGIN, null, new String[] {"general"}, 1000)).as("skills from a late login").isTrue();
        assertThat(a.state).isEqualTo(AgentState.READY);
        assertThat(a.hasSkill("general")).isTrue();
        assertThat(a.apply(AgentState.NOT_READY, NotReadyReason.MEAL, null, 1500)).as("older than ready").isFalse();
        assertThat(a.apply(AgentState.NOT_READY, NotReadyReason.MEAL, null, 3000)).isTrue();
        assertThat(a.reason).isEqualTo(NotReadyReason.MEAL);
        assertThat(a.stateSince).isEqualTo(3000);
        assertThat(a.apply(AgentState.NOT_READY, NotReadyReason.MEAL, null, 3500)).as("the same state again").isFalse();
        assertThat(a.stateSince).as("time in state counts from its start").isEqualTo(3000);
        assertThat(a.apply(AgentState.NOT_READY, NotReadyReason.BREAK, null, 3600)).as("another reason").isTrue();
        assertThat(a.stateSince).isEqualTo(3600);
        assertThat(a.apply(AgentState.NOT_READY, NotReadyReason.BREAK, null, 3900)).isFalse();
        assertThat(a.apply(AgentState.READY, null, null, 3700)).as("a late event of another state inside the run").isTrue();
        assertThat(a.state).isEqualTo(AgentState.NOT_READY);
        assertThat(a.stateSince).as("the break began again after it").isEqualTo(3900);
        assertThat(a.apply(AgentState.ON_CONTACT, null, null, 3800)).as("before the new start").isFalse();
        assertThat(a.apply(AgentState.LOGOUT, null, null, 4000)).isTrue();
        assertThat(a.loggedIn()).isFalse();
    }

    @Test
    void anAgentsTeamIsTheNewestOneNamed() {
        LiveAgent a = new LiveAgent();
        assertThat(a.team(null, 1000)).isFalse();
        assertThat(a.team("t1", 2000)).isTrue();
        assertThat(a.team("t1", 3000)).isFalse();
        assertThat(a.team("t0", 1500)).as("an older event's team").isFalse();
        assertThat(a.team("t2", 4000)).isTrue();
        assertThat(a.teamId).isEqualTo("t2");
    }

    @Test
    void theClockIsTheSecondNewestTimeSoOneRunawayEventCannotMoveIt() {
        LiveTenant t = new LiveTenant();
        assertThat(t.observe(1000)).isEqualTo(1000);
        assertThat(t.observe(2000)).isEqualTo(1000);
        assertThat(t.observe(99_000_000)).as("an event from a clock far ahead").isEqualTo(2000);
        assertThat(t.observe(3000)).isEqualTo(3000);
        assertThat(t.observe(2500)).as("older: changes nothing").isEqualTo(3000);
        assertThat(t.observe(3000)).as("a second event at the same time").isEqualTo(3000);
    }

    @Test
    void aBreachOpensBelowTheTargetWithVolumeAndClosesAboveTheClearLevel() {
        assertThat(ServiceLevelBreach.evaluate(false, 0.5, 9, 0.8)).isEqualTo(ServiceLevelBreach.Decision.NONE);
        assertThat(ServiceLevelBreach.evaluate(false, 0.5, 10, 0.8)).isEqualTo(ServiceLevelBreach.Decision.RAISE);
        assertThat(ServiceLevelBreach.evaluate(false, 0.8, 50, 0.8)).isEqualTo(ServiceLevelBreach.Decision.NONE);
        assertThat(ServiceLevelBreach.evaluate(true, 0.84, 50, 0.8)).isEqualTo(ServiceLevelBreach.Decision.NONE);
        assertThat(ServiceLevelBreach.evaluate(true, 0.85, 50, 0.8)).isEqualTo(ServiceLevelBreach.Decision.CLEAR);
        assertThat(ServiceLevelBreach.evaluate(true, null, 0, 0.8)).isEqualTo(ServiceLevelBreach.Decision.CLEAR);
        assertThat(ServiceLevelBreach.clearLevel(0.98)).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(classes = {LiveInput.class, LiveTenant.class, LiveQueue.class, QueueWindows.class, LiveContact.class, LiveWait.class, LiveAgent.class,
        LiveMessage.class})
    void isSerializedAsAPojoWithoutKryo(Class<?> type) {
        assertSerializedAsPojoWithoutKryo(type);
    }
}
