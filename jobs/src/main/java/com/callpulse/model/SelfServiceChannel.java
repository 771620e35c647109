package com.callpulse.model;

import com.callpulse.schema.Code;

/** Self-service path an agent recommended to the caller; NONE when no recommendation was made. */
public enum SelfServiceChannel implements Code {
    NONE,
    IVR,
    SMS_LINK,
    WEB,
    APP
}
