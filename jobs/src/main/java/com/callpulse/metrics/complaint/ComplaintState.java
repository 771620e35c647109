package com.callpulse.metrics.complaint;

/**
 * Everything {@link ComplaintDeadlines} keeps for one complaint: its events and what it has already told the rest of
 * the job, so it can send only differences. One value-state entry per complaint. A Flink POJO.
 */
public class ComplaintState {
    public String tenantId;
    public String complaintId;
    /** The distinct events seen (by event id), in arrival order. */
    public ComplaintStep[] steps;
    /** Events not kept because the complaint already had {@link ComplaintDeadlines#MAX_STEPS}. */
    public int stepsDropped;
    /** The interval facts sent so far (with sign +1); the next difference is taken against them. */
    public ComplaintFact[] facts;
    /** Bit k: level k was alerted live (and not withdrawn). */
    public int alertedLevels;
    /** Bit k: level k was written to complaint_escalations. */
    public int writtenLevels;
    /** The complaint_outcomes row last written; null before the first. */
    public ComplaintOutcome outcome;
    /** The highest watermark seen below the end of input: what has happened, in event time. */
    public long asOf;
    /** The one event-time timer registered for the complaint; Long.MIN_VALUE when none. */
    public long timer;

    public ComplaintState() {}

    static ComplaintState create(String tenantId, String complaintId) {
        ComplaintState s = new ComplaintState();
        s.tenantId = tenantId;
        s.complaintId = complaintId;
        s.steps = new ComplaintStep[0];
        s.facts = new ComplaintFact[0];
        s.asOf = Long.MIN_VALUE;
        s.timer = Long.MIN_VALUE;
        return s;
    }
}
