package com.callpulse.model;

import com.callpulse.schema.Code;

/** What the customer wanted, as classified at wrap-up. */
public enum DemandCategory implements Code {
    CONSULTATION,
    BUSINESS_CHANGE,
    BILLING_INQUIRY,
    FAULT_REPORT,
    COMPLAINT,
    CANCELLATION,
    NEW_BUSINESS,
    SUGGESTION,
    OTHER
}
