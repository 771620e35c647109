package com.callpulse.metrics.demand;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.lake.LakeSinks;
import com.callpulse.live.LiveSink;
import com.callpulse.pipeline.AcceptedEvents;

/** Demand, satisfaction and service marketing: {@code demand_intervals}, {@code satisfaction_intervals}, {@code marketing_intervals}. */
public final class DemandMetrics {
    private DemandMetrics() {}

    public static void build(CallPulseConfig config, AcceptedEvents events, LakeSinks lake, LiveSink live) {
    }
}
