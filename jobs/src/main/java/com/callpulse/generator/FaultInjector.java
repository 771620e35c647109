package com.callpulse.generator;

import com.callpulse.model.ContactRecord;
import com.callpulse.model.Event;
import com.callpulse.model.Stream;
import com.callpulse.schema.Column;
import com.callpulse.schema.EventJsonWriter;
import com.callpulse.schema.RecordSchema;
import com.callpulse.time.Timestamps;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToIntBiFunction;

/**
 * Writes an event as a line with exactly one content fault. The ingestion parser reports only the first fault it
 * finds, so each faulty line changes a single field of an otherwise valid event and the reason is unambiguous.
 */
final class FaultInjector {
    private static final String[] GARBAGE = {"<html><body><h1>502 Bad Gateway</h1></body></html>", "null", "OK", "{\"event_id\":"};
    private static final String[] FOREIGN_TENANTS = {"cmcc-xx", "unknown", "CMCC-AH", "test-tenant", "cmcc_ah", "roam-us"};

    private final EventJsonWriter writer;
    private final ToIntBiFunction<Object, Long> offsets;
    private final Set<String> tenantIds;
    private final Map<Stream, List<String>> omittable = new EnumMap<>(Stream.class);

    FaultInjector(EventJsonWriter writer, ToIntBiFunction<Object, Long> offsets, Set<String> tenantIds) {
        this.writer = writer;
        this.offsets = offsets;
        this.tenantIds = tenantIds;
        for (Stream s : Stream.values()) {
            List<String> names = new ArrayList<>();
            for (Column c : RecordSchema.of(s.eventClass()).inputColumns()) {
                if (c.required()) {
                    names.add(c.name());
                }
            }
            omittable.put(s, names);
        }
    }

    String write(Fault fault, Stream stream, Event e, SplittableRandom r) {
        switch (fault) {
            case MALFORMED_JSON:
                return malformed(writer.write(e), r);
            case MISSING_FIELD:
                return writer.write(e, EventJsonWriter.Override.omit(Dist.pick(r, omittable.get(stream).toArray(new String[0]))));
            case WRONG_TYPE:
                return replace(e, r, wrongTypes(stream));
            case UNKNOWN_CODE:
                return replace(e, r, unknownCodes(stream));
            case BAD_TIMESTAMP:
                return badTimestamp(stream, e, r);
            case OUT_OF_RANGE:
                return replace(e, r, outOfRange(stream, r));
            case UNKNOWN_TENANT: {
                String t;
                do {
                    t = Dist.pick(r, FOREIGN_TENANTS);
                } while (tenantIds.contains(t));
                return writer.write(e, EventJsonWriter.Override.replace("tenant_id", "\"" + t + "\""));
            }
            default:
                throw new IllegalArgumentException(fault + " is not a content fault");
        }
    }

    private static String malformed(String line, SplittableRandom r) {
        switch (r.nextInt(4)) {
            case 0: // cut off mid-line, as by a crashed writer
                return line.substring(0, 1 + r.nextInt(line.length() - 2));
            case 1:
                return "[" + line + "]";
            case 2: // a lost comma between two fields
                return line.replaceFirst("\",\"", "\" \"");
            default:
                return r.nextBoolean() ? line + "}" : Dist.pick(r, GARBAGE);
        }
    }

    private String replace(Event e, SplittableRandom r, String[] fieldAndValue) {
        int i = r.nextInt(fieldAndValue.length / 2) * 2;
        return writer.write(e, EventJsonWriter.Override.replace(fieldAndValue[i], fieldAndValue[i + 1]));
    }

    /** Pairs of field and a raw JSON value of the wrong type for it. */
    private static String[] wrongTypes(Stream s) {
        switch (s) {
            case CONTACT_EVENTS:
                return new String[] {"schema_version", "\"1\"", "occurred_at", "1763601302120", "self_served", "\"true\"", "wait_seconds", "\"42\""};
            case CONTACT_RECORDS:
                return new String[] {"leg", "\"1\"", "talk_seconds", "\"180\"", "resolved_on_contact", "\"yes\"", "remote_seat", "1", "transfer_count", "\"0\""};
            case AGENT_STATE_EVENTS:
                return new String[] {"remote_seat", "\"no\"", "skills", "\"general\"", "schema_version", "\"1\"", "agent_id", "10234"};
            case COMPLAINT_EVENTS:
                return new String[] {"level", "\"1\"", "schema_version", "\"1\"", "complaint_id", "20261120001"};
            default:
                return new String[] {"csat", "\"4\"", "resolved", "\"yes\"", "nps", "8.5", "schema_version", "\"1\""};
        }
    }

    private static String[] unknownCodes(Stream s) {
        switch (s) {
            case CONTACT_EVENTS:
                return new String[] {"channel", "\"fax\"", "event_type", "\"teleported\"", "channel", "\"telegram\""};
            case CONTACT_RECORDS:
                return new String[] {"channel", "\"fax\"", "outcome", "\"hung_up\"", "direction", "\"sideways\"", "customer_segment", "\"diamond\"",
                    "demand_category", "\"gossip\""};
            case AGENT_STATE_EVENTS:
                return new String[] {"state", "\"dancing\"", "state", "\"on_break\""};
            case COMPLAINT_EVENTS:
                return new String[] {"action", "\"ignored\"", "severity", "\"apocalyptic\"", "channel", "\"pigeon\""};
            default:
                return new String[] {"method", "\"carrier_pigeon\"", "method", "\"fax\""};
        }
    }

    private static String[] outOfRange(Stream s, SplittableRandom r) {
        String neg = "-" + (1 + r.nextInt(90));
        switch (s) {
            case CONTACT_EVENTS:
                return new String[] {"wait_seconds", neg, "schema_version", "4294967297"};
            case CONTACT_RECORDS:
                return new String[] {"talk_seconds", neg, "leg", "0", "hold_count", "-1", "transfer_count", "-1", "ivr_seconds", neg};
            case AGENT_STATE_EVENTS:
                return new String[] {"schema_version", "4294967297"};
            case COMPLAINT_EVENTS:
                return new String[] {"level", "11", "level", "-1"};
            default:
                return new String[] {"csat", "7", "csat", "0", "nps", "11", "nps", "-1"};
        }
    }

    private String badTimestamp(Stream s, Event e, SplittableRandom r) {
        String field = "occurred_at";
        long ms = e.occurredAt;
        if (s == Stream.CONTACT_RECORDS && r.nextBoolean()) {
            ContactRecord rec = (ContactRecord) e;
            field = r.nextBoolean() ? "arrived_at" : "ended_at";
            ms = field.equals("arrived_at") ? rec.arrivedAt : rec.endedAt;
        }
        String good = Timestamps.format(ms, offsets.applyAsInt(e, ms));
        String bad;
        switch (r.nextInt(4)) {
            case 0: // local time without an offset names no instant
                bad = good.substring(0, 23);
                break;
            case 1: { // a day the month does not have
                int year = Integer.parseInt(good.substring(0, 4));
                int month = Integer.parseInt(good.substring(5, 7));
                int day = java.time.YearMonth.of(year, month).lengthOfMonth() + 1;
                bad = good.substring(0, 8) + day + good.substring(10);
                break;
            }
            case 2:
                bad = good.substring(0, 11) + "24" + good.substring(13);
                break;
            default: // day-first local format
                bad = good.substring(8, 10) + "/" + good.substring(5, 7) + "/" + good.substring(0, 4) + " " + good.substring(11, 19);
        }
        return writer.write(e, EventJsonWriter.Override.replace(field, "\"" + bad + "\""));
    }
}
