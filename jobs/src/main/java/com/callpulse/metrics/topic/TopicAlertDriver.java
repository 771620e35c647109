package com.callpulse.metrics.topic;

import com.callpulse.model.Partitioned;
import com.callpulse.schema.Doc;
import com.callpulse.schema.Range;
import com.callpulse.schema.Required;
import com.callpulse.schema.Timestamp;

/**
 * A row of {@code topic_alert_drivers}: a region or queue that drove an alert, in the 15 minutes that raised it. Up
 * to five per dimension and alert, by their share of the excess (surge) or shortfall (drop).
 */
public class TopicAlertDriver implements Partitioned {
    @Required
    @Doc("Tenant.")
    public String tenantId;

    @Required
    @Doc("The alert (topic_alerts.alert_id).")
    public String alertId;

    @Required
    @Doc("region or queue.")
    public DriverDimension dimension;

    @Doc("The region or queue; absent for contacts without a region (no arrived event) or not queued within 15 s of their topic (served or lost in the IVR).")
    public String value;

    @Required
    @Range(min = 1, max = 5)
    @Doc("1 for the value with the largest share.")
    public int rank;

    @Required
    @Doc("Always 1: written once, when final.")
    public int version;

    @Required
    @Timestamp
    @Doc("Start of the alert (topic_alerts.started_at).")
    public long startedAt;

    @Required
    @Range(min = 0)
    @Doc("The topic's contacts with this value in the 15 minutes that raised the alert.")
    public long observed15;

    @Required
    @Doc("Expected: the topic's expected15 x this value's share of the topic's baseline (its EWMA share of the topic's contacts).")
    public double expected15;

    @Required
    @Doc("This value's share of the sum of positive excesses (observed15 - expected15) over the dimension's values (surge), or of the shortfalls (drop).")
    public double share;

    @Override
    public String partitionTenant() {
        return tenantId;
    }

    @Override
    public long partitionTime() {
        return startedAt;
    }
}
