package com.callpulse.ingest;

import com.callpulse.model.QuarantineReason;
import com.callpulse.time.Timestamps;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges lateness against the record's own origin (file or Kafka partition), the way the source's watermark
 * does, but deterministically: the verdict depends only on the order of that origin, not on how fast other
 * streams were read. An event more than the watermark bound behind the newest event of its origin is late and
 * kept (flagged); more than bound + allowed lateness behind, it is refused as {@code too_late}, since its id may
 * already have left the de-duplication state. Refused records go to {@link #REFUSED}, with the origin's newest
 * event time as their {@code stream_time}.
 *
 * <p>Runs chained behind the source. The newest event time per origin is operator list state: restored with the
 * same parallelism, each subtask gets back the origins it reads (Kafka assigns partitions to the same readers, and
 * a file in progress resumes on the same reader). After a rescale an origin may start afresh, so until its newest
 * event is seen again nothing in it is judged late; the de-duplication step's watermark guard still refuses what
 * is too old to check. (Union list state would survive a rescale, but Flink refuses to checkpoint a vertex with
 * union state once some of its subtasks have finished, as file readers do one by one.)
 */
public class LatenessGate extends ProcessFunction<Ingested, Ingested> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<Ingested> REFUSED = new OutputTag<>("refused at the gate") {};

    private final long boundMillis;
    private final long latenessMillis;
    private transient Map<String, Long> newest;
    private transient ListState<OriginProgress> state;

    public LatenessGate(long boundMillis, long latenessMillis) {
        this.boundMillis = boundMillis;
        this.latenessMillis = latenessMillis;
    }

    @Override
    public void processElement(Ingested r, Context ctx, Collector<Ingested> out) {
        Long known = newest.get(r.origin);
        long max = known == null ? Long.MIN_VALUE : known;
        r.streamTime = max;
        if (r.isRefused()) {
            ctx.output(REFUSED, r);
            return;
        }
        if (known != null) {
            long behind = max - r.eventTime;
            if (behind > boundMillis + latenessMillis) {
                r.refuse(QuarantineReason.TOO_LATE, "occurred_at " + Timestamps.format(r.eventTime, 0) + " is " + (behind / 1000)
                        + " s behind the newest event of its source (" + Timestamps.format(max, 0) + "); the limit is "
                        + ((boundMillis + latenessMillis) / 1000) + " s");
                ctx.output(REFUSED, r);
                return;
            }
            r.late = behind > boundMillis;
        }
        if (r.eventTime > max) {
            newest.put(r.origin, r.eventTime);
        }
        out.collect(r);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        List<OriginProgress> all = new ArrayList<>(newest.size());
        for (Map.Entry<String, Long> e : newest.entrySet()) {
            all.add(new OriginProgress(e.getKey(), e.getValue()));
        }
        state.update(all);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("newest event time per origin", OriginProgress.class));
        newest = new HashMap<>();
        for (OriginProgress p : state.get()) {
            newest.merge(p.origin, p.newestEventTime, Math::max);
        }
    }

    /** Newest event time read from one file or partition. */
    public static class OriginProgress {
        public String origin;
        public long newestEventTime;

        public OriginProgress() {}

        OriginProgress(String origin, long newestEventTime) {
            this.origin = origin;
            this.newestEventTime = newestEventTime;
        }
    }
}
