package com.callpulse.model;

import com.callpulse.schema.Code;

/** Step of a complaint ticket's lifecycle. */
public enum ComplaintAction implements Code {
    OPENED,
    ASSIGNED,
    ESCALATED,
    CUSTOMER_CONTACTED,
    AWAITING_CUSTOMER,
    CUSTOMER_RESPONDED,
    RESOLVED,
    CONFIRMED,
    REOPENED,
    CLOSED
}
