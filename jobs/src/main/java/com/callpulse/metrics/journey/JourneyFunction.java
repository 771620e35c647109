package com.callpulse.metrics.journey;

import com.callpulse.model.ContactRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Follows each caller (keyed by {@code tenant|caller_key}) across contacts and writes {@code contact_repeats} (main
 * output) and {@code self_service_outcomes} (side output {@link #SELF_SERVICE}). The arithmetic is
 * {@link CallerJourney}; this function keeps one per key in state, feeds it records, and wakes it with one
 * event-time timer per key at the next moment a row may be decided or a contact forgotten. The second (broadcast)
 * input is each tenant's {@link TenantProgress}: a window with nothing in it is closed only once its tenant's
 * contact records have passed its end, not merely the watermark, which other streams may drive on after the
 * contact records of a bounded input are over.
 *
 * <p>When the watermark reaches {@link Long#MAX_VALUE} (the end of a bounded input) every open row is written,
 * undecided answers null and {@code complete} false, and the state is gone. In a continuous run state goes when
 * the caller's last contact can no longer be looked back at. Counters: {@code duplicateHandledLegs} (a leg taken
 * twice is ignored), {@code recordsPastSettleMargin} (a record that began more than the settle margin behind the
 * watermark: rows already written are not revised for it), {@code contactsDroppedOverCap},
 * {@code legsCutShortOverCap} ({@link JourneySettings}), {@code rowsOfStalledTenants} (a window
 * due for longer than the longest window whose tenant's records never passed it is written as at the end of input).
 */
public class JourneyFunction extends KeyedBroadcastProcessFunction<String, ContactRecord, TenantProgress, ContactRepeat> {
    private static final long serialVersionUID = 1L;

    /** Newest contact-record occurred_at seen per tenant. */
    public static final MapStateDescriptor<String, Long> PROGRESS =
            new MapStateDescriptor<>("contact records seen through, per tenant", Types.STRING, Types.LONG);
    public static final OutputTag<SelfServiceOutcome> SELF_SERVICE =
            new OutputTag<>("self_service_outcomes", TypeInformation.of(SelfServiceOutcome.class));

    private final JourneySettings settings;
    private transient ValueState<CallerJourney> journeys;
    private transient ValueState<Long> wakeUps;
    private transient Counter duplicates;
    private transient Counter pastMargin;
    private transient Counter dropped;
    private transient Counter cutShort;
    private transient Counter stalled;
    private transient Emitter emitter;

    public JourneyFunction(JourneySettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        journeys = getRuntimeContext().getState(new ValueStateDescriptor<>("caller journey", TypeInformation.of(CallerJourney.class)));
        wakeUps = getRuntimeContext().getState(new ValueStateDescriptor<>("next wake-up", Types.LONG));
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicateHandledLegs");
        pastMargin = getRuntimeContext().getMetricGroup().counter("recordsPastSettleMargin");
        dropped = getRuntimeContext().getMetricGroup().counter("contactsDroppedOverCap");
        cutShort = getRuntimeContext().getMetricGroup().counter("legsCutShortOverCap");
        stalled = getRuntimeContext().getMetricGroup().counter("rowsOfStalledTenants");
        emitter = new Emitter();
    }

    @Override
    public void processElement(ContactRecord r, ReadOnlyContext ctx, Collector<ContactRepeat> out) throws Exception {
        CallerJourney journey = journeys.value();
        if (journey == null) {
            journey = new CallerJourney();
        }
        long wm = ctx.timerService().currentWatermark();
        if (settings.settledAt(r.arrivedAt) < wm) {
            pastMargin.inc();
        }
        if (!journey.add(r, settings)) {
            duplicates.inc();
        }
        journey.evaluate(wm, through(ctx, r.tenantId), false, settings, emitter.to(ctx, out));
        keep(journey, ctx);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ContactRepeat> out) throws Exception {
        wakeUps.clear(); // this timer
        CallerJourney journey = journeys.value();
        if (journey == null) {
            return;
        }
        long wm = ctx.timerService().currentWatermark();
        journey.evaluate(wm, through(ctx, journey.tenantId), wm == Long.MAX_VALUE, settings, emitter.to(ctx, out));
        keep(journey, ctx);
    }

    @Override
    public void processBroadcastElement(TenantProgress p, Context ctx, Collector<ContactRepeat> out) throws Exception {
        BroadcastState<String, Long> progress = ctx.getBroadcastState(PROGRESS);
        Long seen = progress.get(p.tenantId);
        if (seen == null || p.through > seen) {
            progress.put(p.tenantId, p.through);
        }
    }

    private static long through(ReadOnlyContext ctx, String tenant) throws Exception {
        Long t = ctx.getBroadcastState(PROGRESS).get(tenant);
        return t == null ? Long.MIN_VALUE : t;
    }

    /** Stores the journey and sets the key's one timer to its next wake-up; clears both when nothing is left. */
    private void keep(CallerJourney journey, ReadOnlyContext ctx) throws Exception {
        Long registered = wakeUps.value();
        if (journey.isEmpty()) {
            journeys.clear();
            if (registered != null) {
                ctx.timerService().deleteEventTimeTimer(registered);
                wakeUps.clear();
            }
            return;
        }
        journeys.update(journey);
        long next = journey.nextWakeUp(settings);
        if (registered == null || registered != next) {
            if (registered != null) {
                ctx.timerService().deleteEventTimeTimer(registered);
            }
            ctx.timerService().registerEventTimeTimer(next);
            wakeUps.update(next);
        }
    }

    /** Sends the journey's rows to the current call's collector and side output. */
    private final class Emitter implements CallerJourney.Output {
        private ReadOnlyContext ctx;
        private Collector<ContactRepeat> out;

        Emitter to(ReadOnlyContext context, Collector<ContactRepeat> collector) {
            this.ctx = context;
            this.out = collector;
            return this;
        }

        @Override
        public void repeat(ContactRepeat row) {
            out.collect(row);
        }

        @Override
        public void selfService(SelfServiceOutcome row) {
            ctx.output(SELF_SERVICE, row);
        }

        @Override
        public void contactDropped() {
            dropped.inc();
        }

        @Override
        public void cutShort() {
            cutShort.inc();
        }

        @Override
        public void stalled() {
            stalled.inc();
        }
    }
}
