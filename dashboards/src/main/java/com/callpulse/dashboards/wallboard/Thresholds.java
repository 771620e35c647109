package com.callpulse.dashboards.wallboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Red/amber/green per queue ({@code dashboards.wallboard.thresholds}), typed and checked once at start-up: a typo in
 * a metric name or an amber beyond red fails the server's start, not a screen at 3 a.m. The first entry whose tenant
 * and queue match ({@code "*"} = any) colours the queue, so a tenant or a queue can have its own bands before a
 * catch-all entry (one global threshold fits no real hotline).
 */
public final class Thresholds {
    /** The coloured metrics, their names in the configuration, and where the queue-state message carries them. */
    public enum Metric {
        SERVICE_LEVEL("service_level", true, "trailing_15m", "service_level"),
        ASA_SECONDS("asa_seconds", false, "trailing_15m", "asa_seconds"),
        ABANDON_RATE("abandon_rate", false, "trailing_15m", "abandonment_rate"),
        OLDEST_WAIT_SECONDS("oldest_wait_seconds", false, null, "oldest_wait_seconds"),
        WAITING("waiting", false, null, "waiting");

        final String key;
        /** Service level is bad when low (red below red); every other metric when high (red at or above red). */
        final boolean lowIsBad;
        final String block;
        final String field;

        Metric(String key, boolean lowIsBad, String block, String field) {
            this.key = key;
            this.lowIsBad = lowIsBad;
            this.block = block;
            this.field = field;
        }

        static Metric of(String key) {
            for (Metric m : values()) {
                if (m.key.equals(key)) {
                    return m;
                }
            }
            return null;
        }

        /** The metric's value in a queue's (or channel's) block of a queue-state message; null when absent. */
        Double value(JsonNode total) {
            JsonNode v = (block == null ? total : total.path(block)).path(field);
            return v.isNumber() ? v.asDouble() : null;
        }
    }

    public record Band(double amber, double red) {}

    public record Entry(String tenant, String queue, Map<Metric, Band> bands, ObjectNode json) {
        boolean matches(String t, String q) {
            return ("*".equals(tenant) || tenant.equals(t)) && ("*".equals(queue) || queue.equals(q));
        }
    }

    private final List<Entry> entries;

    private Thresholds(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Reads {@code thresholds} of the wallboard section; {@code tenants} are the configured tenant ids. */
    public static Thresholds parse(JsonNode list, Collection<String> tenants) {
        List<Entry> entries = new ArrayList<>();
        if (list == null || list.isMissingNode() || list.isNull()) {
            return new Thresholds(entries);
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("dashboards.wallboard.thresholds must be a list");
        }
        int i = 0;
        for (JsonNode e : list) {
            String where = "dashboards.wallboard.thresholds[" + i++ + "]";
            if (!e.isObject()) {
                throw new IllegalArgumentException(where + " must be a mapping");
            }
            String tenant = e.path("tenant").asText("*");
            String queue = e.path("queue").asText("*");
            if (!"*".equals(tenant) && !tenants.contains(tenant)) {
                throw new IllegalArgumentException(where + ": no tenant " + tenant + " is configured");
            }
            Map<Metric, Band> bands = new EnumMap<>(Metric.class);
            ObjectNode json = JsonNodeFactory.instance.objectNode().put("tenant", tenant).put("queue", queue);
            Iterator<Map.Entry<String, JsonNode>> fields = e.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getKey().equals("tenant") || f.getKey().equals("queue")) {
                    continue;
                }
                Metric m = Metric.of(f.getKey());
                if (m == null) {
                    throw new IllegalArgumentException(where + ": unknown metric " + f.getKey() + " (service_level, asa_seconds, abandon_rate, oldest_wait_seconds, waiting)");
                }
                JsonNode amber = f.getValue().path("amber");
                JsonNode red = f.getValue().path("red");
                if (!amber.isNumber() || !red.isNumber() || f.getValue().size() != 2) {
                    throw new IllegalArgumentException(where + "." + m.key + " needs exactly a number amber and a number red");
                }
                Band b = new Band(amber.asDouble(), red.asDouble());
                if (m.lowIsBad ? b.red > b.amber : b.red < b.amber) {
                    throw new IllegalArgumentException(where + "." + m.key + ": red must be " + (m.lowIsBad ? "below" : "above") + " amber");
                }
                if (m == Metric.SERVICE_LEVEL || m == Metric.ABANDON_RATE) {
                    if (b.amber < 0 || b.amber > 1 || b.red < 0 || b.red > 1) {
                        throw new IllegalArgumentException(where + "." + m.key + " is a share: 0..1");
                    }
                }
                bands.put(m, b);
                json.putObject(m.key).put("amber", b.amber).put("red", b.red);
            }
            entries.add(new Entry(tenant, queue, bands, json));
        }
        return new Thresholds(entries);
    }

    /** The first entry matching the queue, or null (the queue is not coloured). */
    public Entry match(String tenant, String queue) {
        for (Entry e : entries) {
            if (e.matches(tenant, queue)) {
                return e;
            }
        }
        return null;
    }

    /** green, amber or red for one value; null when there is no value or no band. */
    public static String level(Metric m, Band b, Double value) {
        if (b == null || value == null) {
            return null;
        }
        if (m.lowIsBad) {
            return value < b.red ? "red" : value < b.amber ? "amber" : "green";
        }
        return value >= b.red ? "red" : value >= b.amber ? "amber" : "green";
    }

    /**
     * The colour of a queue's block ({@code total} or a channel of a queue-state message) and of each metric: the
     * worst of its metrics; null when the entry is null or nothing has a value.
     */
    public static ObjectNode status(Entry e, JsonNode block) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        String worst = null;
        if (e != null) {
            ObjectNode by = out.putObject("by_metric");
            for (Map.Entry<Metric, Band> b : e.bands.entrySet()) {
                String l = level(b.getKey(), b.getValue(), b.getKey().value(block));
                if (l != null) {
                    by.put(b.getKey().key, l);
                    worst = worse(worst, l);
                }
            }
        }
        out.put("status", worst);
        return out;
    }

    private static String worse(String a, String b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(String l) {
        return l == null ? -1 : switch (l) {
            case "red" -> 2;
            case "amber" -> 1;
            default -> 0;
        };
    }
}
