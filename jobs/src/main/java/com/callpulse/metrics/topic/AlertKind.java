package com.callpulse.metrics.topic;

import com.callpulse.schema.Code;

/** Direction of a hot-topic alert. */
public enum AlertKind implements Code {
    /** More contacts on the topic than expected: z >= surge_z. */
    SURGE,
    /** Fewer contacts than expected: z <= -surge_z (a broken route or IVR option often shows first this way). */
    DROP;

    /** {@code topic_surge} or {@code topic_drop}: the type of the live alert message. */
    public String liveType() {
        return this == SURGE ? "topic_surge" : "topic_drop";
    }
}
