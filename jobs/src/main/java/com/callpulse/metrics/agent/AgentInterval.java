package com.callpulse.metrics.agent;

import com.callpulse.metrics.IntervalRow;
import com.callpulse.schema.Doc;
import com.callpulse.schema.Required;

/**
 * A row of {@code agent_intervals}: what one agent did on the contact legs they handled that ended in one interval,
 * from the contact records (one per leg: a transferred contact counts once for each agent who handled a leg of it).
 * Only counters are summed; every ratio is recomputed from summed counters, so a day or a team is a plain sum.
 */
public class AgentInterval extends IntervalRow {
    @Required
    @Doc("Agent who handled the legs.")
    public String agentId;

    @Doc("The agent's team as named on the legs' records (a row per team if it changed).")
    public String teamId;

    @Doc("The agent's site as named on the legs' records; remote seats have their own site id.")
    public String siteId;

    @Doc("Whether the legs were worked from a remote seat, as on the records (a row per value).")
    public Boolean remoteSeat;

    @Required
    @Doc("Legs the agent handled (outcome handled) that ended in the interval.")
    public long handled;

    @Required
    @Doc("Handled legs that were outbound (e.g. callbacks the center placed).")
    public long outbound;

    @Required
    @Doc("Sum of talk time of the handled legs, holds excluded, seconds.")
    public long talkSeconds;

    @Required
    @Doc("Sum of customer hold time of the handled legs, seconds.")
    public long holdSeconds;

    @Required
    @Doc("Sum of after-contact work of the handled legs, seconds.")
    public long acwSeconds;

    @Required
    @Doc("Handled legs on which the customer was held at least once (hold_count > 0 or hold_seconds > 0).")
    public long held;

    @Required
    @Doc("Times customers were put on hold (sum of hold_count).")
    public long holds;

    @Required
    @Doc("Handled legs the agent transferred (transfer_count > 0).")
    public long transferred;

    @Required
    @Doc("Transfers the agent made (sum of transfer_count).")
    public long transfers;

    @Required
    @Doc("Handled legs the agent marked resolved on contact.")
    public long resolved;

    @Required
    @Doc("Handled legs whose record says whether they were resolved (resolved_on_contact present).")
    public long resolutionReported;

    @Required
    @Doc("Handled legs on which the agent recommended a self-service path (any but none).")
    public long selfServiceRecommended;

    @Required
    @Doc("Handled legs with self-service path ivr recommended.")
    public long selfServiceIvr;

    @Required
    @Doc("Handled legs with self-service path sms_link recommended.")
    public long selfServiceSmsLink;

    @Required
    @Doc("Handled legs with self-service path web recommended.")
    public long selfServiceWeb;

    @Required
    @Doc("Handled legs with self-service path app recommended.")
    public long selfServiceApp;

    @Required
    @Doc("Service-marketing offers made on handled legs (offer_product present).")
    public long offers;

    @Required
    @Doc("Offers the customer accepted.")
    public long offersAccepted;

    @Required
    @Doc("Offers the customer declined.")
    public long offersDeclined;

    @Required
    @Doc("Offers the customer left undecided.")
    public long offersUndecided;

    @Required
    @Doc("Offers with flow type direct_handling.")
    public long offersDirectHandling;

    @Required
    @Doc("Offers with flow type appointment.")
    public long offersAppointment;

    @Required
    @Doc("Offers with flow type pre_handling_delivery.")
    public long offersPreHandlingDelivery;

    @Required
    @Doc("Accepted offers with flow type direct_handling.")
    public long acceptedDirectHandling;

    @Required
    @Doc("Accepted offers with flow type appointment.")
    public long acceptedAppointment;

    @Required
    @Doc("Accepted offers with flow type pre_handling_delivery.")
    public long acceptedPreHandlingDelivery;

    @Doc("Average handle time: (talk_seconds + hold_seconds + acw_seconds) / handled.")
    public Double ahtSeconds;

    @Doc("Average talk time: talk_seconds / handled.")
    public Double avgTalkSeconds;

    @Doc("Average hold time over all handled legs: hold_seconds / handled (the hold part of AHT).")
    public Double avgHoldSeconds;

    @Doc("Average hold time over held legs only: hold_seconds / held.")
    public Double avgHoldWhenHeldSeconds;

    @Doc("Average after-contact work: acw_seconds / handled.")
    public Double avgAcwSeconds;

    @Doc("Hold rate: held / handled.")
    public Double holdRate;

    @Doc("Transfer rate: transferred / handled.")
    public Double transferRate;

    @Doc("Resolution rate: resolved / resolution_reported.")
    public Double resolutionRate;

    @Doc("Self-service recommendation rate: self_service_recommended / handled.")
    public Double selfServiceRecommendationRate;

    @Doc("Offer conversion rate: offers_accepted / offers.")
    public Double offerConversionRate;

    @Override
    public void complete() {
        ahtSeconds = ratio(talkSeconds + holdSeconds + acwSeconds, handled);
        avgTalkSeconds = ratio(talkSeconds, handled);
        avgHoldSeconds = ratio(holdSeconds, handled);
        avgHoldWhenHeldSeconds = ratio(holdSeconds, held);
        avgAcwSeconds = ratio(acwSeconds, handled);
        holdRate = ratio(held, handled);
        transferRate = ratio(transferred, handled);
        resolutionRate = ratio(resolved, resolutionReported);
        selfServiceRecommendationRate = ratio(selfServiceRecommended, handled);
        offerConversionRate = ratio(offersAccepted, offers);
    }

    /** n / d, absent when nothing counts (d = 0). */
    static Double ratio(double n, double d) {
        return d == 0 ? null : n / d;
    }
}
