package com.callpulse.metrics.agent;

import com.callpulse.model.AgentState;
import com.callpulse.model.AgentStateEvent;
import com.callpulse.model.NotReadyReason;

import java.util.Comparator;

/**
 * One state change of an agent as the timeline keeps it: a copy of what counts of the event (the input record is
 * reused by Flink and never kept). A Flink POJO, held in keyed state.
 */
public class StateMark {
    /** When the state began (occurred_at), epoch millis. */
    public long at;
    public AgentState state;
    public NotReadyReason reason;
    public String teamId;
    public String siteId;
    public Boolean remoteSeat;
    public String eventId;

    public StateMark() {}

    static StateMark of(AgentStateEvent e) {
        StateMark m = new StateMark();
        m.at = e.occurredAt;
        m.state = e.state;
        m.reason = e.reason;
        m.teamId = e.teamId;
        m.siteId = e.siteId;
        m.remoteSeat = e.remoteSeat;
        m.eventId = e.eventId;
        return m;
    }

    /**
     * The order of an agent's timeline, whatever the order of delivery: by time; at the same millisecond by state
     * in the order login, ready, not_ready, on_contact, after_contact_work, logout (the later one is the state that
     * lasts; the earlier ones last 0 ms), then by reason code and event id.
     */
    static final Comparator<StateMark> ORDER = Comparator.<StateMark>comparingLong(m -> m.at)
            .thenComparingInt(m -> m.state.ordinal())
            .thenComparing(m -> m.reason == null ? "" : m.reason.code())
            .thenComparing(m -> m.eventId == null ? "" : m.eventId);

    /** Same team, site and remote seat: pieces of both count in the same row. */
    boolean sameRow(String team, String site, Boolean remote) {
        return java.util.Objects.equals(teamId, team) && java.util.Objects.equals(siteId, site) && java.util.Objects.equals(remoteSeat, remote);
    }
}
