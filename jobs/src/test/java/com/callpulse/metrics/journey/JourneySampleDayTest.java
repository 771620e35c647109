package com.callpulse.metrics.journey;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.generator.Expectation;
import com.callpulse.generator.GeneratorSettings;
import com.callpulse.generator.HotlineSimulator;
import com.callpulse.generator.LineSink;
import com.callpulse.ingest.EventParser;
import com.callpulse.ingest.Ingested;
import com.callpulse.model.ContactOutcome;
import com.callpulse.model.ContactRecord;
import com.callpulse.model.SelfServiceChannel;
import com.callpulse.model.Stream;
import com.callpulse.privacy.Pseudonymizer;
import com.callpulse.testing.Fixtures;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey operator over the sample day's contact records (the committed day's settings), delivered in the
 * generator's emission order (late and out-of-order deliveries included) with a watermark 30 s behind: every
 * handled leg gets exactly one row per window, every recommendation one outcome, the state stays small and is gone
 * at the end. Prints the numbers the metric dictionary reports.
 */
class JourneySampleDayTest {
    private static final long BOUND = 30_000;

    @Test
    void theSampleDayWritesEveryRowOnceWithBoundedStateAndNoneLeftAtTheEnd() throws Exception {
        CallPulseConfig config = CallPulseConfig.defaults();
        GeneratorSettings day = GeneratorSettings.of(LocalDate.parse("2026-11-20"), 1, 10_000, 7, 0.01);
        EventParser parser = Fixtures.parser(config.tenantsById().keySet());
        Pseudonymizer pseudonyms = new Pseudonymizer(Fixtures.SECRET);
        List<ContactRecord> records = new ArrayList<>();
        new HotlineSimulator(day).run(new LineSink() {
            @Override
            public void accept(Stream stream, long emitAt, String key, String line, Expectation e) {
                if (stream == Stream.CONTACT_RECORDS && e.accepted()) {
                    Ingested in = parser.parse(stream, line, "sample", records.size());
                    ContactRecord r = in.contactRecord;
                    if (r.callerNumber != null) {
                        r.callerKey = pseudonyms.pseudonym(r.tenantId, r.callerNumber);
                        r.callerNumber = null;
                    }
                    records.add(r);
                }
            }
        });

        KeyedBroadcastOperatorTestHarness<String, ContactRecord, TenantProgress, ContactRepeat> h = ProcessFunctionTestHarnesses
                .forKeyedBroadcastProcessFunction(new JourneyFunction(JourneySettings.of(config)), new JourneyMetrics.CallerKey(), Types.STRING,
                        JourneyFunction.PROGRESS);
        HeapKeyedStateBackend<?> backend = (HeapKeyedStateBackend<?>) ((AbstractStreamOperator<?>) h.getTwoInputOperator()).getKeyedStateBackend();
        Map<String, Long> through = new HashMap<>();
        long newest = Long.MIN_VALUE;
        int peakEntries = 0;
        int withCaller = 0;
        Set<String> handledLegs = new HashSet<>();
        int recommendations = 0;
        for (int i = 0; i < records.size(); i++) {
            ContactRecord r = records.get(i);
            through.merge(r.tenantId, r.occurredAt, Math::max);
            newest = Math.max(newest, r.occurredAt);
            if (r.callerKey != null) {
                withCaller++;
                h.processElement(r, r.occurredAt);
                if (r.outcome == ContactOutcome.HANDLED && handledLegs.add(r.tenantId + "|" + r.contactId + "|" + r.leg)
                        && r.selfServiceRecommended != null && r.selfServiceRecommended != SelfServiceChannel.NONE) {
                    recommendations++;
                }
            }
            if (i % 200 == 199) { // the progress operator sends before each watermark it forwards
                for (Map.Entry<String, Long> t : through.entrySet()) {
                    h.processBroadcastElement(new TenantProgress(t.getKey(), t.getValue()), t.getValue());
                }
                h.watermark(newest - BOUND);
                peakEntries = Math.max(peakEntries, backend.numKeyValueStateEntries());
            }
        }
        for (Map.Entry<String, Long> t : through.entrySet()) {
            h.processBroadcastElement(new TenantProgress(t.getKey(), t.getValue()), t.getValue());
        }
        h.watermark(newest - BOUND);
        int keys = callers(backend);
        long stateBytes = stateBytes(backend);
        int entriesAtEndOfDay = backend.numKeyValueStateEntries();
        int rowsBeforeTheEnd = h.extractOutputValues().size();

        h.watermark(Long.MAX_VALUE);
        List<ContactRepeat> repeats = h.extractOutputValues();
        List<SelfServiceOutcome> outcomes = h.getSideOutput(JourneyFunction.SELF_SERVICE).stream().map(StreamRecord::getValue).toList();
        System.out.printf("journey sample day: %d contact records, %d with a caller, %d handled legs, %d callers in state at the end of the day"
                + " (%d keyed state entries, peak %d, %d bytes serialized, %.0f per caller); %d contact_repeats rows (%d written before the end,"
                + " %d complete), %d self_service_outcomes rows (%d complete)%n",
                records.size(), withCaller, handledLegs.size(), keys, entriesAtEndOfDay, peakEntries, stateBytes, (double) stateBytes / keys,
                repeats.size(), rowsBeforeTheEnd, repeats.stream().filter(r -> r.complete).count(), outcomes.size(),
                outcomes.stream().filter(o -> o.complete).count());

        assertThat(repeats).hasSize(3 * handledLegs.size());
        assertThat(repeats.stream().map(r -> r.tenantId + "|" + r.contactId + "|" + r.leg + "|" + r.windowHours).distinct()).hasSize(repeats.size());
        assertThat(outcomes).hasSize(recommendations);
        assertThat(outcomes.stream().map(o -> o.tenantId + "|" + o.contactId + "|" + o.leg).distinct()).hasSize(outcomes.size());
        assertThat(repeats).filteredOn(r -> r.complete).isNotEmpty();
        assertThat(repeats).filteredOn(r -> !r.complete).isNotEmpty();
        assertThat(outcomes).extracting(o -> o.outcome).contains(RecommendationOutcome.CALLED_BACK_WITHOUT_USE, RecommendationOutcome.USED_THEN_CALLED_BACK);
        assertThat(keys).as("callers of one day, each held until it can no longer be looked back at").isBetween(1, withCaller);
        assertThat(entriesAtEndOfDay).as("a journey and a wake-up time per caller").isEqualTo(2 * keys);
        assertThat(backend.numKeyValueStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }

    private static int callers(HeapKeyedStateBackend<?> backend) {
        return (int) backend.getKeys("caller journey", VoidNamespace.INSTANCE).count();
    }

    /** The serialized size of every caller's journey: what a checkpoint holds for this operator. */
    private static long stateBytes(HeapKeyedStateBackend<?> backend) throws Exception {
        @SuppressWarnings("unchecked")
        HeapKeyedStateBackend<String> b = (HeapKeyedStateBackend<String>) backend;
        ValueStateDescriptor<CallerJourney> d = new ValueStateDescriptor<>("caller journey", TypeInformation.of(CallerJourney.class));
        TypeSerializer<CallerJourney> serializer = TypeInformation.of(CallerJourney.class).createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(1 << 16);
        List<String> keys = b.getKeys("caller journey", VoidNamespace.INSTANCE).toList();
        long bytes = 0;
        for (String k : keys) {
            b.setCurrentKey(k);
            CallerJourney j = b.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, d).value();
            out.clear();
            serializer.serialize(j, out);
            bytes += out.length() + k.length();
        }
        return bytes;
    }
}
