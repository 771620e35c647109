package com.callpulse.metrics.journey;

import com.callpulse.model.Partitioned;
import com.callpulse.schema.Doc;
import com.callpulse.schema.Required;
import com.callpulse.schema.Timestamp;

/**
 * What every journey row says of the agent-handled leg it is about: the leg and whom it is attributed to. The row
 * belongs to the business date of the leg's end in the tenant's zone.
 */
public abstract class LegRow implements Partitioned {
    @Required
    @Doc("Tenant.")
    public String tenantId;

    @Required
    @Doc("The handled contact.")
    public String contactId;

    @Required
    @Doc("The handled leg of the contact (1 = first; each transfer starts the next).")
    public int leg;

    @Required
    @Doc("Agent who handled the leg.")
    public String agentId;

    @Doc("The agent's team.")
    public String teamId;

    @Doc("Queue of the leg.")
    public String queueId;

    @Doc("Topic of the leg.")
    public String topic;

    @Required
    @Doc("Channel of the contact.")
    public String channel;

    @Required
    @Timestamp
    @Doc("When the leg ended: its windows start here, and the row's business date is this time's date in the tenant's zone.")
    public long endedAt;

    @Override
    public String partitionTenant() {
        return tenantId;
    }

    @Override
    public long partitionTime() {
        return endedAt;
    }
}
