package com.callpulse.dashboards.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the dashboards need of CallPulse's one configuration file: the tenants and their zones, where the live topics
 * are, and the {@code dashboards:} section (server, users, SQL limits, wallboard thresholds). Read once at start-up,
 * from the same defaults the job ships ({@code callpulse-defaults.yaml}) overlaid by {@code --config FILE}, exactly as
 * the job reads it (objects merge key by key, lists replace). Sections owned by one view ({@code sql},
 * {@code wallboard}, {@code report}) are handed to that view, which types and checks them once.
 */
public record DashboardsConfig(List<Tenant> tenants, String kafkaBootstrap, Map<String, String> liveTopics, Map<String, String> kafkaProperties,
        String bind, int port, Duration sessionTtl, JsonNode users, JsonNode tokens, JsonNode dashboards) {

    public static final String DEFAULTS_RESOURCE = "/callpulse-defaults.yaml";

    /** A tenant: its id (the lake's {@code tenant} partition), its display name and its zone. */
    public record Tenant(String id, String name, ZoneId zone) {}

    public DashboardsConfig {
        tenants = List.copyOf(tenants);
        liveTopics = Map.copyOf(liveTopics);
        kafkaProperties = Map.copyOf(kafkaProperties);
    }

    public static DashboardsConfig defaults() {
        return load(null);
    }

    /** Defaults, overlaid by {@code file} (may be null). */
    public static DashboardsConfig load(Path file) {
        return of(tree(file));
    }

    /** The whole configuration as a tree (defaults overlaid by {@code file}), for the parts only a tool needs. */
    public static ObjectNode tree(Path file) {
        ObjectMapper yaml = new YAMLMapper();
        try (InputStream in = DashboardsConfig.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath");
            }
            ObjectNode tree = (ObjectNode) yaml.readTree(in);
            if (file != null) {
                JsonNode overlay = yaml.readTree(Files.readString(file));
                if (overlay != null && !overlay.isMissingNode() && !overlay.isNull()) {
                    if (!overlay.isObject()) {
                        throw new IllegalArgumentException(file + ": the configuration must be a YAML mapping");
                    }
                    merge(tree, (ObjectNode) overlay);
                }
            }
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration" + (file == null ? "" : " " + file) + ": " + e.getMessage(), e);
        }
    }

    static DashboardsConfig of(JsonNode tree) {
        List<Tenant> tenants = new ArrayList<>();
        for (JsonNode t : tree.path("tenants")) {
            tenants.add(new Tenant(text(t, "id"), t.path("name").asText(t.path("id").asText()), ZoneId.of(text(t, "time_zone"))));
        }
        if (tenants.isEmpty()) {
            throw new IllegalArgumentException("at least one tenant must be configured");
        }
        JsonNode kafka = tree.path("kafka");
        Map<String, String> topics = new LinkedHashMap<>();
        kafka.path("live_topics").fields().forEachRemaining(e -> topics.put(e.getKey(), e.getValue().asText()));
        Map<String, String> props = new LinkedHashMap<>();
        kafka.path("properties").fields().forEachRemaining(e -> props.put(e.getKey(), e.getValue().asText()));
        JsonNode d = tree.path("dashboards");
        if (!d.isObject()) {
            throw new IllegalArgumentException("the dashboards section is missing");
        }
        int port = d.path("port").asInt(8080);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("dashboards.port must be 0..65535");
        }
        return new DashboardsConfig(tenants, kafka.path("bootstrap_servers").asText("localhost:9092"), topics, props,
                d.path("bind").asText("127.0.0.1"), port, Duration.parse(d.path("session_ttl").asText("PT12H")),
                d.path("users"), d.path("tokens"), d);
    }

    /** A view's own subsection of {@code dashboards:} (missing node when absent). */
    public JsonNode section(String name) {
        JsonNode n = dashboards.get(name);
        return n == null ? MissingNode.getInstance() : n;
    }

    public Tenant tenant(String id) {
        for (Tenant t : tenants) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return null;
    }

    public DashboardsConfig withServer(String bind, int port) {
        return new DashboardsConfig(tenants, kafkaBootstrap, liveTopics, kafkaProperties, bind, port, sessionTtl, users, tokens, dashboards);
    }

    public DashboardsConfig withKafka(String bootstrap) {
        return new DashboardsConfig(tenants, bootstrap, liveTopics, kafkaProperties, bind, port, sessionTtl, users, tokens, dashboards);
    }

    /** The same configuration with these users and tokens (tests, the demo). */
    public DashboardsConfig withAccess(JsonNode users, JsonNode tokens) {
        return new DashboardsConfig(tenants, kafkaBootstrap, liveTopics, kafkaProperties, bind, port, sessionTtl, users, tokens, dashboards);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.asText().isBlank()) {
            throw new IllegalArgumentException("tenant without " + field + ": " + n);
        }
        return v.asText();
    }

    private static void merge(ObjectNode base, ObjectNode overlay) {
        Iterator<Map.Entry<String, JsonNode>> it = overlay.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode current = base.get(e.getKey());
            if (current instanceof ObjectNode && e.getValue() instanceof ObjectNode) {
                merge((ObjectNode) current, (ObjectNode) e.getValue());
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }
}
