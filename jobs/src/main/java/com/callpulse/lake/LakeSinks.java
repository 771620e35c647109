package com.callpulse.lake;

import com.callpulse.model.Partitioned;
import com.callpulse.reconcile.TallyDelta;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where the pipeline's outputs go. Production writes the Parquet lake ({@link ParquetLake}); tests may wrap it (to
 * inject a failure) or replace it (to collect records).
 */
public interface LakeSinks {
    /** The rows of one lake table: facts of an input stream, the quarantine, or a metric table. */
    <T extends Partitioned> void table(String name, Class<T> rowClass, DataStream<T> rows);

    /** Reconciliation counts of the run, to its summary. */
    void runSummary(DataStream<TallyDelta> deltas);
}
