package com.callpulse.model;

import com.callpulse.schema.Code;

/** How one leg of a contact ended (contact records). */
public enum ContactOutcome implements Code {
    HANDLED,
    ABANDONED,
    SELF_SERVED,
    CALLBACK_REQUESTED,
    FLOWED_OUT
}
