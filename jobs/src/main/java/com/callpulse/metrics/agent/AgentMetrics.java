package com.callpulse.metrics.agent;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.lake.LakeSinks;
import com.callpulse.live.LiveSink;
import com.callpulse.pipeline.AcceptedEvents;

/** Agent KPIs: {@code agent_intervals} (from contact records) and {@code agent_state_intervals} (agent-state time split across intervals). */
public final class AgentMetrics {
    private AgentMetrics() {}

    public static void build(CallPulseConfig config, AcceptedEvents events, LakeSinks lake, LiveSink live) {
        // built by its own issue work; see docs/metrics.md
    }
}
