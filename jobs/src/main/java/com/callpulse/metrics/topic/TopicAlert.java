package com.callpulse.metrics.topic;

import com.callpulse.model.Partitioned;
import com.callpulse.schema.Doc;
import com.callpulse.schema.Range;
import com.callpulse.schema.Required;
import com.callpulse.schema.Timestamp;

/**
 * A row of {@code topic_alerts}: one surge or drop of a topic, from the minute it was raised to the minute it
 * cleared, with what raised it. Written once, when the alert has ended and that is final. Which regions and queues
 * drove it is in {@code topic_alert_drivers}.
 */
public class TopicAlert implements Partitioned {
    @Required
    @Doc("Tenant.")
    public String tenantId;

    @Required
    @Doc("Id of the alert: tenant:topic:kind:start minute in UTC, e.g. cmcc-ah:broadband_outage:surge:2026-11-20T06:21Z.")
    public String alertId;

    @Required
    @Doc("Service topic.")
    public String topic;

    @Required
    @Doc("surge or drop.")
    public AlertKind kind;

    @Required
    @Doc("Always 1: written once, when final.")
    public int version;

    @Required
    @Timestamp
    @Doc("Start of the minute whose 15-minute window first reached |z15| >= surge_z.")
    public long startedAt;

    @Timestamp
    @Doc("Start of the first of the clear_minutes minutes in a row with z15 back inside clear_z (or absent); the alert covers started_at to ended_at. Absent if still open when the input ended.")
    public Long endedAt;

    @Timestamp
    @Doc("End of the minute that completed those clear_minutes: when the alert was cleared.")
    public Long clearedAt;

    @Range(min = 0)
    @Doc("Minutes from started_at to ended_at.")
    public Integer durationMinutes;

    @Required
    @Range(min = 0)
    @Doc("Contacts in the 15 minutes that raised the alert.")
    public long observed15;

    @Required
    @Doc("Expected contacts in those 15 minutes.")
    public double expected15;

    @Required
    @Doc("Their z-score.")
    public double z15;

    @Required
    @Doc("observed15 / expected15 then.")
    public double growth15;

    @Required
    @Range(min = 0)
    @Doc("Contacts in the 60 minutes ending with the start minute.")
    public long observed60;

    @Required
    @Doc("Expected contacts in those 60 minutes.")
    public double expected60;

    @Doc("Their z-score (absent under the guards).")
    public Double z60;

    @Required
    @Doc("Baseline of the start minute: seasonal or ewma.")
    public Baseline baseline;

    @Range(min = 1)
    @Doc("The topic's growth rank in the tenant at the start minute (topic_minutes.growth_rank).")
    public Integer growthRank;

    @Doc("Share of the topic's contacts in the 60 minutes before the start that the IVR served alone; the self-service path the data shows.")
    public Double ivrSelfServiceShare;

    @Required
    @Doc("What to do: divert_to_ivr (surge, IVR self-service share >= 5 %), no_self_service_path (surge, less), check_routing (drop).")
    public Suggestion suggestion;

    @Timestamp
    @Doc("Start of the minute with the most extreme z15 of the alert (highest for a surge, lowest for a drop; the first of equals).")
    public Long peakAt;

    @Doc("That z15.")
    public Double peakZ15;

    @Range(min = 0)
    @Doc("Contacts in the 15 minutes at the peak.")
    public Long peakObserved15;

    @Doc("Expected contacts in the 15 minutes at the peak.")
    public Double peakExpected15;

    @Range(min = 0)
    @Doc("Contacts on the topic from started_at to ended_at.")
    public Long observedTotal;

    @Doc("Expected contacts from started_at to ended_at (sum of topic_minutes.expected); observed_total - expected_total is the alert's excess (negative for a drop).")
    public Double expectedTotal;

    @Override
    public String partitionTenant() {
        return tenantId;
    }

    @Override
    public long partitionTime() {
        return startedAt;
    }
}
