package com.callpulse.model;

import com.callpulse.schema.Code;

/** Contact channel. Voice goes through the IVR; the others are digital. */
public enum Channel implements Code {
    VOICE,
    WEBCHAT,
    WECHAT,
    WEIBO,
    EMAIL,
    SMS,
    APP
}
