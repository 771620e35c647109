package com.callpulse.metrics.complaint;

import com.callpulse.model.Channel;
import com.callpulse.model.ComplaintCategory;
import com.callpulse.model.Partitioned;
import com.callpulse.model.Severity;
import com.callpulse.schema.Doc;
import com.callpulse.schema.Range;
import com.callpulse.schema.Required;
import com.callpulse.schema.Timestamp;

/**
 * A row of {@code complaint_outcomes}: one complaint and how it ended. Written when the complaint is closed (once
 * the watermark passes the close), again with the next version whenever a later event changes it (a late event, a
 * reopen after closing), and at the end of a bounded input for every complaint not written yet, with
 * {@code still_open}. A complaint whose opening was never seen gets a row too ({@code opened_seen} false, no
 * deadline). Partitioned by the business date of the opening.
 */
public class ComplaintOutcome implements Partitioned {
    @Required
    @Doc("Tenant.")
    public String tenantId;

    @Required
    @Doc("Complaint ticket id.")
    public String complaintId;

    @Required
    @Doc("1 for the first row of the complaint; each rewrite adds 1. Readers take the highest.")
    public int version;

    @Required
    @Doc("Whether the complaint's opened event was seen; without it there is no category, deadline or CallPulse escalation.")
    public boolean openedSeen;

    @Required
    @Doc("Not closed when the row was written (the end of a bounded input, or the complaint went quiet for 30 days).")
    public boolean stillOpen;

    @Timestamp
    @Doc("When the complaint was opened.")
    public Long openedAt;

    @Doc("Complaint category.")
    public ComplaintCategory category;

    @Doc("Severity.")
    public Severity severity;

    @Doc("Deadline policy named by the opening.")
    public String deadlinePolicy;

    @Doc("Channel the complaint came in on.")
    public Channel channel;

    @Timestamp
    @Doc("The resolution deadline in force: when it was missed, or where the SLA clock would reach resolve_within had it kept running after it last stopped. Absent for an unknown policy.")
    public Long deadlineAt;

    @Required
    @Doc("The deadline passed with the complaint unresolved.")
    public boolean breached;

    @Timestamp
    @Doc("When the deadline passed unresolved.")
    public Long breachedAt;

    @Timestamp
    @Doc("The resolution in force (the last one, after any reopen); absent while unresolved.")
    public Long resolvedAt;

    @Doc("Resolved at or before the deadline in force (a reopen resumes the clock, so a late re-resolution is not on time); absent while unresolved or without a known policy.")
    public Boolean onTime;

    @Timestamp
    @Doc("When the complaint was closed; absent while open.")
    public Long closedAt;

    @Timestamp
    @Doc("When the customer confirmed the resolution in force.")
    public Long confirmedAt;

    @Required
    @Range(min = 0, max = 10)
    @Doc("Highest escalation level reached, by CallPulse or by the source.")
    public int levelReached;

    @Required
    @Range(min = 0)
    @Doc("Levels CallPulse raised because a deadline passed (the others the source raised first).")
    public int deadlineEscalations;

    @Required
    @Range(min = 0)
    @Doc("Times the complaint was reopened after a resolution.")
    public int reopenCount;

    @Doc("Elapsed hours from opened_at to resolved_at.")
    public Double elapsedHoursToResolve;

    @Doc("Hours of the tenant's business hours (holidays excluded) from opened_at to resolved_at.")
    public Double businessHoursToResolve;

    @Doc("Hours on the policy's SLA clock at resolved_at: what the deadline compares (pauses and resolved-to-reopened gaps excluded).")
    public Double clockHoursToResolve;

    @Required
    @Range(min = 1)
    @Doc("Distinct events of the complaint seen.")
    public int eventCount;

    @Required
    @Timestamp
    @Doc("Time of its earliest event.")
    public long firstEventAt;

    @Required
    @Timestamp
    @Doc("Time of its latest event.")
    public long lastEventAt;

    public ComplaintOutcome() {}

    @Override
    public String partitionTenant() {
        return tenantId;
    }

    @Override
    public long partitionTime() {
        return openedAt != null ? openedAt : firstEventAt;
    }

    @Override
    public String toString() {
        return complaintId + " v" + version + (stillOpen ? " open" : " closed") + (breached ? " breached" : "") + " L" + levelReached;
    }
}
