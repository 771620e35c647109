package com.callpulse.ingest;

import com.callpulse.config.IngestConfig;
import com.callpulse.model.Event;
import com.callpulse.model.Problem;
import com.callpulse.model.QuarantineReason;
import com.callpulse.model.Stream;
import com.callpulse.schema.Column;
import com.callpulse.schema.RecordSchema;
import com.callpulse.time.Timestamps;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Turns one line or message into a typed event, or into the reason it is refused. The contract comes from the
 * event classes ({@link RecordSchema}); unknown fields are ignored so producers can add fields before we read
 * them. When a record has several faults, the reported one is the first of: malformed JSON, unsupported schema
 * version, a bad field (in the order the fields appear), a missing required field, an unknown tenant, and
 * contradictory fields.
 *
 * <p>One instance per reader thread: it keeps a JSON factory and scratch space, and builds nothing per record
 * except the event itself.
 */
public final class EventParser {
    private static final int RAW_LIMIT = 8192;

    /** The fields every event has; they are read even after a bad field, so a refused record keeps its identity. */
    private static final long ENVELOPE = envelopeMask();

    // duplicate keys make a record ambiguous (which tenant_id is meant?): malformed, not last-one-wins
    private final JsonFactory json = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private final Set<String> tenants;
    private final int schemaVersion;
    private final int maxRecordBytes;
    private final long maxFutureMillis;
    private final LongSupplier wallClock;
    private final CharWindow window = new CharWindow();
    private long now;

    /**
     * @param maxFutureMillis an occurred_at further than this ahead of the wall clock is refused: only a producer's
     *     wrong clock can write it, and it would move the watermark past everything else
     * @param wallClock the current time in epoch millis (tests pass a fixed one)
     */
    public EventParser(Set<String> tenants, int schemaVersion, int maxRecordBytes, long maxFutureMillis, LongSupplier wallClock) {
        this.tenants = Set.copyOf(tenants);
        this.schemaVersion = schemaVersion;
        this.maxRecordBytes = maxRecordBytes;
        this.maxFutureMillis = maxFutureMillis;
        this.wallClock = wallClock;
        for (Stream s : Stream.values()) {
            if (RecordSchema.of(s.eventClass()).columns().size() > 64) {
                throw new IllegalStateException(s + " has more than 64 fields; widen the seen-field mask");
            }
        }
    }

    /** The parser ingestion uses: configured limits, the system clock. */
    public static EventParser of(Set<String> tenants, IngestConfig config) {
        return new EventParser(tenants, config.schemaVersion(), config.maxRecordBytes(), config.maxFuture().toMillis(), System::currentTimeMillis);
    }

    private static long envelopeMask() {
        long mask = 0;
        for (Column c : RecordSchema.of(Event.class).columns()) {
            mask |= 1L << c.index();
        }
        return mask;
    }

    public Ingested parse(Stream stream, String text, String origin, long position) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return parse(stream, b, 0, b.length, origin, position);
    }

    public Ingested parse(Stream stream, byte[] buf, int off, int len, String origin, long position) {
        if (len > maxRecordBytes) {
            return tooLarge(stream, buf, off, len, len, origin, position);
        }
        RecordSchema<? extends Event> schema = RecordSchema.of(stream.eventClass());
        Event event = stream.newEvent();
        now = wallClock.getAsLong();
        long seen = 0;
        Problem problem = null;
        try (JsonParser p = json.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return malformed(stream, origin, position, buf, off, len, "not a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                Column c = schema.inputColumn(p.currentName());
                JsonToken v = p.nextToken();
                if (c == null || (problem != null && (ENVELOPE & (1L << c.index())) == 0)) {
                    // unknown field, or the verdict is known and this is no envelope field: only check the JSON is well-formed
                    p.skipChildren();
                    continue;
                }
                Problem fieldProblem = read(p, v, c, event);
                if (fieldProblem == null && v != JsonToken.VALUE_NULL) {
                    seen |= 1L << c.index();
                }
                if (problem == null) {
                    problem = fieldProblem;
                }
            }
            if (t != JsonToken.END_OBJECT) {
                return malformed(stream, origin, position, buf, off, len, "unexpected " + t + " where a field name belongs");
            }
            if (p.nextToken() != null) {
                return malformed(stream, origin, position, buf, off, len, "content after the end of the object");
            }
        } catch (JsonProcessingException e) {
            return malformed(stream, origin, position, buf, off, len, e.getOriginalMessage());
        } catch (IOException e) {
            return malformed(stream, origin, position, buf, off, len, String.valueOf(e.getMessage()));
        }

        Column version = schema.inputColumn("schema_version");
        if ((seen & (1L << version.index())) != 0 && event.schemaVersion != schemaVersion) {
            problem = Problem.of(QuarantineReason.UNSUPPORTED_SCHEMA_VERSION,
                    "schema_version " + event.schemaVersion + " is not read by this build (it reads " + schemaVersion + ")");
        }
        if (problem == null) {
            problem = missingRequired(schema, seen);
        }
        if (problem == null && !isTenant(event.tenantId)) {
            problem = Problem.of(QuarantineReason.UNKNOWN_TENANT, "tenant_id '" + event.tenantId + "' is not a configured tenant");
        }
        if (problem == null) {
            problem = event.check();
        }
        if (problem == null) {
            return Ingested.accepted(stream, origin, position, event);
        }
        Ingested r = Ingested.refused(stream, origin, position, problem.reason(), problem.detail(), raw(buf, off, len));
        r.eventId = event.eventId;
        r.tenantId = isTenant(event.tenantId) ? event.tenantId : null;
        if ((seen & (1L << schema.inputColumn("occurred_at").index())) != 0) {
            r.eventTime = event.occurredAt;
        }
        return r;
    }

    /** Null-safe: {@code Set.copyOf(...).contains(null)} throws. */
    private boolean isTenant(String id) {
        return id != null && tenants.contains(id);
    }

    /** A record over the size limit, of which {@code storedLen} bytes are at hand; only its start is kept. */
    public Ingested tooLarge(Stream stream, byte[] buf, int off, int storedLen, long actualLen, String origin, long position) {
        return Ingested.refused(stream, origin, position, QuarantineReason.TOO_LARGE,
                "record has " + actualLen + " bytes, the limit is " + maxRecordBytes, raw(buf, off, Math.min(storedLen, RAW_LIMIT)) + "…(truncated)");
    }

    private Problem read(JsonParser p, JsonToken v, Column c, Event event) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return c.required() ? missing(c, "is null") : null;
        }
        switch (c.kind()) {
            case STRING: {
                if (v != JsonToken.VALUE_STRING) {
                    return wrongType(c, "a string", v);
                }
                String s = p.getText();
                if (s.isEmpty() && c.required()) {
                    return missing(c, "is empty");
                }
                c.set(event, s);
                return null;
            }
            case CODE: {
                if (v != JsonToken.VALUE_STRING) {
                    return wrongType(c, "a code string", v);
                }
                String s = p.getText();
                Enum<?> code = c.codes().lookup(s);
                if (code == null) {
                    return Problem.of(QuarantineReason.UNKNOWN_CODE,
                            "field '" + c.name() + "' has unknown code '" + clip(s) + "' (expected one of " + String.join(", ", c.codes().codes()) + ")");
                }
                c.set(event, code);
                return null;
            }
            case INT:
            case LONG: {
                if (v != JsonToken.VALUE_NUMBER_INT) {
                    return wrongType(c, "an integer", v);
                }
                JsonParser.NumberType nt = p.getNumberType();
                boolean fits = c.kind() == com.callpulse.schema.ColumnKind.INT ? nt == JsonParser.NumberType.INT : nt != JsonParser.NumberType.BIG_INTEGER;
                if (!fits) {
                    return Problem.of(QuarantineReason.OUT_OF_RANGE, "field '" + c.name() + "' value " + clip(p.getText()) + " does not fit");
                }
                long n = p.getLongValue();
                if (n < c.min() || n > c.max()) {
                    return outOfRange(c, n);
                }
                if (c.kind() == com.callpulse.schema.ColumnKind.INT) {
                    c.setInt(event, (int) n);
                } else {
                    c.setLong(event, n);
                }
                return null;
            }
            case DOUBLE: {
                if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
                    return wrongType(c, "a number", v);
                }
                double d = p.getDoubleValue();
                if (!Double.isFinite(d) || d < c.min() || d > c.max()) {
                    return Problem.of(QuarantineReason.OUT_OF_RANGE, "field '" + c.name() + "' value " + d + " is outside " + c.min() + ".." + c.max());
                }
                c.set(event, d);
                return null;
            }
            case BOOLEAN: {
                if (v != JsonToken.VALUE_TRUE && v != JsonToken.VALUE_FALSE) {
                    return wrongType(c, "true or false", v);
                }
                c.set(event, v == JsonToken.VALUE_TRUE);
                return null;
            }
            case TIMESTAMP: {
                if (v != JsonToken.VALUE_STRING) {
                    return wrongType(c, "an ISO-8601 timestamp string", v);
                }
                long ms = Timestamps.parse(window.set(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()));
                if (ms == Timestamps.INVALID) {
                    return Problem.of(QuarantineReason.BAD_TIMESTAMP,
                            "field '" + c.name() + "' value '" + clip(p.getText()) + "' is not an ISO-8601 instant with offset");
                }
                if (ms > now + maxFutureMillis && (ENVELOPE & (1L << c.index())) != 0) {
                    return Problem.of(QuarantineReason.BAD_TIMESTAMP, "field '" + c.name() + "' value '" + clip(p.getText())
                            + "' lies more than " + (maxFutureMillis % 86_400_000 == 0 ? maxFutureMillis / 86_400_000 + " day(s)" : maxFutureMillis / 3_600_000 + " h")
                            + " in the future; the producer's clock is wrong");
                }
                c.setLong(event, ms);
                return null;
            }
            case STRING_LIST: {
                if (v != JsonToken.START_ARRAY) {
                    return wrongType(c, "an array of strings", v);
                }
                List<String> items = new ArrayList<>(4);
                JsonToken it;
                while ((it = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (it != JsonToken.VALUE_STRING) {
                        p.skipChildren();
                        skipRestOfArray(p);
                        return wrongType(c, "an array of strings", it);
                    }
                    items.add(p.getText());
                }
                c.set(event, items.toArray(new String[0]));
                return null;
            }
            default:
                throw new IllegalStateException(c.toString());
        }
    }

    private static void skipRestOfArray(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            p.skipChildren();
        }
    }

    private static Problem missingRequired(RecordSchema<?> schema, long seen) {
        for (Column c : schema.inputColumns()) {
            if (c.required() && (seen & (1L << c.index())) == 0) {
                return missing(c, "is missing");
            }
        }
        return null;
    }

    private static Problem missing(Column c, String how) {
        return Problem.of(QuarantineReason.MISSING_FIELD, "required field '" + c.name() + "' " + how);
    }

    private static Problem wrongType(Column c, String expected, JsonToken got) {
        return Problem.of(QuarantineReason.WRONG_TYPE, "field '" + c.name() + "' must be " + expected + ", got " + describe(got));
    }

    private static Problem outOfRange(Column c, long n) {
        String bounds = c.max() == Long.MAX_VALUE ? "at least " + c.min() : c.min() + ".." + c.max();
        return Problem.of(QuarantineReason.OUT_OF_RANGE, "field '" + c.name() + "' value " + n + " is outside " + bounds);
    }

    private static String describe(JsonToken t) {
        switch (t) {
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
                return "an integer";
            case VALUE_NUMBER_FLOAT:
                return "a decimal number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case START_ARRAY:
                return "an array";
            case START_OBJECT:
                return "an object";
            default:
                return t.toString();
        }
    }

    private static Ingested malformed(Stream stream, String origin, long position, byte[] buf, int off, int len, String why) {
        return Ingested.refused(stream, origin, position, QuarantineReason.MALFORMED_JSON, "malformed JSON: " + why, raw(buf, off, len));
    }

    private static String raw(byte[] buf, int off, int len) {
        return new String(buf, off, len, StandardCharsets.UTF_8);
    }

    private static String clip(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }
}
