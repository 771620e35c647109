package com.callpulse.model;

import com.callpulse.schema.Code;

/** What a complaint is about. */
public enum ComplaintCategory implements Code {
    BILLING_DISPUTE,
    NETWORK_QUALITY,
    BROADBAND_SERVICE,
    SERVICE_ATTITUDE,
    MISSELLING,
    UNAUTHORIZED_CHARGE,
    PRIVACY,
    NUMBER_PORTING,
    OTHER
}
