package com.callpulse.metrics;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.lake.LakeSinks;
import com.callpulse.live.LiveSink;
import com.callpulse.metrics.agent.AgentMetrics;
import com.callpulse.metrics.complaint.ComplaintMetrics;
import com.callpulse.metrics.demand.DemandMetrics;
import com.callpulse.metrics.journey.JourneyMetrics;
import com.callpulse.metrics.live.LiveMetrics;
import com.callpulse.metrics.marketing.MarketingIntervals;
import com.callpulse.metrics.queue.QueueIntervals;
import com.callpulse.metrics.satisfaction.SatisfactionMetrics;
import com.callpulse.metrics.topic.HotTopicMetrics;
import com.callpulse.pipeline.AcceptedEvents;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The metric families, each fed from the accepted events and landing in its own lake tables (docs/metrics.md has
 * one section per family, in this order). Every family keys its inputs by its own row key; they share nothing but
 * their inputs.
 */
public final class MetricsPipeline {
    private MetricsPipeline() {}

    public static void build(CallPulseConfig config, AcceptedEvents events, LakeSinks lake, LiveSink live) {
        intervals("queue_intervals", events.contactRecords(), new QueueIntervals(), config, lake);
        LiveMetrics.build(config, events, lake, live);
        AgentMetrics.build(config, events, lake, live);
        JourneyMetrics.build(config, events, lake, live);
        HotTopicMetrics.build(config, events, lake, live);
        DemandMetrics.build(config, events, lake, live);
        SatisfactionMetrics.build(config, events, lake);
        intervals("marketing_intervals", events.contactRecords(), new MarketingIntervals(), config, lake);
        ComplaintMetrics.build(config, events, lake, live);
    }

    /**
     * An interval table: the inputs the metric counts, keyed by row, through an {@link IntervalAggregator}, into
     * the lake table {@code table}. Operators are named after the table.
     */
    public static <IN, ROW extends IntervalRow> DataStream<ROW> intervals(String table, DataStream<IN> inputs, IntervalMetric<IN, ROW> metric,
            CallPulseConfig config, LakeSinks lake) {
        DataStream<ROW> rows = inputs
                .filter(in -> metric.key(in) != null).name(table + ": what counts").uid(table + "-what-counts")
                .keyBy(metric::key)
                .process(new IntervalAggregator<>(metric, config))
                .returns(TypeInformation.of(metric.rowClass()))
                .name("metric " + table)
                .uid("metric-" + table);
        lake.table(table, metric.rowClass(), rows);
        return rows;
    }
}
