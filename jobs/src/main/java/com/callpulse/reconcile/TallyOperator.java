package com.callpulse.reconcile;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * Passes records through unchanged and counts them by a {@link TallyRule}. The counts go out as
 * {@link TallyDelta}s on {@link #DELTAS} just before each checkpoint barrier and at the end of the input.
 *
 * <p>Flushing ahead of the barrier means every record counted before a checkpoint reaches the run summary before
 * that checkpoint does, so the summary written for a checkpoint is complete and balanced, and after a restore
 * nothing is lost or counted twice: the reconciliation is exactly-once like the lake (with aligned checkpoints,
 * Flink's default). Nothing is left to keep in state. Chained to its neighbours, it costs one array increment per
 * record.
 */
public class TallyOperator<T> extends AbstractStreamOperator<T> implements OneInputStreamOperator<T, T>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<TallyDelta> DELTAS = new OutputTag<>("tally deltas", TypeInformation.of(TallyDelta.class));

    private final TallyRule<T> rule;
    private transient Tallies pending;

    public TallyOperator(TallyRule<T> rule) {
        this.rule = rule;
    }

    @Override
    public void open() throws Exception {
        super.open();
        pending = new Tallies();
    }

    @Override
    public void processElement(StreamRecord<T> element) {
        rule.count(element.getValue(), pending);
        output.collect(element);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        flush();
    }

    @Override
    public void endInput() {
        flush();
    }

    private void flush() {
        for (TallyDelta d : pending.drain()) {
            output.collect(DELTAS, new StreamRecord<>(d));
        }
    }
}
