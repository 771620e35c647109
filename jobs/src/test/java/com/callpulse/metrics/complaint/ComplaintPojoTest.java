package com.callpulse.metrics.complaint;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;

/** What the complaint functions keep in state and send between operators is serialized as Flink POJOs, never Kryo. */
class ComplaintPojoTest {
    @ParameterizedTest
    @ValueSource(classes = {ComplaintState.class, ComplaintStep.class, ComplaintFact.class, ComplaintEscalation.class, ComplaintOutcome.class,
            ComplaintInterval.class})
    void isSerializedAsAPojoWithoutKryo(Class<?> type) {
        assertSerializedAsPojoWithoutKryo(type);
    }
}
