package com.callpulse.metrics.topic;

import com.callpulse.schema.Code;

/** What an alert suggests doing, inferred from the data (no self-service path is configured per topic). */
public enum Suggestion implements Code {
    /** A surge on a topic the IVR already serves for a share of its callers: announce it there, divert callers to it. */
    DIVERT_TO_IVR,
    /** A surge on a topic the IVR served none (or too few) of its callers: agents must take it, or a path must be set up. */
    NO_SELF_SERVICE_PATH,
    /** Fewer contacts than expected: check the IVR option, routing and number for the topic. */
    CHECK_ROUTING
}
