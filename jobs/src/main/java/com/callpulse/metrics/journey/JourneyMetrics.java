package com.callpulse.metrics.journey;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.lake.LakeSinks;
import com.callpulse.live.LiveSink;
import com.callpulse.model.ContactRecord;
import com.callpulse.pipeline.AcceptedEvents;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Each caller's journey across contacts, from the accepted contact records: {@code contact_repeats} (repeat contacts
 * within each of {@code metrics.repeat_windows}, backward and forward) and {@code self_service_outcomes} (what came of
 * agents' self-service recommendations within {@code metrics.self_service_window}). No live use.
 */
public final class JourneyMetrics {
    private JourneyMetrics() {}

    public static void build(CallPulseConfig config, AcceptedEvents events, LakeSinks lake, LiveSink live) {
        JourneySettings settings = JourneySettings.of(config);
        DataStream<ContactRecord> records = events.contactRecords();
        BroadcastStream<TenantProgress> progress = records
                .transform("journey: contact records seen per tenant", TypeInformation.of(TenantProgress.class), new TenantProgressOperator())
                .uid("journey-tenant-progress")
                .broadcast(JourneyFunction.PROGRESS);
        SingleOutputStreamOperator<ContactRepeat> repeats = records
                .filter(new WithCaller()).name("journey: records with a caller").uid("journey-with-caller")
                .keyBy(new CallerKey())
                .connect(progress)
                .process(new JourneyFunction(settings), TypeInformation.of(ContactRepeat.class))
                .name("metric contact_repeats, self_service_outcomes")
                .uid("metric-journeys");
        lake.table("contact_repeats", ContactRepeat.class, repeats);
        lake.table("self_service_outcomes", SelfServiceOutcome.class, repeats.getSideOutput(JourneyFunction.SELF_SERVICE));
    }

    /** The journey's key: the tenant and the caller's pseudonym (a caller's key differs between tenants anyway). */
    public static final class CallerKey implements KeySelector<ContactRecord, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(ContactRecord r) {
            return r.tenantId + "|" + r.callerKey;
        }
    }

    /**
     * Records without a caller (the number is optional in the contract) cannot belong to a journey: they are
     * counted here ({@code contactRecordsWithoutCaller}) and left out of both tables; every other metric still
     * counts them.
     */
    public static final class WithCaller extends RichFilterFunction<ContactRecord> {
        private static final long serialVersionUID = 1L;
        private transient Counter withoutCaller;

        @Override
        public void open(OpenContext openContext) {
            withoutCaller = getRuntimeContext().getMetricGroup().counter("contactRecordsWithoutCaller");
        }

        @Override
        public boolean filter(ContactRecord r) {
            if (r.callerKey == null || r.callerKey.isEmpty()) {
                withoutCaller.inc();
                return false;
            }
            return true;
        }
    }
}
