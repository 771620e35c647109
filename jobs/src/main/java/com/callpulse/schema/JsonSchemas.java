package com.callpulse.schema;

import com.callpulse.config.TenantConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The published JSON Schema (draft 2020-12) of an input stream, generated from its event class so it cannot
 * disagree with the parser. The schemas are shipped in the jar under {@code schemas/<stream>.schema.json}. Rules
 * that span fields (e.g. {@code reason} only with {@code not_ready}) are enforced by ingestion and stated in the
 * field descriptions; which tenants exist is configuration, not contract.
 */
public final class JsonSchemas {
    public static final String RESOURCE_DIR = "schemas";
    /** Matches what the parser accepts: ISO-8601 date-time with a mandatory offset. */
    static final String TIMESTAMP_PATTERN =
            "^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:?\\d{2})$";

    private JsonSchemas() {}

    public static String resourceName(String stream) {
        return RESOURCE_DIR + "/" + stream + ".schema.json";
    }

    public static String generate(String stream, Class<?> eventClass, int schemaVersion) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        RecordSchema<?> schema = RecordSchema.of(eventClass);
        ObjectNode root = m.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "urn:callpulse:schema:" + stream + ":v" + schemaVersion);
        root.put("title", stream);
        Doc classDoc = eventClass.getAnnotation(Doc.class);
        if (classDoc != null) {
            root.put("description", classDoc.value() + " One JSON object per Kafka message or per line of a .jsonl file.");
        }
        root.put("type", "object");
        ArrayNode required = root.putArray("required");
        ObjectNode props = root.putObject("properties");
        for (Column c : schema.inputColumns()) {
            if (c.required()) {
                required.add(c.name());
            }
            ObjectNode p = props.putObject(c.name());
            String type;
            switch (c.kind()) {
                case STRING:
                    type = "string";
                    break;
                case CODE:
                    type = "string";
                    ArrayNode e = p.putArray("enum");
                    c.codes().codes().forEach(e::add);
                    if (!c.required()) {
                        e.addNull();
                    }
                    break;
                case INT:
                case LONG:
                    type = "integer";
                    break;
                case DOUBLE:
                    type = "number";
                    break;
                case BOOLEAN:
                    type = "boolean";
                    break;
                case TIMESTAMP:
                    type = "string";
                    p.put("format", "date-time");
                    p.put("pattern", TIMESTAMP_PATTERN);
                    break;
                case STRING_LIST:
                    type = "array";
                    p.putObject("items").put("type", "string");
                    break;
                default:
                    throw new IllegalStateException(c.toString());
            }
            if (c.required()) {
                p.put("type", type);
            } else {
                p.putArray("type").add(type).add("null");
            }
            if (c.required() && c.kind() == ColumnKind.STRING) {
                p.put("minLength", 1);
            }
            if (c.name().equals("tenant_id")) {
                p.put("pattern", "^" + TenantConfig.ID_PATTERN.pattern() + "$");
            }
            if (c.name().equals("schema_version")) {
                p.put("const", schemaVersion);
            }
            if (c.min() != Long.MIN_VALUE) {
                p.put("minimum", c.min());
            }
            if (c.max() != Long.MAX_VALUE) {
                p.put("maximum", c.max());
            }
            String doc = c.doc() + (c.personal() ? " Personal data." : "");
            if (!doc.isBlank()) {
                p.put("description", doc.trim());
            }
        }
        root.put("additionalProperties", true);
        try {
            return m.writeValueAsString(root) + "\n";
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
