package com.callpulse.model;

import com.callpulse.schema.Code;

/** Why an agent is not ready (required with state not_ready). */
public enum NotReadyReason implements Code {
    BREAK,
    MEAL,
    TRAINING,
    MEETING,
    COACHING,
    ADMIN,
    TECHNICAL,
    PERSONAL
}
