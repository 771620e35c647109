package com.callpulse.generator;

import com.callpulse.model.QuarantineReason;

import java.util.Locale;

/** The classes of deliberate faults the generator injects, each with the quarantine reason it must cause (if any). */
public enum Fault {
    MALFORMED_JSON(QuarantineReason.MALFORMED_JSON),
    MISSING_FIELD(QuarantineReason.MISSING_FIELD),
    WRONG_TYPE(QuarantineReason.WRONG_TYPE),
    UNKNOWN_CODE(QuarantineReason.UNKNOWN_CODE),
    BAD_TIMESTAMP(QuarantineReason.BAD_TIMESTAMP),
    OUT_OF_RANGE(QuarantineReason.OUT_OF_RANGE),
    UNKNOWN_TENANT(QuarantineReason.UNKNOWN_TENANT),
    /** A second delivery of a line, 1-120 s after the first: the copy is the duplicate. */
    DUPLICATE(QuarantineReason.DUPLICATE),
    /** Delivered 3-25 s late, within the watermark bound: accepted, not late. */
    OUT_OF_ORDER(null),
    /** Delivered 2-40 min late: accepted and flagged late. */
    LATE(null),
    /** Delivered 2-4 h late: refused. */
    TOO_LATE(QuarantineReason.TOO_LATE);

    private final QuarantineReason reason;

    Fault(QuarantineReason reason) {
        this.reason = reason;
    }

    /** The reason ingestion must give, or null when the line must be accepted. */
    public QuarantineReason reason() {
        return reason;
    }

    /** Faults in the line's content (the others are about when or how often it is delivered). */
    public boolean inContent() {
        return ordinal() <= UNKNOWN_TENANT.ordinal();
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
