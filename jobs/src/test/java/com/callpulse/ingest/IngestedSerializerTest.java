package com.callpulse.ingest;

import com.callpulse.model.AgentState;
import com.callpulse.model.ContactEventType;
import com.callpulse.model.ContactRecord;
import com.callpulse.model.CustomerSegment;
import com.callpulse.model.OfferFlowType;
import com.callpulse.model.OfferOutcome;
import com.callpulse.model.QuarantineReason;
import com.callpulse.model.SelfServiceChannel;
import com.callpulse.model.Stream;
import com.callpulse.testing.Fixtures;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

class IngestedSerializerTest {
    private final TypeSerializer<Ingested> serializer = TypeInformation.of(Ingested.class).createSerializer(new SerializerConfigImpl());

    private Ingested roundTrip(Ingested r) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(r, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    @Test
    void flinkUsesTheEnvelopeSerializerNotKryo() {
        assertThat(serializer).isInstanceOf(IngestedSerializer.class);
    }

    @Test
    void everyStreamsEventSurvivesTheTrip() throws Exception {
        ContactRecord full = Fixtures.contactRecord("cr-1", T0, "c-1");
        full.callerNumber = null;
        full.callerKey = "0123456789abcdef0123456789abcdef";
        full.remoteSeat = true;
        full.customerSegment = CustomerSegment.GOLD;
        full.selfServiceRecommended = SelfServiceChannel.SMS_LINK;
        full.offerProduct = "fttr_broadband";
        full.offerFlowType = OfferFlowType.PRE_HANDLING_DELIVERY;
        full.offerOutcome = OfferOutcome.ACCEPTED;
        var agent = Fixtures.agentState("as-1", T0, "a-1", AgentState.READY);
        agent.skills = new String[] {"broadband", "vip", "其他"};
        List<Ingested> records = List.of(
                Ingested.accepted(Stream.CONTACT_EVENTS, "f.jsonl", 3, Fixtures.contactEvent("ce-1", T0, "c-1", ContactEventType.ANSWERED)),
                Ingested.accepted(Stream.CONTACT_RECORDS, "t-1", 99, full),
                Ingested.accepted(Stream.AGENT_STATE_EVENTS, "f", 1, agent),
                Ingested.accepted(Stream.COMPLAINT_EVENTS, "f", 1, Fixtures.complaintOpened("co-1", T0, "k-1")),
                Ingested.accepted(Stream.SURVEY_RESPONSES, "f", 1, Fixtures.survey("sv-1", T0, "c-1")));
        for (Ingested r : records) {
            r.late = r.stream == Stream.CONTACT_RECORDS;
            r.streamTime = T0 + 5;
            Ingested back = roundTrip(r);
            assertThat(back.stream).isEqualTo(r.stream);
            assertThat(back.event()).isEqualTo(r.event());
            assertThat(back.origin).isEqualTo(r.origin);
            assertThat(back.position).isEqualTo(r.position);
            assertThat(back.eventTime).isEqualTo(r.eventTime);
            assertThat(back.streamTime).isEqualTo(T0 + 5);
            assertThat(back.late).isEqualTo(r.late);
            assertThat(back.isRefused()).isFalse();
        }
    }

    @Test
    void aRefusedRecordKeepsItsReasonAndText() throws Exception {
        Ingested r = Ingested.refused(Stream.SURVEY_RESPONSES, "f", 7, QuarantineReason.MALFORMED_JSON, "malformed JSON: x", "{\"a\":");
        r.tenantId = "cmcc-ah";
        Ingested back = roundTrip(r);
        assertThat(back.reason).isEqualTo(QuarantineReason.MALFORMED_JSON);
        assertThat(back.detail).isEqualTo("malformed JSON: x");
        assertThat(back.raw).isEqualTo("{\"a\":");
        assertThat(back.tenantId).isEqualTo("cmcc-ah");
        assertThat(back.eventId).isNull();
        assertThat(back.event()).isNull();
        assertThat(back.eventTime).isEqualTo(Long.MIN_VALUE);

        Ingested dup = Ingested.accepted(Stream.CONTACT_EVENTS, "f", 9, Fixtures.contactEvent("ce-9", T0, "c-9", ContactEventType.ARRIVED));
        dup.refuse(QuarantineReason.DUPLICATE, "already accepted", new com.callpulse.schema.EventJsonWriter((record, ms) -> 0));
        Ingested dupBack = serializer.copy(dup);
        assertThat(dupBack.reason).isEqualTo(QuarantineReason.DUPLICATE);
        assertThat(dupBack.event()).isEqualTo(dup.event());
        assertThat(dupBack.eventId).isEqualTo("ce-9");
        assertThat(dupBack.raw).as("a quarantined record keeps its content").startsWith("{\"event_id\":\"ce-9\"").contains("\"occurred_at\":\"2026-11-20T01:00:00.000Z\"");
    }
}
