package com.callpulse.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All of CallPulse's settings, typed and checked once at start-up, then handed down to the pipeline and its
 * functions (which never read files or the environment themselves). Loaded from the defaults shipped in the
 * jar ({@code callpulse-defaults.yaml}), overlaid by an optional YAML file, then by
 * {@code CALLPULSE_PSEUDONYM_SECRET}.
 */
public record CallPulseConfig(List<TenantConfig> tenants, IngestConfig ingest, LakeConfig lake, KafkaConfig kafka, PrivacyConfig privacy,
        MetricsConfig metrics) implements Serializable {

    public static final String DEFAULTS_RESOURCE = "/callpulse-defaults.yaml";
    public static final String SECRET_ENV = "CALLPULSE_PSEUDONYM_SECRET";
    /** The section of the file that only the dashboards read: the server, its users, thresholds. */
    public static final String DASHBOARDS_SECTION = "dashboards";

    public CallPulseConfig {
        if (tenants == null || tenants.isEmpty()) {
            throw new IllegalArgumentException("at least one tenant must be configured");
        }
        tenants = List.copyOf(tenants);
        if (tenants.stream().map(TenantConfig::id).distinct().count() != tenants.size()) {
            throw new IllegalArgumentException("tenant ids must be unique");
        }
        if (metrics == null) {
            throw new IllegalArgumentException("the metrics section is missing");
        }
    }

    /** Tenant id to tenant, in configuration order. */
    public Map<String, TenantConfig> tenantsById() {
        Map<String, TenantConfig> m = new LinkedHashMap<>();
        for (TenantConfig t : tenants) {
            m.put(t.id(), t);
        }
        return m;
    }

    public TenantConfig tenant(String id) {
        for (TenantConfig t : tenants) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return null;
    }

    public CallPulseConfig withIngest(IngestConfig i) {
        return new CallPulseConfig(tenants, i, lake, kafka, privacy, metrics);
    }

    public CallPulseConfig withLake(LakeConfig l) {
        return new CallPulseConfig(tenants, ingest, l, kafka, privacy, metrics);
    }

    public CallPulseConfig withKafka(KafkaConfig k) {
        return new CallPulseConfig(tenants, ingest, lake, k, privacy, metrics);
    }

    public CallPulseConfig withMetrics(MetricsConfig m) {
        return new CallPulseConfig(tenants, ingest, lake, kafka, privacy, m);
    }

    /** The shipped defaults only. */
    public static CallPulseConfig defaults() {
        return load(null, Map.of());
    }

    /** Defaults, overlaid by {@code file} (may be null) and by the environment. */
    public static CallPulseConfig load(Path file, Map<String, String> env) {
        ObjectMapper yaml = mapper();
        try (InputStream in = CallPulseConfig.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
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
            String secret = env.get(SECRET_ENV);
            if (secret != null && !secret.isBlank()) {
                ((ObjectNode) tree.with("privacy")).put("pseudonym_secret", secret);
            }
            tree.remove(DASHBOARDS_SECTION); // read by the dashboards module (same file, one configuration)
            return yaml.treeToValue(tree, CallPulseConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration" + (file == null ? "" : " " + file) + ": " + e.getMessage(), e);
        }
    }

    static ObjectMapper mapper() {
        return YAMLMapper.builder()
                .addModule(new JavaTimeModule())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS) // codes are written in lower case, as on the wire
                .build();
    }

    /** Objects merge key by key; anything else (lists included) replaces the default. */
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
