package com.callpulse.metrics;

import com.callpulse.config.CallPulseConfig;

import java.io.Serializable;

/**
 * The arithmetic of one interval table, without Flink: which row an input belongs to, and how it changes the
 * counters of the interval(s) it falls in. {@link IntervalAggregator} does the rest (state, intervals in the
 * tenant's zone, finalization, restatement, clean-up).
 *
 * @param <IN> what is counted (an event or a derived record)
 * @param <ROW> the row of the table
 */
public interface IntervalMetric<IN, ROW extends IntervalRow> extends Serializable {
    /** Rows this input contributes to are keyed by tenant and dimensions; null when the input counts nowhere. */
    String key(IN in);

    String tenant(IN in);

    /** A new, empty row for the input's key in the interval starting at {@code intervalStart}. */
    ROW newRow(IN in, long intervalStart, String businessDate, CallPulseConfig config);

    /** Adds the input to the rows it counts in; {@code rows.at(t)} is the row of the interval containing t. */
    void add(IN in, Rows<ROW> rows);

    /** The row class, for the lake table. */
    Class<ROW> rowClass();

    /** Access to the rows of the current key by time. */
    interface Rows<ROW> {
        ROW at(long epochMillis);
    }
}
