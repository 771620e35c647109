package com.callpulse.live;

import java.util.Objects;

/**
 * One message to the live sink: a JSON document (its schema is in docs/metrics.md, section "Live sink"), the key a
 * compacted topic keeps the last message of, and the event time it is current as of. A Flink POJO.
 */
public class LiveMessage {
    /** Tenant the message belongs to; a subscriber only ever sees its own tenant's messages. */
    public String tenantId;
    /** Kafka key: tenant and queue for queue state, tenant and alert id for alerts, tenant and agent, tenant and contact. */
    public String key;
    /** Event time the content is current as of, epoch milliseconds. */
    public long eventTime;
    /** The message, a JSON object. */
    public String json;

    public LiveMessage() {}

    public LiveMessage(String tenantId, String key, long eventTime, String json) {
        this.tenantId = tenantId;
        this.key = key;
        this.eventTime = eventTime;
        this.json = json;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LiveMessage m && Objects.equals(tenantId, m.tenantId) && Objects.equals(key, m.key)
                && eventTime == m.eventTime && Objects.equals(json, m.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, key, eventTime, json);
    }

    @Override
    public String toString() {
        return key + "@" + eventTime + " " + json;
    }
}
