package com.callpulse.metrics.topic;

import com.callpulse.schema.Code;

/** What an alert's driver is a value of. */
public enum DriverDimension implements Code {
    /** The caller's district (region on the contact's arrived event). */
    REGION,
    /** The queue the IVR or chat bot routed the contact to. */
    QUEUE
}
