package com.callpulse.metrics.demand;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.lake.LakeSinks;
import com.callpulse.live.LiveSink;
import com.callpulse.metrics.MetricsPipeline;
import com.callpulse.pipeline.AcceptedEvents;

/** Demand statistics: {@code demand_intervals}. */
public final class DemandMetrics {
    private DemandMetrics() {}

    public static void build(CallPulseConfig config, AcceptedEvents events, LakeSinks lake, LiveSink live) {
        MetricsPipeline.intervals("demand_intervals", events.contactRecords(), new DemandIntervals(), config, lake);
    }
}
