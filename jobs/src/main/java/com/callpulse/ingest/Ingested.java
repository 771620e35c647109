package com.callpulse.ingest;

import com.callpulse.model.AgentStateEvent;
import com.callpulse.model.ComplaintEvent;
import com.callpulse.model.ContactEvent;
import com.callpulse.model.ContactRecord;
import com.callpulse.model.Event;
import com.callpulse.model.QuarantineReason;
import com.callpulse.model.Stream;
import com.callpulse.model.SurveyResponse;
import com.callpulse.schema.EventJsonWriter;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One record as read from a file line or Kafka message: either a typed event, or the reason it was refused.
 * It travels from the source to the de-duplication step; afterwards events go on as their own types and
 * refusals as {@link com.callpulse.lake.QuarantineRecord}s.
 *
 * <p>Exactly one of the five event fields is set for an accepted record, matching {@link #stream} (a field per type,
 * because a field of the abstract type {@link Event} would make Flink fall back to Kryo). Flink serializes it with
 * {@link IngestedSerializer}, which writes only the field that is set.
 */
@TypeInfo(IngestedSerializer.Factory.class)
public class Ingested {
    public Stream stream;
    /** File name or {@code topic-partition}. */
    public String origin;
    /** Line number in the file (1-based) or Kafka offset. */
    public long position;
    /** The event's occurred_at in epoch millis; {@link Long#MIN_VALUE} when it could not be read. */
    public long eventTime = Long.MIN_VALUE;
    /** Newest event time read from the same origin before this record (set by the lateness gate). */
    public long streamTime = Long.MIN_VALUE;
    /** Accepted but behind its stream by more than the watermark bound (within the allowed lateness). */
    public boolean late;

    public ContactEvent contactEvent;
    public ContactRecord contactRecord;
    public AgentStateEvent agentStateEvent;
    public ComplaintEvent complaintEvent;
    public SurveyResponse surveyResponse;

    /** Null while the record is good. */
    public QuarantineReason reason;
    public String detail;
    /** The original text of a refused record (scrubbed of personal data before it is written). */
    public String raw;
    /** Tenant and event id of a refused record when they could be read (the tenant only if it is configured). */
    public String tenantId;
    public String eventId;

    public Ingested() {}

    public static Ingested accepted(Stream stream, String origin, long position, Event event) {
        Ingested r = new Ingested();
        r.stream = stream;
        r.origin = origin;
        r.position = position;
        r.attach(event);
        r.eventTime = event.occurredAt;
        return r;
    }

    public static Ingested refused(Stream stream, String origin, long position, QuarantineReason reason, String detail, String raw) {
        Ingested r = new Ingested();
        r.stream = stream;
        r.origin = origin;
        r.position = position;
        r.reason = reason;
        r.detail = detail;
        r.raw = raw;
        return r;
    }

    public boolean isRefused() {
        return reason != null;
    }

    /**
     * Turns a good record into a refused one, keeping what identifies it and, as its raw text, the event written
     * back as contract JSON (times in UTC): a quarantined record always keeps its content. The event has already
     * been pseudonymized at this point.
     */
    public void refuse(QuarantineReason why, String explanation, EventJsonWriter json) {
        Event e = event();
        if (e != null) {
            tenantId = e.tenantId;
            eventId = e.eventId;
            if (raw == null) {
                raw = json.write(e);
            }
        }
        reason = why;
        detail = explanation;
    }

    /** The event, whichever its type; null for a record refused at parsing. */
    public Event event() {
        switch (stream) {
            case CONTACT_EVENTS:
                return contactEvent;
            case CONTACT_RECORDS:
                return contactRecord;
            case AGENT_STATE_EVENTS:
                return agentStateEvent;
            case COMPLAINT_EVENTS:
                return complaintEvent;
            case SURVEY_RESPONSES:
                return surveyResponse;
            default:
                throw new IllegalStateException(String.valueOf(stream));
        }
    }

    void attach(Event e) {
        switch (stream) {
            case CONTACT_EVENTS:
                contactEvent = (ContactEvent) e;
                break;
            case CONTACT_RECORDS:
                contactRecord = (ContactRecord) e;
                break;
            case AGENT_STATE_EVENTS:
                agentStateEvent = (AgentStateEvent) e;
                break;
            case COMPLAINT_EVENTS:
                complaintEvent = (ComplaintEvent) e;
                break;
            case SURVEY_RESPONSES:
                surveyResponse = (SurveyResponse) e;
                break;
            default:
                throw new IllegalStateException(String.valueOf(stream));
        }
    }

    /** Key of the de-duplication state: an event id is unique per stream and tenant. */
    public String dedupKey() {
        Event e = event();
        return stream.ordinal() + "|" + e.tenantId + "|" + e.eventId;
    }

    @Override
    public String toString() {
        return "Ingested{" + stream + " " + origin + ":" + position + (isRefused() ? " " + reason + " " + detail : " " + event()) + "}";
    }
}
