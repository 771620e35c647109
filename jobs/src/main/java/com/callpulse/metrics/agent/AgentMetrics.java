package com.callpulse.metrics.agent;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.lake.LakeSinks;
import com.callpulse.live.LiveSink;
import com.callpulse.metrics.MetricsPipeline;
import com.callpulse.pipeline.AcceptedEvents;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Agent KPIs: {@code agent_intervals} (from contact records, each leg in the interval of its end) and
 * {@code agent_state_intervals} (agent-state time split across the intervals it spans). A business day is the sum of
 * its intervals; docs/metrics.md has the reference queries.
 */
public final class AgentMetrics {
    private AgentMetrics() {}

    public static void build(CallPulseConfig config, AcceptedEvents events, LakeSinks lake, LiveSink live) {
        MetricsPipeline.intervals("agent_intervals", events.contactRecords(), new AgentIntervals(), config, lake);
        DataStream<AgentStatePiece> pieces = events.agentStates()
                .keyBy(AgentStateSplitter::key)
                .process(new AgentStateSplitter(config, config.metrics().agentStateCap().toMillis()))
                .name("agent_state_intervals: state time per interval")
                .uid("agent-state-intervals-split");
        MetricsPipeline.intervals("agent_state_intervals", pieces, new AgentStateIntervals(), config, lake);
    }
}
