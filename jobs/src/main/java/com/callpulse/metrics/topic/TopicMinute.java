package com.callpulse.metrics.topic;

import com.callpulse.model.Partitioned;
import com.callpulse.schema.Doc;
import com.callpulse.schema.Range;
import com.callpulse.schema.Required;
import com.callpulse.schema.Timestamp;

/**
 * A row of {@code topic_minutes}: one tenant's service topic in one minute, against its baseline. Written once, when
 * the minute is final (an hour after it: see docs/metrics.md, "Hot topics"), for every minute in which the topic had
 * a contact in the trailing hour or an open alert.
 */
public class TopicMinute implements Partitioned {
    @Required
    @Doc("Tenant.")
    public String tenantId;

    @Required
    @Doc("Service topic the IVR or chat bot recognized (ivr_topic of the contact's ivr_left or queued event).")
    public String topic;

    @Required
    @Timestamp
    @Doc("Start of the minute (minutes are whole UTC minutes; every tenant zone offset is a whole number of minutes).")
    public long minuteStart;

    @Required
    @Doc("Always 1: hot-topic rows are written once, when final; kept so readers can take the highest version of every table alike.")
    public int version;

    @Required
    @Range(min = 0)
    @Doc("Contacts on the topic in the minute: each contact once per topic, at the first event that carried the topic.")
    public long contacts;

    @Required
    @Range(min = 0)
    @Doc("Of contacts, those the IVR served without an agent (ivr_left with self_served true).")
    public long ivrSelfServed;

    @Required
    @Range(min = 0)
    @Doc("Contacts on the topic in the 15 minutes ending with this one.")
    public long observed15;

    @Required
    @Range(min = 0)
    @Doc("Contacts on the topic in the 60 minutes ending with this one.")
    public long observed60;

    @Required
    @Doc("Expected contacts in the minute: baseline_rate x traffic_factor15.")
    public double expected;

    @Required
    @Doc("The topic's own baseline for the minute, contacts per minute, before the traffic adjustment.")
    public double baselineRate;

    @Required
    @Doc("Where baseline_rate comes from: seasonal (same weekday and slot in past weeks) or ewma.")
    public Baseline baseline;

    @Required
    @Doc("How the tenant's other topics (those not in a surge) run against their own baselines over the 15 minutes: (observed + k) / (expected + k), k = max(min_expected, 1).")
    public double trafficFactor15;

    @Required
    @Doc("The same over 60 minutes.")
    public double trafficFactor60;

    @Required
    @Doc("Expected contacts in the 15 minutes: the sum of the window's baseline rates x traffic_factor15.")
    public double expected15;

    @Required
    @Doc("Expected contacts in the 60 minutes: the sum of the window's baseline rates x traffic_factor60.")
    public double expected60;

    @Doc("Poisson z-score of the 15 minutes: (observed15 - expected15) / sqrt(expected15); absent in the tenant's first hour and when expected15 < min_expected.")
    public Double z15;

    @Doc("Poisson z-score of the 60 minutes, with the same guards.")
    public Double z60;

    @Doc("Growth: observed15 / expected15; absent when nothing is expected.")
    public Double growth15;

    @Range(min = 1)
    @Doc("Rank among the tenant's topics growing this minute (z15 present, growth15 > 1), by growth15, down to top_k; absent otherwise.")
    public Integer growthRank;

    @Doc("The topic's alert after this minute: surge, drop, or absent.")
    public AlertKind alert;

    @Doc("Id of that alert (topic_alerts.alert_id).")
    public String alertId;

    @Override
    public String partitionTenant() {
        return tenantId;
    }

    @Override
    public long partitionTime() {
        return minuteStart;
    }
}
