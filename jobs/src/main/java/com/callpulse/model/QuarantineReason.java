package com.callpulse.model;

import com.callpulse.schema.Code;

/**
 * Why a record did not become a fact. Every record read ends as exactly one of: accepted, {@link #DUPLICATE},
 * or rejected with one of the other reasons. The codes are stable: they are the {@code reason} column of the
 * {@code quarantine} table and the keys of the run summary.
 */
public enum QuarantineReason implements Code {
    /** Not a JSON object, truncated, or trailing garbage after the object. */
    MALFORMED_JSON,
    /** The line or message is larger than {@code ingest.max_record_bytes}. */
    TOO_LARGE,
    /**
     * The rest of a file could not be read (a truncated or corrupt gzip, an I/O error). One row stands for the unread
     * remainder: its position is the first line that could not be read.
     */
    UNREADABLE,
    /** A required field is absent, null or empty. */
    MISSING_FIELD,
    /** A field has the wrong JSON type, e.g. a string where a number belongs. */
    WRONG_TYPE,
    /** A timestamp is not an ISO-8601 instant with an offset. */
    BAD_TIMESTAMP,
    /** An enumerated field holds a code that is not in the contract. */
    UNKNOWN_CODE,
    /** A number lies outside its allowed range (e.g. CSAT 7, negative talk time). */
    OUT_OF_RANGE,
    /** Fields contradict each other (e.g. answered before arrival, not_ready without a reason). */
    INCONSISTENT,
    /** The tenant is not configured; its data has no owner and no time zone. */
    UNKNOWN_TENANT,
    /** {@code schema_version} is one this build does not read. */
    UNSUPPORTED_SCHEMA_VERSION,
    /** Arrived more than the allowed lateness behind its stream: it can no longer be checked for duplicates. */
    TOO_LATE,
    /** A second delivery of an {@code event_id} already accepted; not a rejection, counted apart. */
    DUPLICATE;

    public boolean isRejection() {
        return this != DUPLICATE;
    }
}
