package com.callpulse.metrics.complaint;

import com.callpulse.schema.Code;

/** Who raised a complaint to a level first. */
public enum EscalationCause implements Code {
    /** CallPulse: a deadline of the complaint's policy passed with the complaint unresolved. */
    DEADLINE,
    /** The complaint system itself, with an {@code escalated} event. */
    SOURCE
}
