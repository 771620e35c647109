package com.callpulse.metrics.satisfaction;

import com.callpulse.metrics.IntervalRow;
import com.callpulse.schema.Doc;
import com.callpulse.schema.Required;

/**
 * A row of {@code satisfaction_intervals}: the survey responses received in one interval about one agent's
 * contacts on one queue, topic and channel.
 */
public class SatisfactionInterval extends IntervalRow {
    @Doc("Agent of the surveyed contact; absent when the survey names none.")
    public String agentId;

    @Doc("Queue of the surveyed contact.")
    public String queueId;

    @Doc("Topic of the surveyed contact, from its contact record; absent when no record of the contact was found.")
    public String topic;

    @Doc("Channel of the surveyed contact, from its contact record; absent when no record was found.")
    public String channel;

    @Required
    @Doc("Survey responses received.")
    public long responses;

    @Required
    @Doc("Responses whose contact record was not found (they count, without topic and channel).")
    public long withoutContactRecord;

    @Required
    @Doc("Responses with a CSAT score (1-5).")
    public long csatResponses;

    @Required
    @Doc("Sum of CSAT scores.")
    public long csatSum;

    @Required
    @Doc("CSAT responses of 4 or 5 (satisfied: the top two boxes).")
    public long csatSatisfied;

    @Required
    @Doc("Responses with an NPS score (0-10).")
    public long npsResponses;

    @Required
    @Doc("NPS 9 or 10.")
    public long promoters;

    @Required
    @Doc("NPS 7 or 8.")
    public long passives;

    @Required
    @Doc("NPS 0 to 6.")
    public long detractors;

    @Required
    @Doc("Responses answering whether the issue was resolved.")
    public long resolvedResponses;

    @Required
    @Doc("Of them, answered yes.")
    public long resolvedYes;

    @Doc("CSAT: csat_satisfied / csat_responses (share of 4-5), 0..1.")
    public Double csat;

    @Doc("Average CSAT score: csat_sum / csat_responses, 1..5.")
    public Double csatAverage;

    @Doc("Net promoter score: 100 * (promoters - detractors) / nps_responses, -100..100.")
    public Double nps;

    @Doc("Resolved-yes rate: resolved_yes / resolved_responses, 0..1.")
    public Double resolvedRate;

    @Override
    public void complete() {
        csat = csatResponses == 0 ? null : (double) csatSatisfied / csatResponses;
        csatAverage = csatResponses == 0 ? null : (double) csatSum / csatResponses;
        nps = npsResponses == 0 ? null : 100.0 * (promoters - detractors) / npsResponses;
        resolvedRate = resolvedResponses == 0 ? null : (double) resolvedYes / resolvedResponses;
    }
}
