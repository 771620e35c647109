package com.callpulse.model;

import com.callpulse.schema.Code;

/** How the satisfaction survey reached the customer. */
public enum SurveyMethod implements Code {
    IVR,
    SMS,
    WECHAT,
    APP,
    EMAIL
}
