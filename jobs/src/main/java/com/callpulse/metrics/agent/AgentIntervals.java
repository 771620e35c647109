package com.callpulse.metrics.agent;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.metrics.IntervalMetric;
import com.callpulse.model.ContactOutcome;
import com.callpulse.model.ContactRecord;
import com.callpulse.model.Direction;
import com.callpulse.model.OfferOutcome;

/**
 * {@code agent_intervals}: the contact records of legs an agent handled, counted per tenant, agent, team, site and
 * remote seat in the interval of the leg's end (Amazon Connect's rule for contact-record metrics, as in
 * {@code queue_intervals}). Records of legs no agent handled (abandoned, self-served, flowed out, callback
 * requested) are not agent work and count only in the queue tables.
 */
public final class AgentIntervals implements IntervalMetric<ContactRecord, AgentInterval> {
    private static final long serialVersionUID = 1L;

    @Override
    public String key(ContactRecord r) {
        return r.outcome != ContactOutcome.HANDLED || r.agentId == null ? null : AgentKey.of(r.tenantId, r.agentId, r.teamId, r.siteId, r.remoteSeat);
    }

    @Override
    public String tenant(ContactRecord r) {
        return r.tenantId;
    }

    @Override
    public AgentInterval newRow(ContactRecord r, long intervalStart, String businessDate, CallPulseConfig config) {
        AgentInterval row = new AgentInterval();
        row.tenantId = r.tenantId;
        row.agentId = r.agentId;
        row.teamId = r.teamId;
        row.siteId = r.siteId;
        row.remoteSeat = r.remoteSeat;
        return row;
    }

    @Override
    public void add(ContactRecord r, Rows<AgentInterval> rows) {
        AgentInterval row = rows.at(r.endedAt);
        row.handled++;
        if (r.direction == Direction.OUTBOUND) {
            row.outbound++;
        }
        row.talkSeconds += orZero(r.talkSeconds);
        row.holdSeconds += orZero(r.holdSeconds);
        row.acwSeconds += orZero(r.acwSeconds);
        row.holds += orZero(r.holdCount);
        if (orZero(r.holdCount) > 0 || orZero(r.holdSeconds) > 0) {
            row.held++;
        }
        row.transfers += r.transferCount;
        if (r.transferCount > 0) {
            row.transferred++;
        }
        if (r.resolvedOnContact != null) {
            row.resolutionReported++;
            if (r.resolvedOnContact) {
                row.resolved++;
            }
        }
        selfService(r, row);
        if (r.offerProduct != null) {
            offer(r, row);
        }
    }

    private static void selfService(ContactRecord r, AgentInterval row) {
        if (r.selfServiceRecommended == null) {
            return;
        }
        switch (r.selfServiceRecommended) {
            case IVR -> row.selfServiceIvr++;
            case SMS_LINK -> row.selfServiceSmsLink++;
            case WEB -> row.selfServiceWeb++;
            case APP -> row.selfServiceApp++;
            case NONE -> {
                return;
            }
        }
        row.selfServiceRecommended++;
    }

    /** Validation guarantees a flow type and an outcome with every offer product. */
    private static void offer(ContactRecord r, AgentInterval row) {
        row.offers++;
        boolean accepted = r.offerOutcome == OfferOutcome.ACCEPTED;
        switch (r.offerOutcome) {
            case ACCEPTED -> row.offersAccepted++;
            case DECLINED -> row.offersDeclined++;
            case UNDECIDED -> row.offersUndecided++;
        }
        switch (r.offerFlowType) {
            case DIRECT_HANDLING -> {
                row.offersDirectHandling++;
                row.acceptedDirectHandling += accepted ? 1 : 0;
            }
            case APPOINTMENT -> {
                row.offersAppointment++;
                row.acceptedAppointment += accepted ? 1 : 0;
            }
            case PRE_HANDLING_DELIVERY -> {
                row.offersPreHandlingDelivery++;
                row.acceptedPreHandlingDelivery += accepted ? 1 : 0;
            }
        }
    }

    private static long orZero(Integer v) {
        return v == null ? 0 : v;
    }

    @Override
    public Class<AgentInterval> rowClass() {
        return AgentInterval.class;
    }
}
