package com.callpulse.metrics.journey;

import com.callpulse.schema.Column;
import com.callpulse.schema.Doc;
import com.callpulse.schema.RecordSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;
import static org.assertj.core.api.Assertions.assertThat;

/** The family's rows and state are Flink POJOs, and every lake column is documented (the dictionary is generated from it). */
class JourneyRowsTest {
    @ParameterizedTest
    @ValueSource(classes = {ContactRepeat.class, SelfServiceOutcome.class, CallerJourney.class, SeenContact.class, OpenLeg.class, TenantProgress.class})
    void isSerializedAsAPojoWithoutKryo(Class<?> type) {
        assertSerializedAsPojoWithoutKryo(type);
    }

    @ParameterizedTest
    @ValueSource(classes = {ContactRepeat.class, SelfServiceOutcome.class})
    void everyLakeColumnIsDocumented(Class<?> type) {
        assertThat(type.getAnnotation(Doc.class)).isNotNull();
        List<Column> columns = RecordSchema.of(type).lakeColumns();
        assertThat(columns).isNotEmpty().allSatisfy(c -> assertThat(c.doc()).as(c.name()).isNotBlank());
    }
}
