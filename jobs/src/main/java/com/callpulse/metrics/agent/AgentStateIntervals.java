package com.callpulse.metrics.agent;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.metrics.IntervalMetric;

/**
 * {@code agent_state_intervals}: the pieces of agent-state time {@link AgentStateSplitter} hands on, summed per
 * tenant, agent, team, site and remote seat in the interval each piece belongs to (agent-activity time split across
 * the intervals in which it happened, Amazon Connect's rule for agent-activity metrics).
 */
public final class AgentStateIntervals implements IntervalMetric<AgentStatePiece, AgentStateInterval> {
    private static final long serialVersionUID = 1L;

    @Override
    public String key(AgentStatePiece p) {
        return AgentKey.of(p.tenantId, p.agentId, p.teamId, p.siteId, p.remoteSeat);
    }

    @Override
    public String tenant(AgentStatePiece p) {
        return p.tenantId;
    }

    @Override
    public AgentStateInterval newRow(AgentStatePiece p, long intervalStart, String businessDate, CallPulseConfig config) {
        AgentStateInterval row = new AgentStateInterval();
        row.tenantId = p.tenantId;
        row.agentId = p.agentId;
        row.teamId = p.teamId;
        row.siteId = p.siteId;
        row.remoteSeat = p.remoteSeat;
        return row;
    }

    @Override
    public void add(AgentStatePiece p, Rows<AgentStateInterval> rows) {
        AgentStateInterval row = rows.at(p.intervalStart);
        if (p.millis != 0) {
            row.add(p.state, p.reason, p.millis);
        }
        row.cappedStates += p.capped;
    }

    @Override
    public Class<AgentStateInterval> rowClass() {
        return AgentStateInterval.class;
    }
}
