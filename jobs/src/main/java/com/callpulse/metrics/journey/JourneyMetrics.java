package com.callpulse.metrics.journey;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.lake.LakeSinks;
import com.callpulse.live.LiveSink;
import com.callpulse.pipeline.AcceptedEvents;

/** Each caller's journey across contacts: {@code contact_outcomes} (repeat contacts within the configured windows, self-service recommendations and their outcome). */
public final class JourneyMetrics {
    private JourneyMetrics() {}

    public static void build(CallPulseConfig config, AcceptedEvents events, LakeSinks lake, LiveSink live) {
        // built by its own issue work; see docs/metrics.md
    }
}
