package com.callpulse.model;

import com.callpulse.schema.Derived;
import com.callpulse.schema.Doc;
import com.callpulse.schema.Personal;
import com.callpulse.schema.Range;
import com.callpulse.schema.Required;
import com.callpulse.schema.Timestamp;

/**
 * The completed record of one leg of a contact, written when the leg ends (at the end of wrap-up when an
 * agent handled it). A transfer ends a leg: the next agent's work is leg 2 of the same contact, as Amazon
 * Connect writes one contact record per transfer leg. Contacts that never reached an agent (abandoned,
 * self-served, callback requested, flowed out) have one record, leg 1. Stream {@code contact_records}.
 */
@Doc("The completed record of one leg of a contact, written when the leg ends (after wrap-up when an agent handled it); a transfer starts the next leg.")
public class ContactRecord extends Event {
    @Required
    @Doc("Id of the contact, as in contact_events.")
    public String contactId;

    @Required
    @Range(min = 1, max = 100)
    @Doc("1 for the first leg; each transfer starts the next leg.")
    public int leg;

    @Required
    @Doc("Channel of the contact.")
    public Channel channel;

    @Required
    @Doc("inbound (customer-initiated) or outbound (e.g. a callback the center placed).")
    public Direction direction;

    @Required
    @Doc("How the leg ended: handled, abandoned, self_served, callback_requested, flowed_out.")
    public ContactOutcome outcome;

    @Personal(pseudonym = "callerKey")
    @Doc("Caller's phone number or channel handle. Pseudonymized before it is written.")
    public String callerNumber;

    @Derived
    @Doc("Keyed hash of the caller, the same for every contact of one caller within a tenant.")
    public String callerKey;

    @Doc("Queue of this leg.")
    public String queueId;

    @Doc("Agent who handled this leg; required when outcome is handled.")
    public String agentId;

    @Doc("The agent's team.")
    public String teamId;

    @Doc("The agent's site; remote seats have their own site id.")
    public String siteId;

    @Doc("True when the agent worked from a remote seat.")
    public Boolean remoteSeat;

    @Doc("Caller's district.")
    public String region;

    @Doc("Customer value tier.")
    public CustomerSegment customerSegment;

    @Required
    @Timestamp
    @Doc("When the contact reached the center (first leg) or this leg began (later legs).")
    public long arrivedAt;

    @Timestamp
    @Doc("When the leg entered its queue.")
    public Long queuedAt;

    @Timestamp
    @Doc("When an agent answered; absent when no agent did.")
    public Long answeredAt;

    @Required
    @Timestamp
    @Doc("When the customer part of the leg ended (hang-up, transfer, abandon).")
    public long endedAt;

    @Timestamp
    @Doc("When the agent finished after-contact work.")
    public Long wrapupEndedAt;

    @Range(min = 0)
    @Doc("Seconds in the IVR.")
    public Integer ivrSeconds;

    @Range(min = 0)
    @Doc("Seconds waiting in queue until answer, abandon or flow-out.")
    public Integer queueWaitSeconds;

    @Range(min = 0)
    @Doc("Seconds the agent talked or chatted with the customer, holds excluded.")
    public Integer talkSeconds;

    @Range(min = 0)
    @Doc("Seconds the customer was on hold.")
    public Integer holdSeconds;

    @Range(min = 0)
    @Doc("How many times the customer was put on hold.")
    public Integer holdCount;

    @Range(min = 0)
    @Doc("Seconds of after-contact work (wrap-up).")
    public Integer acwSeconds;

    @Doc("Service topic, e.g. broadband_outage.")
    public String topic;

    @Doc("Finer topic under topic.")
    public String subTopic;

    @Doc("Demand category: consultation, business_change, billing_inquiry, fault_report, complaint, cancellation, new_business, suggestion, other.")
    public DemandCategory demandCategory;

    @Doc("The agent marked the customer's need as resolved on this contact.")
    public Boolean resolvedOnContact;

    @Required
    @Range(min = 0, max = 100)
    @Doc("Transfers made during this leg (0 or 1 in practice); the sum over a contact's legs is its transfer count.")
    public int transferCount;

    @Doc("Self-service path the agent recommended: none, ivr, sms_link, web, app.")
    public SelfServiceChannel selfServiceRecommended;

    @Doc("Product of a service-marketing offer made on this leg.")
    public String offerProduct;

    @Doc("Fulfilment flow of the offer: direct_handling, appointment, pre_handling_delivery.")
    public OfferFlowType offerFlowType;

    @Doc("Customer's answer to the offer: accepted, declined, undecided.")
    public OfferOutcome offerOutcome;

    @Override
    public Problem check() {
        if (outcome == ContactOutcome.HANDLED && agentId == null) {
            return missingFor("agent_id", "outcome is handled");
        }
        if (endedAt < arrivedAt) {
            return inconsistent("ended_at is before arrived_at");
        }
        if (answeredAt != null && (answeredAt < arrivedAt || answeredAt > endedAt)) {
            return inconsistent("answered_at is outside arrived_at..ended_at");
        }
        if (wrapupEndedAt != null && wrapupEndedAt < endedAt) {
            return inconsistent("wrapup_ended_at is before ended_at");
        }
        if (offerProduct != null && (offerFlowType == null || offerOutcome == null)) {
            return missingFor(offerFlowType == null ? "offer_flow_type" : "offer_outcome", "offer_product is set");
        }
        return null;
    }
}
