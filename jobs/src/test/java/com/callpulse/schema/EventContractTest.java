package com.callpulse.schema;

import com.callpulse.ingest.EventParser;
import com.callpulse.ingest.Ingested;
import com.callpulse.model.Stream;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract in its three forms (event classes, shipped JSON Schemas, docs/events.md) agrees with itself and
 * with the parser. To refresh the shipped schemas after changing an event class:
 * {@code mvn -pl jobs test -Dtest=EventContractTest -Dcallpulse.writeSchemas=true}.
 */
class EventContractTest {
    private static final Path DOC = Path.of("..", "docs", "events.md");
    private static final Path SCHEMA_DIR = Path.of("src", "main", "resources", JsonSchemas.RESOURCE_DIR);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(Stream.class)
    void theShippedSchemaIsGeneratedFromTheEventClass(Stream s) throws Exception {
        String generated = JsonSchemas.generate(s.code(), s.eventClass(), 1);
        Path file = SCHEMA_DIR.resolve(s.code() + ".schema.json");
        if (Boolean.getBoolean("callpulse.writeSchemas")) {
            Files.createDirectories(SCHEMA_DIR);
            Files.writeString(file, generated);
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(JsonSchemas.resourceName(s.code()))) {
            assertThat(in).as("schema shipped on the classpath").isNotNull();
        }
        assertThat(Files.readString(file)).as("regenerate with -Dcallpulse.writeSchemas=true").isEqualTo(generated);
    }

    @ParameterizedTest
    @EnumSource(Stream.class)
    void everyExampleInTheDocsParsesAndValidates(Stream s) throws Exception {
        List<String> examples = examples().get(s);
        assertThat(examples).as("examples for " + s.code()).isNotEmpty();
        EventParser parser = com.callpulse.testing.Fixtures.parser(Set.of("cmcc-ah"));
        JsonSchema schema = schema(s);
        for (String line : examples) {
            Ingested r = parser.parse(s, line, "docs/events.md", 1);
            assertThat(r.isRefused()).as(r.detail + " in " + line).isFalse();
            assertThat(schema.validate(JSON.readTree(line))).as(line).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Stream.class)
    void theSchemaRefusesWhatTheParserRefuses(Stream s) throws Exception {
        String example = examples().get(s).get(0);
        JsonSchema schema = schema(s);
        Set<ValidationMessage> unknownCode = schema.validate(JSON.readTree(example.replace("\"schema_version\":1", "\"schema_version\":1,\"event_id\":5")));
        assertThat(unknownCode).isNotEmpty();
        assertThat(schema.validate(JSON.readTree(example.replaceFirst("\\+08:00\"", "\"")))).as("timestamp without offset").isNotEmpty();
        assertThat(schema.validate(JSON.readTree(example.replace("\"tenant_id\":\"cmcc-ah\",", "")))).as("missing tenant").isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(Stream.class)
    void everyFieldIsDocumented(Stream s) throws Exception {
        String doc = Files.readString(DOC);
        for (Column c : RecordSchema.of(s.eventClass()).columns()) {
            assertThat(doc).as(s.code() + "." + c.name()).contains("`" + c.name() + "`");
        }
    }

    @Test
    void codesInTheSchemaAreTheEnumCodes() throws Exception {
        var node = JSON.readTree(Files.readString(SCHEMA_DIR.resolve("contact_events.schema.json")));
        assertThat(node.at("/properties/channel/enum").toString()).isEqualTo("[\"voice\",\"webchat\",\"wechat\",\"weibo\",\"email\",\"sms\",\"app\"]");
        assertThat(node.at("/required").toString()).contains("\"contact_id\"", "\"event_type\"", "\"channel\"");
    }

    private static JsonSchema schema(Stream s) throws Exception {
        try (InputStream in = EventContractTest.class.getClassLoader().getResourceAsStream(JsonSchemas.resourceName(s.code()))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The lines of the ```json blocks under each stream's section of docs/events.md. */
    static Map<Stream, List<String>> examples() throws Exception {
        Map<Stream, List<String>> out = new EnumMap<>(Stream.class);
        Stream section = null;
        boolean inJson = false;
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("## ")) {
                String title = line.substring(3).trim();
                section = null;
                for (Stream s : Stream.values()) {
                    if (s.code().equals(title)) {
                        section = s;
                    }
                }
            } else if (line.startsWith("```json")) {
                inJson = true;
            } else if (line.startsWith("```")) {
                inJson = false;
            } else if (inJson && section != null && !line.isBlank()) {
                out.computeIfAbsent(section, k -> new ArrayList<>()).add(line);
            }
        }
        return out;
    }
}
