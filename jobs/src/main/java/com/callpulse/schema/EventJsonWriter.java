package com.callpulse.schema;

import com.callpulse.time.Timestamps;

import java.util.function.ToIntBiFunction;

/**
 * Writes a record as one line of contract JSON: snake_case keys in field order, nulls left out, timestamps as
 * ISO-8601 in the offset the caller chooses (normally the tenant zone's offset at that instant, as a real ACD
 * would send them). The inverse of the ingestion parser; used by the sample-data generator and the Kafka
 * producer. Not thread-safe: it reuses one buffer.
 */
public final class EventJsonWriter {
    private final StringBuilder sb = new StringBuilder(512);
    private final ToIntBiFunction<Object, Long> offsetSeconds;

    /**
     * @param offsetSeconds UTC offset to print a timestamp with, given the record and the instant (epoch millis)
     */
    public EventJsonWriter(ToIntBiFunction<Object, Long> offsetSeconds) {
        this.offsetSeconds = offsetSeconds;
    }

    /** A change to one field when writing a deliberately faulty record. */
    public static final class Override {
        final String field;
        final String rawJson;

        private Override(String field, String rawJson) {
            this.field = field;
            this.rawJson = rawJson;
        }

        /** Leave the field out. */
        public static Override omit(String field) {
            return new Override(field, null);
        }

        /** Write the field with this raw JSON value instead, e.g. {@code "\"abc\""} or {@code "12"}. */
        public static Override replace(String field, String rawJson) {
            return new Override(field, rawJson);
        }
    }

    public String write(Object record) {
        return write(record, null);
    }

    /** The record's input fields as a JSON object, with an optional override applied. */
    public String write(Object record, Override override) {
        RecordSchema<?> schema = RecordSchema.of(record.getClass());
        sb.setLength(0);
        sb.append('{');
        boolean first = true;
        boolean overrideDone = false;
        for (Column c : schema.inputColumns()) {
            boolean overridden = override != null && override.field.equals(c.name());
            if (overridden) {
                overrideDone = true;
                if (override.rawJson == null) {
                    continue;
                }
                first = key(c.name(), first);
                sb.append(override.rawJson);
                continue;
            }
            Object v = c.get(record);
            if (v == null) {
                continue;
            }
            first = key(c.name(), first);
            value(record, c, v);
        }
        if (override != null && !overrideDone && override.rawJson != null) {
            key(override.field, first);
            sb.append(override.rawJson);
        }
        return sb.append('}').toString();
    }

    private boolean key(String name, boolean first) {
        if (!first) {
            sb.append(',');
        }
        sb.append('"').append(name).append("\":");
        return false;
    }

    private void value(Object record, Column c, Object v) {
        switch (c.kind()) {
            case STRING:
                string((String) v);
                break;
            case CODE:
                sb.append('"').append(((Code) v).code()).append('"');
                break;
            case TIMESTAMP: {
                long ms = (Long) v;
                sb.append('"');
                Timestamps.format(ms, offsetSeconds.applyAsInt(record, ms), sb);
                sb.append('"');
                break;
            }
            case STRING_LIST: {
                sb.append('[');
                String[] items = (String[]) v;
                for (int i = 0; i < items.length; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    string(items[i]);
                }
                sb.append(']');
                break;
            }
            default:
                sb.append(v);
        }
    }

    private void string(String s) {
        sb.append('"');
        if (!needsEscaping(s)) {
            sb.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
            }
        }
        sb.append('"');
    }

    private static boolean needsEscaping(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 || ch == '"' || ch == '\\') {
                return true;
            }
        }
        return false;
    }
}
