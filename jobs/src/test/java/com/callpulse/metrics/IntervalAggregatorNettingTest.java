package com.callpulse.metrics;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.schema.Doc;
import com.callpulse.testing.Fixtures;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Metrics that take back what they added (agent time, complaint facts): rows that net to nothing. */
class IntervalAggregatorNettingTest {
    private static final long MIN = 60_000;
    private static final long FINAL = 15 * MIN + 20 * MIN;

    /** A row counting +1 / -1 inputs. */
    public static class Net extends IntervalRow {
        @com.callpulse.schema.Required
        @Doc("Net count.")
        public long n;

        @Override
        public void complete() {}

        @Override
        public boolean isEmpty() {
            return n == 0;
        }
    }

    /** An input: +1 or -1 at a time. */
    public static class Delta {
        public long at;
        public int sign;

        public Delta() {}

        Delta(long at, int sign) {
            this.at = at;
            this.sign = sign;
        }
    }

    static final class NetMetric implements IntervalMetric<Delta, Net> {
        @Override
        public String key(Delta in) {
            return "k";
        }

        @Override
        public String tenant(Delta in) {
            return Fixtures.TENANT;
        }

        @Override
        public Net newRow(Delta in, long intervalStart, String businessDate, CallPulseConfig config) {
            Net row = new Net();
            row.tenantId = Fixtures.TENANT;
            return row;
        }

        @Override
        public void add(Delta in, Rows<Net> rows) {
            rows.at(in.at).n += in.sign;
        }

        @Override
        public Class<Net> rowClass() {
            return Net.class;
        }
    }

    private KeyedOneInputStreamOperatorTestHarness<String, Delta, Net> h;

    @BeforeEach
    void open() throws Exception {
        NetMetric metric = new NetMetric();
        h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new IntervalAggregator<>(metric, Fixtures.config()), metric::key, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private void delta(long at, int sign) throws Exception {
        h.processElement(new StreamRecord<>(new Delta(at, sign), at));
    }

    @Test
    void aRowThatNetsToNothingIsNotWrittenButALateInputStillRestatesIt() throws Exception {
        delta(T0 + MIN, +1);
        delta(T0 + 2 * MIN, -1);
        h.processWatermark(new Watermark(T0 + FINAL));
        assertThat(h.extractOutputValues()).isEmpty();
        delta(T0 + 3 * MIN, +1);
        h.processWatermark(new Watermark(T0 + FINAL + IntervalAggregator.RESTATE_DELAY_MILLIS));
        assertThat(h.extractOutputValues()).extracting(r -> r.version, r -> r.restated, r -> r.n).containsExactly(tuple(1, true, 1L));
    }

    @Test
    void aWrittenRowThatALateInputEmptiesIsRestatedEmpty() throws Exception {
        delta(T0 + MIN, +1);
        h.processWatermark(new Watermark(T0 + FINAL));
        delta(T0 + 3 * MIN, -1);
        h.processWatermark(new Watermark(T0 + FINAL + IntervalAggregator.RESTATE_DELAY_MILLIS));
        assertThat(h.extractOutputValues()).extracting(r -> r.version, r -> r.restated, r -> r.n)
                .containsExactly(tuple(1, false, 1L), tuple(2, true, 0L));
    }

    @Test
    void anEmptyRowThatStaysEmptyIsNeverWrittenAndLeavesNoState() throws Exception {
        delta(T0 + MIN, +1);
        delta(T0 + 2 * MIN, -1);
        h.processWatermark(new Watermark(T0 + FINAL));
        delta(T0 + 3 * MIN, +1);
        delta(T0 + 4 * MIN, -1);
        h.processWatermark(new Watermark(Long.MAX_VALUE));
        assertThat(h.extractOutputValues()).isEmpty();
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
    }
}
