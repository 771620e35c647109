package com.callpulse.model;

import com.callpulse.schema.Code;

/** The customer's answer to a service-marketing offer. */
public enum OfferOutcome implements Code {
    ACCEPTED,
    DECLINED,
    UNDECIDED
}
