package com.callpulse.reconcile;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums the tally deltas of all operators (parallelism 1) and writes the run summary when a checkpoint completes,
 * with the totals as of that checkpoint: the file therefore never counts a record the lake has not committed.
 * After the input has ended, the last checkpoint writes status {@code complete}; the run's totals are logged
 * then.
 */
public class RunSummaryOperator extends AbstractStreamOperator<Void> implements OneInputStreamOperator<TallyDelta, Void>, BoundedOneInput {
    private static final long serialVersionUID = 1L;
    private static final Logger SUMMARY = LoggerFactory.getLogger(RunSummaryOperator.class);

    private final String summaryPath;
    private final String runId;
    private final String source;
    private final String startedAt;
    private transient Tallies totals;
    private transient ListState<TallyDelta> state;
    private transient TreeMap<Long, Snapshot> snapshots;
    private transient boolean inputEnded;
    private transient RunSummary lastWritten;

    private static final class Snapshot {
        final Tallies totals;
        final boolean inputEnded;

        Snapshot(Tallies totals, boolean inputEnded) {
            this.totals = totals;
            this.inputEnded = inputEnded;
        }
    }

    /**
     * @param summaryPath file to write, e.g. {@code <lake>/_runs/<run id>.json} (any Flink file system)
     */
    public RunSummaryOperator(String summaryPath, String runId, String source, Instant startedAt) {
        this.summaryPath = summaryPath;
        this.runId = runId;
        this.source = source;
        this.startedAt = startedAt.toString();
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("run totals", TallyDelta.class));
        totals = new Tallies();
        for (TallyDelta d : state.get()) {
            totals.add(d);
        }
        snapshots = new TreeMap<>();
    }

    @Override
    public void processElement(StreamRecord<TallyDelta> element) {
        totals.add(element.getValue());
    }

    @Override
    public void endInput() {
        inputEnded = true;
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        state.update(totals.copy().drain());
        snapshots.put(context.getCheckpointId(), new Snapshot(totals.copy(), inputEnded));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        Snapshot s = snapshots.get(checkpointId);
        if (s == null) {
            return;
        }
        // older pending snapshots are subsumed by this one
        Map<Long, Snapshot> done = snapshots.headMap(checkpointId, true);
        done.clear();
        RunSummary summary = new RunSummary(runId, source, startedAt, Instant.now().toString(), s.inputEnded ? "complete" : "running", s.totals);
        write(summary);
        SUMMARY.info("Run {} at checkpoint {}: read {}, accepted {}, duplicates {}, rejected {}", runId, checkpointId,
                summary.total(Outcome.READ), summary.total(Outcome.ACCEPTED), summary.total(Outcome.DUPLICATE), summary.totalRejected());
    }

    @Override
    public void close() throws Exception {
        if (lastWritten != null) {
            SUMMARY.info("Run {} ({}):{}{}", runId, lastWritten.status(), System.lineSeparator(), lastWritten.table());
        }
        super.close();
    }

    private void write(RunSummary summary) throws Exception {
        Path target = new Path(summaryPath);
        Path tmp = new Path(summaryPath + ".tmp");
        FileSystem fs = target.getFileSystem();
        try (FSDataOutputStream out = fs.create(tmp, FileSystem.WriteMode.OVERWRITE)) {
            out.write(summary.toJson().getBytes(StandardCharsets.UTF_8));
        }
        if (!fs.rename(tmp, target)) {
            fs.delete(target, false);
            if (!fs.rename(tmp, target)) {
                throw new IllegalStateException("cannot write run summary " + target);
            }
        }
        lastWritten = summary;
    }
}
