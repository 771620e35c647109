package com.callpulse.metrics.agent;

import com.callpulse.metrics.IntervalMetric;
import com.callpulse.model.ContactOutcome;
import com.callpulse.model.ContactRecord;
import com.callpulse.model.Direction;
import com.callpulse.model.OfferFlowType;
import com.callpulse.model.OfferOutcome;
import com.callpulse.model.SelfServiceChannel;
import com.callpulse.testing.Fixtures;
import org.junit.jupiter.api.Test;

import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic of agent_intervals: what a handled leg adds to its agent's row, and the ratios of the counters. */
class AgentIntervalsTest {
    private final AgentIntervals metric = new AgentIntervals();
    private final AgentInterval row = new AgentInterval();
    private final IntervalMetric.Rows<AgentInterval> rows = t -> row;
    private int ids;

    private ContactRecord leg() {
        ContactRecord r = Fixtures.contactRecord("r" + (++ids), T0 + 5 * 60_000, "c" + ids);
        r.teamId = "team-1";
        r.siteId = "hefei";
        r.remoteSeat = false;
        r.holdSeconds = 0;
        r.holdCount = 0;
        r.resolvedOnContact = true;
        r.selfServiceRecommended = SelfServiceChannel.NONE;
        return r;
    }

    @Test
    void onlyLegsAnAgentHandledCountAndEachTeamSiteAndSeatHasItsOwnRow() {
        ContactRecord handled = leg();
        assertThat(metric.key(handled)).isEqualTo(AgentKey.of("cmcc-ah", "a-0001", "team-1", "hefei", false));
        ContactRecord abandoned = leg();
        abandoned.outcome = ContactOutcome.ABANDONED;
        assertThat(metric.key(abandoned)).isNull();
        ContactRecord remote = leg();
        remote.remoteSeat = true;
        ContactRecord noTeam = leg();
        noTeam.teamId = null;
        assertThat(metric.key(remote)).isNotEqualTo(metric.key(handled));
        assertThat(metric.key(noTeam)).isNotEqualTo(metric.key(handled)).isNotEqualTo(AgentKey.of("cmcc-ah", "a-0001", "null", "hefei", false));
    }

    @Test
    void handleTimeAndItsPartsAreAveragedOverHandledLegs() {
        ContactRecord a = leg();
        a.talkSeconds = 300;
        a.holdSeconds = 60;
        a.holdCount = 2;
        a.acwSeconds = 30;
        ContactRecord b = leg();
        b.talkSeconds = 100;
        b.acwSeconds = 10;
        b.holdSeconds = null; // absent counts as none
        b.holdCount = null;
        b.direction = Direction.OUTBOUND;
        metric.add(a, rows);
        metric.add(b, rows);
        row.complete();
        assertThat(row.handled).isEqualTo(2);
        assertThat(row.outbound).isEqualTo(1);
        assertThat(row.ahtSeconds).isEqualTo((300 + 60 + 30 + 100 + 10) / 2.0);
        assertThat(row.avgTalkSeconds).isEqualTo(200.0);
        assertThat(row.avgHoldSeconds).as("over all handled legs").isEqualTo(30.0);
        assertThat(row.avgHoldWhenHeldSeconds).as("over held legs").isEqualTo(60.0);
        assertThat(row.avgAcwSeconds).isEqualTo(20.0);
        assertThat(row.holds).isEqualTo(2);
        assertThat(row.holdRate).isEqualTo(0.5);
    }

    @Test
    void holdTransferAndResolutionRates() {
        ContactRecord heldWithoutCount = leg();
        heldWithoutCount.holdSeconds = 15;
        heldWithoutCount.holdCount = null;
        ContactRecord transferred = leg();
        transferred.transferCount = 1;
        transferred.resolvedOnContact = false;
        ContactRecord unreported = leg();
        unreported.resolvedOnContact = null;
        ContactRecord plain = leg();
        for (ContactRecord r : new ContactRecord[] {heldWithoutCount, transferred, unreported, plain}) {
            metric.add(r, rows);
        }
        row.complete();
        assertThat(row.held).isEqualTo(1);
        assertThat(row.holdRate).isEqualTo(0.25);
        assertThat(row.transferred).isEqualTo(1);
        assertThat(row.transfers).isEqualTo(1);
        assertThat(row.transferRate).isEqualTo(0.25);
        assertThat(row.resolutionReported).isEqualTo(3);
        assertThat(row.resolved).isEqualTo(2);
        assertThat(row.resolutionRate).as("resolved / legs that say").isEqualTo(2.0 / 3);
    }

    @Test
    void selfServiceRecommendationsByPath() {
        SelfServiceChannel[] paths = {SelfServiceChannel.IVR, SelfServiceChannel.SMS_LINK, SelfServiceChannel.SMS_LINK, SelfServiceChannel.WEB,
            SelfServiceChannel.APP, SelfServiceChannel.NONE, null, SelfServiceChannel.NONE};
        for (SelfServiceChannel p : paths) {
            ContactRecord r = leg();
            r.selfServiceRecommended = p;
            metric.add(r, rows);
        }
        row.complete();
        assertThat(row.selfServiceRecommended).isEqualTo(5);
        assertThat(new long[] {row.selfServiceIvr, row.selfServiceSmsLink, row.selfServiceWeb, row.selfServiceApp}).containsExactly(1, 2, 1, 1);
        assertThat(row.selfServiceRecommendationRate).isEqualTo(5.0 / 8);
    }

    @Test
    void offersByFlowTypeAndOutcome() {
        Object[][] offers = {
            {OfferFlowType.DIRECT_HANDLING, OfferOutcome.ACCEPTED}, {OfferFlowType.DIRECT_HANDLING, OfferOutcome.DECLINED},
            {OfferFlowType.APPOINTMENT, OfferOutcome.ACCEPTED}, {OfferFlowType.APPOINTMENT, OfferOutcome.UNDECIDED},
            {OfferFlowType.PRE_HANDLING_DELIVERY, OfferOutcome.ACCEPTED}, {OfferFlowType.PRE_HANDLING_DELIVERY, OfferOutcome.ACCEPTED}};
        for (Object[] o : offers) {
            ContactRecord r = leg();
            r.offerProduct = "5g_upgrade";
            r.offerFlowType = (OfferFlowType) o[0];
            r.offerOutcome = (OfferOutcome) o[1];
            metric.add(r, rows);
        }
        metric.add(leg(), rows); // no offer
        row.complete();
        assertThat(row.offers).isEqualTo(6);
        assertThat(new long[] {row.offersAccepted, row.offersDeclined, row.offersUndecided}).containsExactly(4, 1, 1);
        assertThat(new long[] {row.offersDirectHandling, row.offersAppointment, row.offersPreHandlingDelivery}).containsExactly(2, 2, 2);
        assertThat(new long[] {row.acceptedDirectHandling, row.acceptedAppointment, row.acceptedPreHandlingDelivery}).containsExactly(1, 1, 2);
        assertThat(row.offerConversionRate).isEqualTo(4.0 / 6);
    }

    @Test
    void ratiosAreAbsentWhenNothingCounts() {
        row.complete();
        assertThat(row.ahtSeconds).isNull();
        assertThat(row.holdRate).isNull();
        assertThat(row.avgHoldWhenHeldSeconds).isNull();
        assertThat(row.resolutionRate).isNull();
        assertThat(row.offerConversionRate).isNull();
    }
}
