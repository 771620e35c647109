package com.callpulse.model;

import com.callpulse.schema.Doc;
import com.callpulse.schema.FreeText;
import com.callpulse.schema.Range;
import com.callpulse.schema.Required;

/** A customer's answer to the post-contact satisfaction survey (stream {@code survey_responses}). */
@Doc("A customer's answer to the post-contact satisfaction survey.")
public class SurveyResponse extends Event {
    @Required
    @Doc("Contact the survey is about.")
    public String contactId;

    @Doc("Agent who handled the contact.")
    public String agentId;

    @Doc("Queue of the surveyed contact.")
    public String queueId;

    @Doc("How the survey reached the customer: ivr, sms, wechat, app, email.")
    public SurveyMethod method;

    @Range(min = 1, max = 5)
    @Doc("Satisfaction, 1 (very dissatisfied) to 5 (very satisfied).")
    public Integer csat;

    @Range(min = 0, max = 10)
    @Doc("Likelihood to recommend, 0 to 10.")
    public Integer nps;

    @Doc("The customer says the need was resolved.")
    public Boolean resolved;

    @FreeText
    @Doc("Free-text comment; phone numbers in it are pseudonymized before it is written.")
    public String comment;

    @Override
    public Problem check() {
        if (csat == null && nps == null && resolved == null) {
            return missingFor("csat", "neither nps nor resolved is given (an empty survey)");
        }
        return null;
    }
}
