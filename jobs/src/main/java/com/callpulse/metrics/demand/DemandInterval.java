package com.callpulse.metrics.demand;

import com.callpulse.metrics.IntervalRow;
import com.callpulse.schema.Doc;
import com.callpulse.schema.Required;

/**
 * A row of {@code demand_intervals}: the contacts of one interval with the same demand category, topic, channel,
 * region and customer segment. The lowest grain of demand; every breakdown above it (per day, per category, per
 * region) is a sum of these rows.
 */
public class DemandInterval extends IntervalRow {
    @Doc("Demand category: what the customer wanted (consultation, business_change, billing_inquiry, fault_report, complaint, cancellation, new_business, suggestion, other); absent when the contact ended before anyone knew (e.g. hung up in the IVR).")
    public String demandCategory;

    @Doc("Service topic; absent when it never became known.")
    public String topic;

    @Doc("For new-business demand only: the product or service asked for (the contact's sub-topic); absent otherwise.")
    public String newBusinessItem;

    @Required
    @Doc("Channel the contact came in on.")
    public String channel;

    @Doc("Caller's region (district); absent when unknown.")
    public String region;

    @Doc("Customer segment; absent when unknown.")
    public String customerSegment;

    @Required
    @Doc("Contacts (each counted once, by its first leg).")
    public long contacts;

    @Required
    @Doc("Of them, handled by an agent (on the first leg).")
    public long handled;

    @Required
    @Doc("Of them, self-served (IVR, app, chat bot) without an agent.")
    public long selfServed;

    @Required
    @Doc("Of them, abandoned (in the IVR or the queue).")
    public long abandoned;

    @Required
    @Doc("Of them, ended otherwise: callback requested or flowed out of the queue.")
    public long otherOutcome;

    @Required
    @Doc("Handled contacts the agent marked resolved on contact.")
    public long resolvedOnContact;

    @Required
    @Doc("Handled contacts transferred to another queue or agent.")
    public long transferred;

    @Required
    @Doc("Handled contacts where the agent recommended a self-service path (IVR, SMS link, web, app).")
    public long selfServiceRecommended;

    @Required
    @Doc("Sum of handle time (talk + hold + after-contact work) of the handled first legs, seconds.")
    public long handleSeconds;

    @Doc("Share of contacts self-served: self_served / contacts.")
    public Double selfServiceRate;

    @Doc("Share of handled contacts resolved on contact: resolved_on_contact / handled.")
    public Double resolutionRate;

    @Doc("Average handle time of the handled first legs: handle_seconds / handled.")
    public Double ahtSeconds;

    @Override
    public void complete() {
        selfServiceRate = contacts == 0 ? null : (double) selfServed / contacts;
        resolutionRate = handled == 0 ? null : (double) resolvedOnContact / handled;
        ahtSeconds = handled == 0 ? null : (double) handleSeconds / handled;
    }
}
