package com.callpulse.metrics.marketing;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.metrics.IntervalMetric;
import com.callpulse.model.ContactRecord;
import com.callpulse.model.OfferOutcome;

/**
 * {@code marketing_intervals}: service-marketing offers made on contacts (the contact record's offer fields), per
 * tenant, agent, queue, product and flow type, in the interval of the leg's end. Each leg carries at most one
 * offer (the contract requires its flow type and outcome with it).
 */
public final class MarketingIntervals implements IntervalMetric<ContactRecord, MarketingInterval> {
    private static final long serialVersionUID = 1L;

    @Override
    public String key(ContactRecord r) {
        if (r.offerProduct == null) {
            return null;
        }
        return r.tenantId + '|' + r.agentId + '|' + r.teamId + '|' + r.queueId + '|' + r.offerProduct + '|' + r.offerFlowType.code();
    }

    @Override
    public String tenant(ContactRecord r) {
        return r.tenantId;
    }

    @Override
    public MarketingInterval newRow(ContactRecord r, long intervalStart, String businessDate, CallPulseConfig config) {
        MarketingInterval row = new MarketingInterval();
        row.tenantId = r.tenantId;
        row.agentId = r.agentId;
        row.teamId = r.teamId;
        row.queueId = r.queueId;
        row.offerProduct = r.offerProduct;
        row.offerFlowType = r.offerFlowType.code();
        return row;
    }

    @Override
    public void add(ContactRecord r, Rows<MarketingInterval> rows) {
        MarketingInterval row = rows.at(r.endedAt);
        row.offers++;
        if (r.offerOutcome == OfferOutcome.ACCEPTED) {
            row.accepted++;
        } else if (r.offerOutcome == OfferOutcome.DECLINED) {
            row.declined++;
        } else {
            row.undecided++;
        }
    }

    @Override
    public Class<MarketingInterval> rowClass() {
        return MarketingInterval.class;
    }
}
