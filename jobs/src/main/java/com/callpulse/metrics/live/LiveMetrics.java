package com.callpulse.metrics.live;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.lake.LakeSinks;
import com.callpulse.live.LiveSink;
import com.callpulse.pipeline.AcceptedEvents;

/** Live queue state for supervisors, to the live sink (and per-minute snapshots to the lake). */
public final class LiveMetrics {
    private LiveMetrics() {}

    public static void build(CallPulseConfig config, AcceptedEvents events, LakeSinks lake, LiveSink live) {
        // built by its own issue work; see docs/metrics.md
    }
}
