package com.callpulse.model;

import com.callpulse.schema.Code;

/** Step of a contact's life in the ACD/IVR, in the order it usually happens. */
public enum ContactEventType implements Code {
    ARRIVED,
    IVR_ENTERED,
    IVR_LEFT,
    QUEUED,
    OFFERED,
    ANSWERED,
    HOLD,
    UNHOLD,
    TRANSFERRED,
    ABANDONED,
    FLOWED_OUT,
    CALLBACK_REQUESTED,
    ENDED
}
