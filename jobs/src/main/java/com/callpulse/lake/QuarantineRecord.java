package com.callpulse.lake;

import com.callpulse.ingest.Ingested;
import com.callpulse.model.Partitioned;
import com.callpulse.schema.Doc;
import com.callpulse.schema.Required;
import com.callpulse.schema.Timestamp;

/**
 * A record that did not become a fact, with why and where it came from: a row of the {@code quarantine} table.
 * Its personal data has been scrubbed (phone numbers in {@code raw} and {@code detail} are pseudonyms).
 */
public class QuarantineRecord implements Partitioned {
    @Required
    @Doc("Input stream, e.g. contact_events.")
    public String stream;

    @Required
    @Doc("Why: a quarantine reason code (malformed_json, missing_field, ..., too_late, duplicate).")
    public String reason;

    @Doc("What exactly was wrong, e.g. \"field 'channel' has unknown code 'fax' (expected one of ...)\".")
    public String detail;

    @Required
    @Doc("File name, or Kafka topic-partition.")
    public String origin;

    @Required
    @Doc("Line number in the file (from 1), or Kafka offset.")
    public long position;

    @Doc("Tenant, when it could be read and is configured.")
    public String tenantId;

    @Doc("event_id, when it could be read.")
    public String eventId;

    @Timestamp
    @Doc("The record's occurred_at, when it could be read.")
    public Long occurredAt;

    @Timestamp
    @Doc("Newest occurred_at read from the same origin before this record: where it sits in time.")
    public Long streamTime;

    @Doc("The record as received; for a duplicate or too-late event, the event written back as JSON (times in UTC). Personal data pseudonymized.")
    public String raw;

    public QuarantineRecord() {}

    public static QuarantineRecord of(Ingested r) {
        QuarantineRecord q = new QuarantineRecord();
        q.stream = r.stream.code();
        q.reason = r.reason.code();
        q.detail = r.detail;
        q.origin = r.origin;
        q.position = r.position;
        q.tenantId = r.tenantId;
        q.eventId = r.eventId;
        q.occurredAt = nullIfUnknown(r.eventTime);
        q.streamTime = nullIfUnknown(r.streamTime);
        q.raw = r.raw;
        return q;
    }

    private static Long nullIfUnknown(long t) {
        return t == Long.MIN_VALUE ? null : t;
    }

    @Override
    public String partitionTenant() {
        return tenantId;
    }

    /** Time that places the record in a date partition: its own, else its neighbours'. */
    @Override
    public long partitionTime() {
        return occurredAt != null ? occurredAt : streamTime != null ? streamTime : Long.MIN_VALUE;
    }
}
