package com.callpulse.metrics.demand;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.metrics.IntervalMetric;
import com.callpulse.model.ContactOutcome;
import com.callpulse.model.ContactRecord;
import com.callpulse.model.DemandCategory;
import com.callpulse.model.SelfServiceChannel;

/**
 * {@code demand_intervals}: what customers contact the center about. Each contact counts once, by the record of its
 * first leg (a transfer adds legs, not demand), in the interval of that leg's end — the contact-record rule of
 * every record metric, so a late wrap-up restates rather than disappears. Every contact counts, whatever its
 * outcome: demand met by self-service is demand too.
 */
public final class DemandIntervals implements IntervalMetric<ContactRecord, DemandInterval> {
    private static final long serialVersionUID = 1L;

    @Override
    public String key(ContactRecord r) {
        if (r.leg != 1) {
            return null;
        }
        return r.tenantId + '|' + code(r.demandCategory) + '|' + r.topic + '|' + newBusinessItem(r) + '|' + r.channel.code() + '|' + r.region + '|'
                + code(r.customerSegment);
    }

    private static String code(com.callpulse.schema.Code c) {
        return c == null ? null : c.code();
    }

    private static String newBusinessItem(ContactRecord r) {
        return r.demandCategory == DemandCategory.NEW_BUSINESS ? r.subTopic : null;
    }

    @Override
    public String tenant(ContactRecord r) {
        return r.tenantId;
    }

    @Override
    public DemandInterval newRow(ContactRecord r, long intervalStart, String businessDate, CallPulseConfig config) {
        DemandInterval row = new DemandInterval();
        row.tenantId = r.tenantId;
        row.demandCategory = code(r.demandCategory);
        row.topic = r.topic;
        row.newBusinessItem = newBusinessItem(r);
        row.channel = r.channel.code();
        row.region = r.region;
        row.customerSegment = code(r.customerSegment);
        return row;
    }

    @Override
    public void add(ContactRecord r, Rows<DemandInterval> rows) {
        DemandInterval row = rows.at(r.endedAt);
        row.contacts++;
        ContactOutcome outcome = r.outcome;
        if (outcome == ContactOutcome.HANDLED) {
            row.handled++;
            if (Boolean.TRUE.equals(r.resolvedOnContact)) {
                row.resolvedOnContact++;
            }
            if (r.transferCount > 0) {
                row.transferred++;
            }
            if (r.selfServiceRecommended != null && r.selfServiceRecommended != SelfServiceChannel.NONE) {
                row.selfServiceRecommended++;
            }
            row.handleSeconds += orZero(r.talkSeconds) + orZero(r.holdSeconds) + orZero(r.acwSeconds);
        } else if (outcome == ContactOutcome.SELF_SERVED) {
            row.selfServed++;
        } else if (outcome == ContactOutcome.ABANDONED) {
            row.abandoned++;
        } else {
            row.otherOutcome++;
        }
    }

    private static long orZero(Integer v) {
        return v == null ? 0 : v;
    }

    @Override
    public Class<DemandInterval> rowClass() {
        return DemandInterval.class;
    }
}
