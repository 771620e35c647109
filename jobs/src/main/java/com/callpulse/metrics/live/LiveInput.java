package com.callpulse.metrics.live;

import com.callpulse.model.AgentState;
import com.callpulse.model.AgentStateEvent;
import com.callpulse.model.Channel;
import com.callpulse.model.ContactEvent;
import com.callpulse.model.ContactEventType;
import com.callpulse.model.ContactRecord;
import com.callpulse.model.NotReadyReason;

/**
 * What the live queue state needs of one accepted event, whichever stream it came from: the three streams are cut
 * down to this before the one shuffle (by tenant), so only a few fields cross the network. A Flink POJO; the
 * fields of other kinds are left empty.
 */
public class LiveInput {
    public enum Kind { CONTACT_EVENT, CONTACT_RECORD, AGENT_STATE }

    /** Marks an absent number of seconds. */
    public static final int UNKNOWN = -1;

    public Kind kind;
    public String tenantId;
    /** Event time: {@code occurred_at}; for a contact record, the end of its leg ({@code ended_at}). */
    public long time;

    public String contactId;
    public ContactEventType contactEvent;
    public Channel channel;
    public String queueId;
    /** Queue wait in whole seconds (answered, abandoned, flowed out), or {@link #UNKNOWN}. */
    public int waitSeconds = UNKNOWN;

    public String agentId;
    public AgentState agentState;
    public NotReadyReason reason;
    public String[] skills;
    public String teamId;

    public int talkSeconds;
    public int holdSeconds;
    public int acwSeconds;

    public LiveInput() {}

    /** The steps that change a queue's live state: entering, leaving and transfers, and the end of the contact. */
    public static boolean counts(ContactEventType type) {
        switch (type) {
            case QUEUED:
            case ANSWERED:
            case ABANDONED:
            case FLOWED_OUT:
            case CALLBACK_REQUESTED:
            case TRANSFERRED:
            case ENDED:
                return true;
            default:
                return false;
        }
    }

    public static LiveInput of(ContactEvent e) {
        LiveInput in = new LiveInput();
        in.kind = Kind.CONTACT_EVENT;
        in.tenantId = e.tenantId;
        in.time = e.occurredAt;
        in.contactId = e.contactId;
        in.contactEvent = e.eventType;
        in.channel = e.channel;
        in.queueId = e.queueId;
        in.agentId = e.agentId;
        in.waitSeconds = e.waitSeconds == null ? UNKNOWN : e.waitSeconds;
        return in;
    }

    /** Only handled legs of a queue count (their handle time); the other outcomes are counted from contact events. */
    public static boolean counts(ContactRecord r) {
        return r.outcome == com.callpulse.model.ContactOutcome.HANDLED && r.queueId != null && r.queuedAt != null;
    }

    public static LiveInput of(ContactRecord r) {
        LiveInput in = new LiveInput();
        in.kind = Kind.CONTACT_RECORD;
        in.tenantId = r.tenantId;
        in.time = r.endedAt;
        in.contactId = r.contactId;
        in.channel = r.channel;
        in.queueId = r.queueId;
        in.agentId = r.agentId;
        in.talkSeconds = r.talkSeconds == null ? 0 : r.talkSeconds;
        in.holdSeconds = r.holdSeconds == null ? 0 : r.holdSeconds;
        in.acwSeconds = r.acwSeconds == null ? 0 : r.acwSeconds;
        return in;
    }

    public static LiveInput of(AgentStateEvent e) {
        LiveInput in = new LiveInput();
        in.kind = Kind.AGENT_STATE;
        in.tenantId = e.tenantId;
        in.time = e.occurredAt;
        in.agentId = e.agentId;
        in.agentState = e.state;
        in.reason = e.reason;
        in.skills = e.skills == null ? null : e.skills.clone();
        in.teamId = e.teamId;
        in.contactId = e.contactId;
        return in;
    }

    @Override
    public String toString() {
        return kind + "@" + time + " " + (kind == Kind.AGENT_STATE ? agentId + " " + agentState : contactId + " " + contactEvent + " " + queueId);
    }
}
