package com.callpulse.metrics.complaint;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.lake.LakeSinks;
import com.callpulse.live.LiveSink;
import com.callpulse.pipeline.AcceptedEvents;

/** Complaint deadlines on the business calendar, escalations and outcomes. */
public final class ComplaintMetrics {
    private ComplaintMetrics() {}

    public static void build(CallPulseConfig config, AcceptedEvents events, LakeSinks lake, LiveSink live) {
        // built by its own issue work; see docs/metrics.md
    }
}
