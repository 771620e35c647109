package com.callpulse.metrics.agent;

import com.callpulse.model.AgentState;
import com.callpulse.model.NotReadyReason;
import com.callpulse.model.Partitioned;
import com.callpulse.schema.Doc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;
import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic of agent_state_intervals rows, and the agent family's classes as Flink POJOs and lake rows. */
class AgentStateIntervalTest {
    @Test
    void secondsAreSummedExactlyInMillisecondsAndARetractionRestoresThemExactly() {
        AgentStateInterval row = new AgentStateInterval();
        SplittableRandom r = new SplittableRandom(7);
        long[] pieces = r.longs(10_000, 1, 900_000).toArray();
        long total = 0;
        for (long ms : pieces) {
            row.add(AgentState.READY, null, ms);
            total += ms;
        }
        assertThat(row.readySeconds).isEqualTo(total / 1000.0);
        for (long ms : pieces) {
            row.add(AgentState.READY, null, -ms);
        }
        assertThat(row.readySeconds).isEqualTo(0.0);
        assertThat(row.loggedInSeconds).isEqualTo(0.0);
    }

    @Test
    void notReadyTimeCountsInTheTotalAndUnderItsReason() {
        AgentStateInterval row = new AgentStateInterval();
        NotReadyReason[] reasons = NotReadyReason.values();
        for (int i = 0; i < reasons.length; i++) {
            row.add(AgentState.NOT_READY, reasons[i], (i + 1) * 1000L);
        }
        assertThat(new double[] {row.notReadyBreakSeconds, row.notReadyMealSeconds, row.notReadyTrainingSeconds, row.notReadyMeetingSeconds,
            row.notReadyCoachingSeconds, row.notReadyAdminSeconds, row.notReadyTechnicalSeconds, row.notReadyPersonalSeconds})
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(row.notReadySeconds).isEqualTo(36.0);
        assertThat(row.loggedInSeconds).isEqualTo(36.0);
    }

    @Test
    void occupancyCountsAfterContactWorkAsBusyAndUtilizationIsBusyOverLoggedIn() {
        AgentStateInterval row = new AgentStateInterval();
        row.add(AgentState.LOGIN, null, 60_000);
        row.add(AgentState.ON_CONTACT, null, 360_000);
        row.add(AgentState.AFTER_CONTACT_WORK, null, 60_000);
        row.add(AgentState.READY, null, 180_000);
        row.add(AgentState.NOT_READY, NotReadyReason.BREAK, 240_000);
        row.complete();
        // the AWS occupancy example: 6 min on contact + 1 min ACW over those plus 3 min idle
        assertThat(row.occupancy).isEqualTo(0.7);
        assertThat(row.utilization).isEqualTo(420.0 / 900.0);
        AgentStateInterval idle = new AgentStateInterval();
        idle.add(AgentState.NOT_READY, NotReadyReason.MEAL, 60_000);
        idle.complete();
        assertThat(idle.occupancy).as("nothing on contact, nothing ready").isNull();
        assertThat(idle.utilization).isEqualTo(0.0);
    }

    @ParameterizedTest
    @ValueSource(classes = {AgentInterval.class, AgentStateInterval.class, AgentStatePiece.class, StateMark.class, AgentTimeline.class})
    void isSerializedAsAPojoWithoutKryo(Class<?> type) {
        assertSerializedAsPojoWithoutKryo(type);
    }

    @ParameterizedTest
    @ValueSource(classes = {AgentInterval.class, AgentStateInterval.class})
    void everyLakeColumnIsDocumented(Class<? extends Partitioned> row) {
        assertThat(Arrays.stream(row.getFields()).filter(f -> !Modifier.isStatic(f.getModifiers())))
                .allSatisfy(f -> assertThat(f.getAnnotation(Doc.class)).as(f.getName()).isNotNull());
    }

    @Test
    void stateColumnsFollowTheStateCodes() throws NoSuchFieldException {
        for (AgentState s : AgentState.values()) {
            if (s != AgentState.LOGOUT) {
                Field f = AgentStateInterval.class.getField(camel(s.code()) + "Seconds");
                assertThat(f.getType()).isEqualTo(double.class);
            }
        }
        for (NotReadyReason r : NotReadyReason.values()) {
            assertThat(AgentStateInterval.class.getField(camel("not_ready_" + r.code()) + "Seconds").getType()).isEqualTo(double.class);
        }
    }

    private static String camel(String code) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : code.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }
}
