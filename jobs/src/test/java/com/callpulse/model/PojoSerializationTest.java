package com.callpulse.model;

import com.callpulse.ingest.LatenessGate;
import com.callpulse.lake.QuarantineRecord;
import com.callpulse.reconcile.TallyDelta;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;

/** Everything that crosses the network or sits in state is a Flink POJO: no Kryo fallback, fast and evolvable. */
class PojoSerializationTest {
    @ParameterizedTest
    @ValueSource(classes = {ContactEvent.class, ContactRecord.class, AgentStateEvent.class, ComplaintEvent.class, SurveyResponse.class,
            QuarantineRecord.class, TallyDelta.class, LatenessGate.OriginProgress.class})
    void isSerializedAsAPojoWithoutKryo(Class<?> type) {
        assertSerializedAsPojoWithoutKryo(type);
    }
}
