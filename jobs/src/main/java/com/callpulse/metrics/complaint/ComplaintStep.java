package com.callpulse.metrics.complaint;

import com.callpulse.model.Channel;
import com.callpulse.model.ComplaintAction;
import com.callpulse.model.ComplaintCategory;
import com.callpulse.model.ComplaintEvent;
import com.callpulse.model.Severity;

/**
 * What {@link ComplaintDeadlines} keeps of one complaint event: only the fields the timeline needs, copied (object
 * reuse is on: the event itself is never kept). The opening's attributes are set on opened steps only. A Flink POJO.
 */
public class ComplaintStep {
    public String eventId;
    public ComplaintAction action;
    public long occurredAt;
    /** Escalation level after the step, as the source reports it. */
    public Integer level;
    public String assignedTo;
    public ComplaintCategory category;
    public Severity severity;
    public String deadlinePolicy;
    public Channel channel;

    public ComplaintStep() {}

    static ComplaintStep of(ComplaintEvent e) {
        ComplaintStep s = new ComplaintStep();
        s.eventId = e.eventId;
        s.action = e.action;
        s.occurredAt = e.occurredAt;
        s.level = e.level;
        s.assignedTo = e.assignedTo;
        if (e.action == ComplaintAction.OPENED) {
            s.category = e.category;
            s.severity = e.severity;
            s.deadlinePolicy = e.deadlinePolicy;
            s.channel = e.channel;
        }
        return s;
    }

    @Override
    public String toString() {
        return action + "@" + occurredAt + (level == null ? "" : " L" + level) + " " + eventId;
    }
}
