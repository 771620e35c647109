package com.callpulse.metrics.topic;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.lake.LakeSinks;
import com.callpulse.live.LiveSink;
import com.callpulse.pipeline.AcceptedEvents;

/** Hot topics: per-minute counts per topic, surges and drops against a baseline, explained. */
public final class HotTopicMetrics {
    private HotTopicMetrics() {}

    public static void build(CallPulseConfig config, AcceptedEvents events, LakeSinks lake, LiveSink live) {
        // built by its own issue work; see docs/metrics.md
    }
}
