package com.callpulse.model;

/** A reason and a human-readable detail, e.g. {@code unknown_code: field 'channel' has 'fax'}. */
public record Problem(QuarantineReason reason, String detail) {
    public static Problem of(QuarantineReason reason, String detail) {
        return new Problem(reason, detail);
    }
}
