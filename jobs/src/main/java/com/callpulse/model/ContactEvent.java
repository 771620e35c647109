package com.callpulse.model;

import com.callpulse.schema.Derived;
import com.callpulse.schema.Doc;
import com.callpulse.schema.Personal;
import com.callpulse.schema.Range;
import com.callpulse.schema.Required;

/** One step of a contact's life in the ACD/IVR (stream {@code contact_events}). */
@Doc("One step of a contact's life in the ACD/IVR on any channel: arrived, IVR, queue, agent, hold, transfer, abandon, end.")
public class ContactEvent extends Event {
    @Required
    @Doc("Id of the contact; the same for every step and leg of one customer contact, transfers included.")
    public String contactId;

    @Required
    @Doc("Which step: arrived, ivr_entered, ivr_left, queued, offered, answered, hold, unhold, transferred, abandoned, flowed_out, callback_requested, ended.")
    public ContactEventType eventType;

    @Required
    @Doc("Channel of the contact.")
    public Channel channel;

    @Doc("Queue the contact waits in or was answered from; required from queued on.")
    public String queueId;

    @Doc("Skill the queue routes on.")
    public String skill;

    @Doc("Agent the contact was offered to or handled by; required for offered, answered, hold, unhold, transferred.")
    public String agentId;

    @Personal(pseudonym = "callerKey")
    @Doc("Caller's phone number or channel handle, on arrived. Pseudonymized before it is written.")
    public String callerNumber;

    @Derived
    @Doc("Keyed hash of the caller, the same for every contact of one caller within a tenant.")
    public String callerKey;

    @Doc("Caller's district, from the number or the account.")
    public String region;

    @Doc("Topic the caller chose in the IVR menu (ivr_left, queued).")
    public String ivrTopic;

    @Doc("On ivr_left: true when the IVR served the caller with no agent.")
    public Boolean selfServed;

    @Range(min = 0)
    @Doc("Seconds the contact had waited in queue, on answered, abandoned and flowed_out.")
    public Integer waitSeconds;

    @Doc("On transferred and flowed_out: the queue the contact moves to.")
    public String targetQueueId;

    @Override
    public Problem check() {
        if (eventType == null) {
            return null;
        }
        switch (eventType) {
            case QUEUED:
            case ABANDONED:
            case FLOWED_OUT:
                if (queueId == null) {
                    return missingFor("queue_id", "event_type is " + eventType.code());
                }
                break;
            case OFFERED:
            case ANSWERED:
            case HOLD:
            case UNHOLD:
            case TRANSFERRED:
                if (agentId == null) {
                    return missingFor("agent_id", "event_type is " + eventType.code());
                }
                break;
            default:
                break;
        }
        if (eventType == ContactEventType.IVR_LEFT && selfServed == null) {
            return missingFor("self_served", "event_type is ivr_left");
        }
        return null;
    }
}
