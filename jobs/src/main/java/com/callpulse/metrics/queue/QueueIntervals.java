package com.callpulse.metrics.queue;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.ServiceLevelConfig;
import com.callpulse.metrics.IntervalMetric;
import com.callpulse.model.ContactOutcome;
import com.callpulse.model.ContactRecord;

import java.time.LocalDate;

/**
 * {@code queue_intervals}: the contact records of every leg that entered a queue, counted per tenant, queue and
 * channel in the interval of the leg's end (Amazon Connect's rule for contact-record metrics). A leg counts as
 * offered once, and as exactly one of answered, abandoned, flowed out or callback; "within T" compares the queue
 * wait in whole seconds with T inclusively.
 */
public final class QueueIntervals implements IntervalMetric<ContactRecord, QueueInterval> {
    private static final long serialVersionUID = 1L;

    @Override
    public String key(ContactRecord r) {
        return r.queueId == null || r.queuedAt == null ? null : r.tenantId + "|" + r.queueId + "|" + r.channel.code();
    }

    @Override
    public String tenant(ContactRecord r) {
        return r.tenantId;
    }

    @Override
    public QueueInterval newRow(ContactRecord r, long intervalStart, String businessDate, CallPulseConfig config) {
        ServiceLevelConfig sl = config.metrics().serviceLevel(r.tenantId, r.queueId, LocalDate.parse(businessDate));
        QueueInterval row = new QueueInterval();
        row.tenantId = r.tenantId;
        row.queueId = r.queueId;
        row.channel = r.channel.code();
        row.slConfig = sl.version();
        row.thresholdSeconds = sl.thresholdSeconds();
        row.shortAbandonSeconds = sl.shortAbandonSeconds();
        row.slVariant = sl.variant();
        return row;
    }

    @Override
    public void add(ContactRecord r, Rows<QueueInterval> rows) {
        QueueInterval row = rows.at(r.endedAt);
        long wait = r.queueWaitSeconds == null ? 0 : r.queueWaitSeconds;
        row.offered++;
        row.maxWaitSeconds = Math.max(row.maxWaitSeconds, wait);
        row.transfers += r.transferCount;
        ContactOutcome outcome = r.outcome;
        if (outcome == ContactOutcome.HANDLED) {
            row.answered++;
            if (wait <= row.thresholdSeconds) {
                row.answeredWithin++;
            }
            row.answeredWaitSeconds += wait;
            row.talkSeconds += orZero(r.talkSeconds);
            row.holdSeconds += orZero(r.holdSeconds);
            row.acwSeconds += orZero(r.acwSeconds);
        } else if (outcome == ContactOutcome.ABANDONED) {
            row.abandoned++;
            row.abandonedWaitSeconds += wait;
            if (wait <= row.thresholdSeconds) {
                row.abandonedWithin++;
            }
            if (wait <= row.shortAbandonSeconds) {
                row.shortAbandoned++;
            }
        } else if (outcome == ContactOutcome.FLOWED_OUT) {
            row.flowedOut++;
        } else if (outcome == ContactOutcome.CALLBACK_REQUESTED) {
            row.callbacks++;
        }
    }

    private static long orZero(Integer v) {
        return v == null ? 0 : v;
    }

    @Override
    public Class<QueueInterval> rowClass() {
        return QueueInterval.class;
    }
}
