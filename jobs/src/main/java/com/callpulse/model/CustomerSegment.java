package com.callpulse.model;

import com.callpulse.schema.Code;

/** Customer value tier. */
public enum CustomerSegment implements Code {
    STANDARD,
    SILVER,
    GOLD,
    PLATINUM,
    ENTERPRISE
}
