package com.callpulse.model;

import com.callpulse.schema.Doc;
import com.callpulse.schema.RecordSchema;
import com.callpulse.schema.Required;
import com.callpulse.schema.Timestamp;

/**
 * Fields every input event carries. Subclasses are Flink POJOs (public fields, public no-arg constructor);
 * their fields, in declaration order, are the stream's contract, its JSON Schema and its lake columns.
 */
public abstract class Event implements Partitioned {
    @Required
    @Doc("Unique id of this event; a second delivery of the same id is a duplicate.")
    public String eventId;

    @Required
    @Doc("Operator or outsourcing client that owns the event; must be a configured tenant.")
    public String tenantId;

    @Required
    @Timestamp
    @Doc("When it happened at the source: ISO-8601 with offset, e.g. 2026-11-20T09:15:02.120+08:00.")
    public long occurredAt;

    @Required
    @Doc("Version of this stream's contract the producer wrote; this build reads version 1.")
    public int schemaVersion;

    @Override
    public String partitionTenant() {
        return tenantId;
    }

    @Override
    public long partitionTime() {
        return occurredAt;
    }

    /** Rules that involve several fields; null when the event is consistent. */
    public Problem check() {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && RecordSchema.of(getClass()).sameValues(this, o);
    }

    @Override
    public int hashCode() {
        return eventId == null ? 0 : eventId.hashCode();
    }

    @Override
    public String toString() {
        return RecordSchema.of(getClass()).describe(this);
    }

    static Problem missingFor(String field, Object when) {
        return Problem.of(QuarantineReason.MISSING_FIELD, "field '" + field + "' is required when " + when);
    }

    static Problem inconsistent(String detail) {
        return Problem.of(QuarantineReason.INCONSISTENT, detail);
    }
}
