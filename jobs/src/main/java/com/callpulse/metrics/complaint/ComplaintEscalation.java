package com.callpulse.metrics.complaint;

import com.callpulse.model.ComplaintCategory;
import com.callpulse.model.Partitioned;
import com.callpulse.model.Severity;
import com.callpulse.schema.Doc;
import com.callpulse.schema.Range;
import com.callpulse.schema.Required;
import com.callpulse.schema.Timestamp;

/**
 * A row of {@code complaint_escalations}: a complaint reaching an escalation level for the first time, raised by
 * CallPulse when a deadline of its policy passed unresolved or by the complaint system's own {@code escalated}
 * event, whichever came first. Written once the escalation is final (the watermark has passed it by the ingestion
 * horizon, so no accepted event can still undo it); the live alert went out when it happened.
 */
public class ComplaintEscalation implements Partitioned {
    @Required
    @Doc("Tenant.")
    public String tenantId;

    @Required
    @Doc("Complaint ticket id.")
    public String complaintId;

    @Required
    @Range(min = 1, max = 10)
    @Doc("Level reached (1 = first escalation).")
    public int level;

    @Required
    @Doc("Deterministic id of the escalation: <complaint_id>-L<level>. The live alert is keyed by it too.")
    public String escalationId;

    @Required
    @Timestamp
    @Doc("When the level was reached: the deadline instant (raised_by deadline) or the source's escalated event.")
    public long escalatedAt;

    @Required
    @Doc("deadline: CallPulse raised it because a deadline passed unresolved; source: the complaint system's escalated event came first.")
    public EscalationCause raisedBy;

    @Timestamp
    @Doc("The resolution deadline the complaint missed (its breach), when it had passed by then; absent for a source escalation before the deadline.")
    public Long deadlineAt;

    @Doc("Elapsed hours from deadline_at to escalated_at (0 for the first deadline escalation); absent with deadline_at.")
    public Double hoursOverdue;

    @Required
    @Doc("Complaint category, from its opening.")
    public ComplaintCategory category;

    @Required
    @Doc("Severity, from its opening.")
    public Severity severity;

    @Required
    @Doc("Deadline policy named by its opening.")
    public String deadlinePolicy;

    @Required
    @Timestamp
    @Doc("When the complaint was opened.")
    public long openedAt;

    @Doc("Agent, team or supervisor the complaint was assigned to when it escalated (the last assigned_to of its events by then).")
    public String assignedTo;

    public ComplaintEscalation() {}

    @Override
    public String partitionTenant() {
        return tenantId;
    }

    @Override
    public long partitionTime() {
        return escalatedAt;
    }

    @Override
    public String toString() {
        return escalationId + " by " + raisedBy + " at " + escalatedAt;
    }
}
