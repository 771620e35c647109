package com.callpulse.model;

import com.callpulse.schema.Code;

/** Who started the contact: the customer (inbound) or the center (outbound, e.g. a scheduled callback). */
public enum Direction implements Code {
    INBOUND,
    OUTBOUND
}
