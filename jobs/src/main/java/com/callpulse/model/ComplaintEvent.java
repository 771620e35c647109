package com.callpulse.model;

import com.callpulse.schema.Derived;
import com.callpulse.schema.Doc;
import com.callpulse.schema.Personal;
import com.callpulse.schema.Range;
import com.callpulse.schema.Required;

/** One step of a complaint ticket's lifecycle (stream {@code complaint_events}). */
@Doc("One step of a complaint ticket's lifecycle, from opened to closed.")
public class ComplaintEvent extends Event {
    @Required
    @Doc("Complaint ticket id.")
    public String complaintId;

    @Required
    @Doc("Step: opened, assigned, escalated, customer_contacted, awaiting_customer, customer_responded, resolved, confirmed, reopened, closed.")
    public ComplaintAction action;

    @Doc("What the complaint is about; required on opened.")
    public ComplaintCategory category;

    @Doc("low, medium, high, critical; required on opened.")
    public Severity severity;

    @Doc("Name of the deadline policy that sets the resolution deadline; required on opened.")
    public String deadlinePolicy;

    @Doc("Contact on which the complaint was raised.")
    public String linkedContactId;

    @Doc("Channel the complaint came in on.")
    public Channel channel;

    @Personal(pseudonym = "callerKey")
    @Doc("Complainant's phone number. Pseudonymized before it is written.")
    public String callerNumber;

    @Derived
    @Doc("Keyed hash of the complainant, comparable with contact callers of the same tenant.")
    public String callerKey;

    @Doc("Agent or team the ticket is assigned to.")
    public String assignedTo;

    @Range(min = 0, max = 10)
    @Doc("Escalation level after this step; 0 when never escalated.")
    public Integer level;

    @Override
    public Problem check() {
        if (action == ComplaintAction.OPENED) {
            if (category == null) {
                return missingFor("category", "action is opened");
            }
            if (severity == null) {
                return missingFor("severity", "action is opened");
            }
            if (deadlinePolicy == null) {
                return missingFor("deadline_policy", "action is opened");
            }
        }
        if (action == ComplaintAction.ESCALATED && level == null) {
            return missingFor("level", "action is escalated");
        }
        return null;
    }
}
