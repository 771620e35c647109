package com.callpulse.model;

import com.callpulse.schema.Code;

/** How a service-marketing offer is fulfilled: handled at once, by appointment, or pre-handled with delivery. */
public enum OfferFlowType implements Code {
    DIRECT_HANDLING,
    APPOINTMENT,
    PRE_HANDLING_DELIVERY
}
