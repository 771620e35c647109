package com.callpulse.model;

import com.callpulse.schema.Code;

/** Complaint severity; with the deadline policy it sets the resolution deadline. */
public enum Severity implements Code {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
