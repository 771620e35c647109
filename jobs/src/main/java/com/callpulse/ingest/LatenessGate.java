package com.callpulse.ingest;

import com.callpulse.model.QuarantineReason;
import com.callpulse.schema.EventJsonWriter;
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
 * Judges lateness against the record's own origin (file or Kafka partition), the way the source's watermark does,
 * but deterministically: the verdict depends only on the order of that origin, not on how fast other streams were
 * read ({@link OriginClock}). An event more than the watermark bound behind its origin's time is late and kept
 * (flagged); more than bound + allowed lateness behind, it is refused as {@code too_late}, since its id may already
 * have left the de-duplication state. Refused records go to {@link #REFUSED}, with their origin's time as
 * {@code stream_time}.
 *
 * <p>Runs chained behind the source. The clocks of the origins are operator list state: restored with the same
 * parallelism, each subtask gets back the origins it reads (Kafka assigns partitions to the same readers, and a file
 * in progress resumes on the same reader). After a rescale an origin may start afresh, so until it has read two
 * events nothing in it is judged late; the de-duplication step's watermark guard still refuses what is too old to
 * check. (Union list state would survive a rescale, but Flink refuses to checkpoint a vertex with union state once
 * some of its subtasks have finished, as file readers do one by one.)
 */
public class LatenessGate extends ProcessFunction<Ingested, Ingested> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<Ingested> REFUSED = new OutputTag<>("refused at the gate") {};

    private final long boundMillis;
    private final long latenessMillis;
    private transient Map<String, OriginClock> clocks;
    private transient ListState<OriginProgress> state;
    private transient EventJsonWriter json;

    public LatenessGate(long boundMillis, long latenessMillis) {
        this.boundMillis = boundMillis;
        this.latenessMillis = latenessMillis;
    }

    @Override
    public void processElement(Ingested r, Context ctx, Collector<Ingested> out) {
        OriginClock clock = clocks.computeIfAbsent(r.origin, o -> new OriginClock());
        r.streamTime = clock.time();
        if (r.isRefused()) {
            ctx.output(REFUSED, r);
            return;
        }
        OriginClock.Verdict verdict = clock.judge(r.eventTime, boundMillis, latenessMillis);
        if (verdict == OriginClock.Verdict.TOO_LATE) {
            r.refuse(QuarantineReason.TOO_LATE, "occurred_at " + Timestamps.format(r.eventTime, 0) + " is " + ((clock.time() - r.eventTime) / 1000)
                    + " s behind the time its source has reached (" + Timestamps.format(clock.time(), 0) + "); the limit is "
                    + ((boundMillis + latenessMillis) / 1000) + " s", json);
            ctx.output(REFUSED, r);
            return;
        }
        r.late = verdict == OriginClock.Verdict.LATE;
        clock.observe(r.eventTime);
        out.collect(r);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        List<OriginProgress> all = new ArrayList<>(clocks.size());
        for (Map.Entry<String, OriginClock> e : clocks.entrySet()) {
            all.add(new OriginProgress(e.getKey(), e.getValue().newest(), e.getValue().time()));
        }
        state.update(all);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("event time reached per origin", OriginProgress.class));
        clocks = new HashMap<>();
        json = new EventJsonWriter((record, ms) -> 0);
        for (OriginProgress p : state.get()) {
            clocks.put(p.origin, new OriginClock(p.newest, p.secondNewest));
        }
    }

    /** The clock of one file or partition, as checkpointed. */
    public static class OriginProgress {
        public String origin;
        public long newest;
        public long secondNewest;

        public OriginProgress() {}

        OriginProgress(String origin, long newest, long secondNewest) {
            this.origin = origin;
            this.newest = newest;
            this.secondNewest = secondNewest;
        }
    }
}
