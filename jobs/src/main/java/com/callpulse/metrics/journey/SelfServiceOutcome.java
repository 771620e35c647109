package com.callpulse.metrics.journey;

import com.callpulse.schema.Doc;
import com.callpulse.schema.Required;
import com.callpulse.schema.Timestamp;

/**
 * A row of {@code self_service_outcomes}: one agent-handled leg on which the agent recommended a self-service path,
 * and what came of it within the self-service window. Attributed to the recommending leg's agent, team, queue and
 * topic, so rates per any of them are a GROUP BY. Written once, when decided.
 */
@Doc("One self-service recommendation made on an agent-handled leg, and its outcome within metrics.self_service_window: did the caller use the recommended path, and did they come back to an agent on the same topic.")
public class SelfServiceOutcome extends LegRow {
    @Required
    @Doc("The path recommended: ivr, sms_link, web or app.")
    public String selfServiceRecommended;

    @Required
    @Doc("The self-service window in hours (metrics.self_service_window).")
    public int windowHours;

    @Doc("The caller self-served on the recommended path within the window (ivr: in the voice IVR; sms_link, web, app: on a digital channel); null while undecided.")
    public Boolean used;

    @Timestamp
    @Doc("When the first such self-served contact began.")
    public Long usedAt;

    @Doc("That self-served contact.")
    public String usedContactId;

    @Doc("Its channel.")
    public String usedChannel;

    @Doc("The caller came back within the window in an inbound contact an agent handled on the same topic; null while undecided.")
    public Boolean calledBack;

    @Timestamp
    @Doc("When the first such contact began.")
    public Long calledBackAt;

    @Doc("That contact.")
    public String calledBackContactId;

    @Doc("succeeded (used, no call-back), used_then_called_back, called_back_without_use (came back before any use), not_used; null while undecided.")
    public RecommendationOutcome outcome;

    @Required
    @Doc("True when every answer is final (the window closed in event time, or both a use and a call-back were found); false for rows written at the end of a bounded input before their window closed, whose undecided columns are null.")
    public boolean complete;

    public SelfServiceOutcome() {}
}
