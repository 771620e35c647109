package com.callpulse.metrics.agent;

import com.callpulse.model.AgentState;
import com.callpulse.model.NotReadyReason;

/**
 * Time one agent spent in one state within one interval, as {@link AgentStateSplitter} emits it for the interval
 * aggregator to sum. A piece is a change to the sums: a late state event that rewrites time already emitted
 * yields negative pieces for what no longer holds next to positive ones for what does.
 */
public class AgentStatePiece {
    public String tenantId;
    public String agentId;
    public String teamId;
    public String siteId;
    public Boolean remoteSeat;
    /** Start of the interval the piece counts in. */
    public long intervalStart;
    public AgentState state;
    public NotReadyReason reason;
    /** Milliseconds in the state within the interval; negative retracts earlier pieces. */
    public long millis;
    /** States cut off at the cap in this interval: +1, or -1 when a late event showed one was not. */
    public int capped;

    public AgentStatePiece() {}

    @Override
    public String toString() {
        return agentId + " " + state + (reason == null ? "" : "/" + reason) + " @" + intervalStart + " " + millis + " ms" + (capped == 0 ? "" : " capped " + capped);
    }
}
