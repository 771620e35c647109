package com.callpulse.live;

import com.callpulse.schema.Code;

/**
 * The kinds of live message a dashboard subscribes to, each one Kafka topic (names in {@code kafka.live_topics},
 * under the kind's code: {@code queue_state}, {@code alerts}, {@code agents}, {@code contacts}).
 */
public enum LiveTopic implements Code {
    /** The current state of each queue and channel; compacted, keyed by tenant and queue: the last message is the state. */
    QUEUE_STATE(true),
    /** Alerts as they happen (hot-topic surges and drops, complaint escalations, service-level breaches); keyed by tenant and alert id. */
    ALERTS(false),
    /** Each agent's current state, for the wallboard's drill-down; compacted, keyed by tenant and agent. */
    AGENTS(true),
    /** Contacts leaving a queue (answered, abandoned, flowed out, callback), as they happen; keyed by tenant and contact. */
    CONTACTS(false);

    private final boolean compacted;

    LiveTopic(boolean compacted) {
        this.compacted = compacted;
    }

    /** Whether the topic keeps only the last message per key (a state), or every message (a log). */
    public boolean compacted() {
        return compacted;
    }
}
