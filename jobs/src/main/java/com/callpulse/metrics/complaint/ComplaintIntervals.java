package com.callpulse.metrics.complaint;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.metrics.IntervalMetric;

/**
 * {@code complaint_intervals}: the complaint facts of {@link ComplaintDeadlines}, counted per tenant, category and
 * level in the interval of each fact's time. A fact with sign -1 takes back one counted before (a late event
 * changed it); counted in a final interval, either way, it restates it.
 */
public final class ComplaintIntervals implements IntervalMetric<ComplaintFact, ComplaintInterval> {
    private static final long serialVersionUID = 1L;

    @Override
    public String key(ComplaintFact f) {
        return f.tenantId + "|" + f.category + "|" + f.level;
    }

    @Override
    public String tenant(ComplaintFact f) {
        return f.tenantId;
    }

    @Override
    public ComplaintInterval newRow(ComplaintFact f, long intervalStart, String businessDate, CallPulseConfig config) {
        ComplaintInterval row = new ComplaintInterval();
        row.tenantId = f.tenantId;
        row.category = f.category;
        row.level = f.level;
        return row;
    }

    @Override
    public void add(ComplaintFact f, Rows<ComplaintInterval> rows) {
        ComplaintInterval row = rows.at(f.at);
        int n = f.sign;
        switch (f.kind) {
            case OPENED -> row.opened += n;
            case RESOLVED -> {
                row.resolved += n;
                if (f.onTime) {
                    row.resolvedOnTime += n;
                }
                row.resolveElapsedSeconds += n * f.elapsedSeconds;
                row.resolveBusinessSeconds += n * f.businessSeconds;
            }
            case REOPENED -> row.reopened += n;
            case CONFIRMED -> row.confirmed += n;
            case CLOSED -> row.closed += n;
            case BREACHED -> row.breached += n;
            case ESCALATED -> {
                row.escalations += n;
                if (f.byDeadline) {
                    row.deadlineEscalations += n;
                }
            }
            default -> throw new IllegalStateException("unknown complaint fact " + f.kind);
        }
    }

    @Override
    public Class<ComplaintInterval> rowClass() {
        return ComplaintInterval.class;
    }
}
