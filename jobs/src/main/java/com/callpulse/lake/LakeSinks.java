package com.callpulse.lake;

import com.callpulse.model.Event;
import com.callpulse.model.Stream;
import com.callpulse.reconcile.TallyDelta;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where the ingestion pipeline's outputs go. Production writes the Parquet lake ({@link ParquetLake}); tests may
 * wrap it (to inject a failure) or replace it (to collect records).
 */
public interface LakeSinks {
    /** Accepted facts of one input stream, to the table named after the stream. */
    <T extends Event> void facts(Stream stream, DataStream<T> facts);

    /** Refused records and duplicates, to the {@code quarantine} table. */
    void quarantine(DataStream<QuarantineRecord> records);

    /** Reconciliation counts of the run, to its summary. */
    void runSummary(DataStream<TallyDelta> deltas);
}
