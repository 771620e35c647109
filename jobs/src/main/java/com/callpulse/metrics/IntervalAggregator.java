package com.callpulse.metrics;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.TenantConfig;
import com.callpulse.schema.RecordSchema;
import com.callpulse.time.Intervals;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts inputs into interval rows, in event time, for any {@link IntervalMetric}. Keyed by the metric's row key
 * (tenant and dimensions); per key it holds the open intervals and, for a while, the final ones.
 *
 * <ul>
 *   <li>An interval is open until the watermark passes its end plus {@code metrics.allowed_lateness}; then its row is
 *       written, version 1.</li>
 *   <li>A final row is kept for {@code metrics.restatement_horizon}. An input that still reaches it changes it and, a
 *       minute of event time later (so a burst of late events makes one restatement), the row is written again with
 *       the next version and {@code restated} set. An input whose interval had no row yet when it became final
 *       starts one, written as a restatement too.</li>
 *   <li>A row whose counters net to nothing ({@link IntervalRow#isEmpty()}) is not written, unless an earlier
 *       version of it was (then the empty row is the restatement).</li>
 *   <li>After the horizon the row is dropped. The ingestion horizon (bound + allowed lateness) is shorter, so no
 *       accepted event can reach a dropped interval; one that does is counted ({@code restatementMisses}) and
 *       logged, never silently.</li>
 * </ul>
 * Every row written is a copy: the kept one goes on changing.
 */
public class IntervalAggregator<IN, ROW extends IntervalRow> extends KeyedProcessFunction<String, IN, ROW> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(IntervalAggregator.class);
    /** Late changes to a final row are written together, this long (event time) after the first of them. */
    static final long RESTATE_DELAY_MILLIS = 60_000;

    private final IntervalMetric<IN, ROW> metric;
    private final CallPulseConfig config;
    private final long latenessMillis;
    private final long horizonMillis;
    private transient MapState<Long, ROW> open;
    private transient MapState<Long, ROW> finalRows;
    private transient MapState<Long, Boolean> changedFinalRows;
    private transient Map<String, Intervals> intervals;
    private transient RecordSchema<ROW> schema;
    private transient Access access;
    private transient Counter misses;

    public IntervalAggregator(IntervalMetric<IN, ROW> metric, CallPulseConfig config) {
        this.metric = metric;
        this.config = config;
        this.latenessMillis = config.metrics().allowedLateness().toMillis();
        this.horizonMillis = config.metrics().restatementHorizon().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        TypeInformation<ROW> rowType = TypeInformation.of(metric.rowClass());
        open = getRuntimeContext().getMapState(new MapStateDescriptor<>("open intervals", Types.LONG, rowType));
        finalRows = getRuntimeContext().getMapState(new MapStateDescriptor<>("final intervals", Types.LONG, rowType));
        changedFinalRows = getRuntimeContext().getMapState(new MapStateDescriptor<>("final intervals changed by late events", Types.LONG, Types.BOOLEAN));
        intervals = new HashMap<>();
        for (TenantConfig t : config.tenants()) {
            intervals.put(t.id(), new Intervals(t.timeZone(), config.metrics().intervalMinutes()));
        }
        schema = RecordSchema.of(metric.rowClass());
        access = new Access();
        misses = getRuntimeContext().getMetricGroup().counter("restatementMisses");
    }

    @Override
    public void processElement(IN in, Context ctx, Collector<ROW> out) throws Exception {
        Intervals iv = intervals.get(metric.tenant(in));
        if (iv == null) {
            return; // not a configured tenant: ingestion refuses those, so this cannot happen
        }
        access.bind(in, iv, ctx.timerService());
        metric.add(in, access);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ROW> out) throws Exception {
        for (Long start : keys(open)) {
            ROW row = open.get(start);
            if (row.intervalEnd + latenessMillis <= timestamp) {
                if (row.isEmpty()) {
                    row.version = 0; // nothing to write; a late input may still make it a restatement (version 1)
                } else {
                    row.version = 1;
                    row.restated = false;
                    emit(row, out);
                }
                open.remove(start);
                finalRows.put(start, row);
                ctx.timerService().registerEventTimeTimer(row.intervalEnd + latenessMillis + horizonMillis);
            }
        }
        for (Long start : keys(changedFinalRows)) {
            ROW row = finalRows.get(start);
            if (row != null && !(row.version == 0 && row.isEmpty())) {
                row.version++;
                row.restated = true;
                emit(row, out);
            }
            changedFinalRows.remove(start);
        }
        for (Long start : keys(finalRows)) {
            ROW row = finalRows.get(start);
            if (row.intervalEnd + latenessMillis + horizonMillis <= timestamp) {
                finalRows.remove(start);
            }
        }
    }

    private void emit(ROW row, Collector<ROW> out) {
        row.complete();
        out.collect(schema.copy(row));
    }

    private static List<Long> keys(MapState<Long, ?> state) throws Exception {
        List<Long> keys = new ArrayList<>();
        for (Long k : state.keys()) {
            keys.add(k);
        }
        return keys;
    }

    /** The rows of the current key, found or created by time. */
    private final class Access implements IntervalMetric.Rows<ROW> {
        private IN in;
        private Intervals iv;
        private TimerService timers;

        void bind(IN input, Intervals tenantIntervals, TimerService timerService) {
            this.in = input;
            this.iv = tenantIntervals;
            this.timers = timerService;
        }

        @Override
        public ROW at(long epochMillis) {
            try {
                long start = iv.start(epochMillis);
                ROW row = open.get(start);
                if (row != null) {
                    return row;
                }
                long watermark = timers.currentWatermark();
                row = finalRows.get(start);
                if (row != null) {
                    changed(start, watermark);
                    return row;
                }
                long end = iv.end(start);
                row = metric.newRow(in, start, iv.date(start), config);
                row.intervalStart = start;
                row.intervalEnd = end;
                if (end + latenessMillis > watermark) {
                    open.put(start, row);
                    timers.registerEventTimeTimer(end + latenessMillis);
                } else if (end + latenessMillis + horizonMillis > watermark) {
                    row.version = 0; // first written as a restatement (version 1, restated)
                    finalRows.put(start, row);
                    changed(start, watermark);
                    timers.registerEventTimeTimer(end + latenessMillis + horizonMillis);
                } else {
                    misses.inc();
                    if (misses.getCount() == 1 || misses.getCount() % 1000 == 0) {
                        LOG.warn("{} input(s) reached intervals past the restatement horizon and are not counted, e.g. {} at {}",
                                misses.getCount(), metric.rowClass().getSimpleName(), start);
                    }
                }
                return row;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private void changed(long start, long watermark) throws Exception {
            if (changedFinalRows.get(start) == null) {
                changedFinalRows.put(start, Boolean.TRUE);
                timers.registerEventTimeTimer(Math.max(watermark, 0) + RESTATE_DELAY_MILLIS);
            }
        }
    }
}
