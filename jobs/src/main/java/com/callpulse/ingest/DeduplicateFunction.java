package com.callpulse.ingest;

import com.callpulse.model.QuarantineReason;
import com.callpulse.schema.EventJsonWriter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keeps the first delivery of each event id (keyed by stream, tenant and id) and sends later ones to
 * {@link #QUARANTINE} as duplicates. An id is remembered until the watermark passes its occurred_at plus the
 * horizon (watermark bound + allowed lateness); the lateness gate refuses anything older than that, so a
 * duplicate can never slip in after its id was forgotten. The event-time timer is the state's TTL: state stays
 * bounded by the event rate times the horizon.
 *
 * <p>As a last guard (a partition that was idle and wakes up with old data), an event whose horizon the
 * watermark has already passed is refused as too late rather than accepted unchecked.
 */
public class DeduplicateFunction extends KeyedProcessFunction<String, Ingested, Ingested> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<Ingested> QUARANTINE = new OutputTag<>("duplicates and too late") {};

    private final long horizonMillis;
    private transient ValueState<Boolean> seen;
    private transient EventJsonWriter json;

    public DeduplicateFunction(long horizonMillis) {
        this.horizonMillis = horizonMillis;
    }

    @Override
    public void open(OpenContext openContext) {
        seen = getRuntimeContext().getState(new ValueStateDescriptor<>("event id seen", Boolean.class));
        json = new EventJsonWriter((record, ms) -> 0);
    }

    @Override
    public void processElement(Ingested r, Context ctx, Collector<Ingested> out) throws Exception {
        if (seen.value() != null) {
            r.refuse(QuarantineReason.DUPLICATE, "event_id '" + r.event().eventId + "' was already accepted", json);
            ctx.output(QUARANTINE, r);
            return;
        }
        long forgetAt = r.eventTime + horizonMillis;
        if (forgetAt <= ctx.timerService().currentWatermark()) {
            r.refuse(QuarantineReason.TOO_LATE, "the watermark has passed occurred_at + " + (horizonMillis / 1000) + " s; duplicates of it can no longer be detected", json);
            ctx.output(QUARANTINE, r);
            return;
        }
        seen.update(Boolean.TRUE);
        ctx.timerService().registerEventTimeTimer(forgetAt);
        out.collect(r);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Ingested> out) {
        seen.clear();
    }
}
