package com.callpulse.metrics.complaint;

import com.callpulse.metrics.IntervalRow;
import com.callpulse.schema.Doc;
import com.callpulse.schema.Range;
import com.callpulse.schema.Required;

/**
 * A row of {@code complaint_intervals}: what happened to one tenant's complaints of one category at one escalation
 * level in one interval. Each count is in the interval of the event that caused it (the opening, the resolution,
 * the deadline that passed...) at the level the complaint had then; a day is the sum of its intervals, and every
 * rate is a ratio of summed counters.
 */
public class ComplaintInterval extends IntervalRow {
    @Required
    @Doc("Complaint category.")
    public String category;

    @Required
    @Range(min = 0, max = 10)
    @Doc("Escalation level of the complaint when it happened (for escalations the level reached, for breaches the level before).")
    public int level;

    @Required
    @Doc("Complaints opened (always at level 0).")
    public long opened;

    @Required
    @Doc("Resolutions: a resolved event, or the close of an unresolved complaint; a re-resolution after a reopen counts again.")
    public long resolved;

    @Required
    @Doc("Resolutions at or before the deadline in force.")
    public long resolvedOnTime;

    @Required
    @Doc("Complaints whose resolution deadline passed unresolved (once per complaint, in the interval of the deadline).")
    public long breached;

    @Required
    @Doc("Escalations: levels reached for the first time, by CallPulse or by the source.")
    public long escalations;

    @Required
    @Doc("Of the escalations, those CallPulse raised because a deadline passed.")
    public long deadlineEscalations;

    @Required
    @Doc("Reopens of resolved complaints.")
    public long reopened;

    @Required
    @Doc("Customer confirmations of a resolution (at most one per resolution).")
    public long confirmed;

    @Required
    @Doc("Complaints closed.")
    public long closed;

    @Required
    @Doc("Sum over the resolutions of the elapsed whole seconds from opening to resolution.")
    public long resolveElapsedSeconds;

    @Required
    @Doc("Sum over the resolutions of the whole seconds of the tenant's business hours from opening to resolution.")
    public long resolveBusinessSeconds;

    @Doc("resolved_on_time / resolved.")
    public Double onTimeRate;

    @Doc("Mean elapsed hours to resolve: resolve_elapsed_seconds / resolved / 3600.")
    public Double meanHoursToResolve;

    @Doc("Mean business hours to resolve: resolve_business_seconds / resolved / 3600.")
    public Double meanBusinessHoursToResolve;

    @Doc("reopened / resolved.")
    public Double reopenRate;

    @Override
    public boolean isEmpty() {
        return opened == 0 && resolved == 0 && resolvedOnTime == 0 && breached == 0 && escalations == 0 && deadlineEscalations == 0
                && reopened == 0 && confirmed == 0 && closed == 0 && resolveElapsedSeconds == 0 && resolveBusinessSeconds == 0;
    }

    @Override
    public void complete() {
        onTimeRate = resolved == 0 ? null : (double) resolvedOnTime / resolved;
        meanHoursToResolve = resolved == 0 ? null : resolveElapsedSeconds / 3600.0 / resolved;
        meanBusinessHoursToResolve = resolved == 0 ? null : resolveBusinessSeconds / 3600.0 / resolved;
        reopenRate = resolved == 0 ? null : (double) reopened / resolved;
    }
}
