package com.callpulse.model;

import com.callpulse.schema.Code;

/** Agent state as reported by the ACD. */
public enum AgentState implements Code {
    LOGIN,
    READY,
    NOT_READY,
    ON_CONTACT,
    AFTER_CONTACT_WORK,
    LOGOUT
}
