package com.callpulse.metrics.marketing;

import com.callpulse.metrics.IntervalRow;
import com.callpulse.schema.Doc;
import com.callpulse.schema.Required;

/** A row of {@code marketing_intervals}: the offers one agent made on one queue for one product in one interval. */
public class MarketingInterval extends IntervalRow {
    @Doc("Agent who made the offer; absent when the record names none.")
    public String agentId;

    @Doc("Agent's team.")
    public String teamId;

    @Doc("Queue of the contact the offer was made on; absent for contacts without a queue (e.g. outbound).")
    public String queueId;

    @Required
    @Doc("Product or service offered.")
    public String offerProduct;

    @Required
    @Doc("How an accepted offer is fulfilled: direct_handling (done on the contact), appointment (a visit or call-back is booked), pre_handling_delivery (prepared now, completed on delivery).")
    public String offerFlowType;

    @Required
    @Doc("Offers made.")
    public long offers;

    @Required
    @Doc("Offers the customer accepted.")
    public long accepted;

    @Required
    @Doc("Offers the customer declined.")
    public long declined;

    @Required
    @Doc("Offers left undecided at the end of the contact.")
    public long undecided;

    @Doc("Conversion: accepted / offers.")
    public Double conversionRate;

    @Override
    public void complete() {
        conversionRate = offers == 0 ? null : (double) accepted / offers;
    }
}
