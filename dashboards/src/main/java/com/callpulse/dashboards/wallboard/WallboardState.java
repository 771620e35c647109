package com.callpulse.dashboards.wallboard;

import com.callpulse.dashboards.config.DashboardsConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the wallboard knows, per tenant, from the live topics: each queue's last state message, each logged-in agent's
 * last state, the day's alerts, and the recent queue exits (all of them, and the abandoned ones kept longer). One
 * instance per server, fed by the one consumer ({@link WallboardFeed}); every client reads snapshots of it, so the
 * number of screens costs no query. Not thread-safe: {@link WallboardView} guards it with one lock.
 */
public final class WallboardState {
    static final ObjectMapper JSON = new ObjectMapper();

    /** The live topics the wallboard reads ({@code kafka.live_topics} keys) and whether each is a compacted state. */
    public enum Kind {
        QUEUE_STATE("queue_state", true), ALERTS("alerts", false), AGENTS("agents", true), CONTACTS("contacts", false);

        public final String key;
        public final boolean compacted;

        Kind(String key, boolean compacted) {
            this.key = key;
            this.compacted = compacted;
        }
    }

    /** How many exits (and abandoned exits) a tenant keeps for the drill-down and the abandoned list; alerts kept. */
    static final int CONTACTS_KEPT = 300;
    static final int ABANDONED_KEPT = 200;
    static final int ALERTS_KEPT = 200;

    private static final class Tenant {
        final DashboardsConfig.Tenant config;
        final Map<String, ObjectNode> queues = new TreeMap<>();
        final Map<String, ObjectNode> agents = new TreeMap<>();
        final Map<String, ObjectNode> alerts = new LinkedHashMap<>();
        final ArrayDeque<ObjectNode> contacts = new ArrayDeque<>();
        final ArrayDeque<ObjectNode> abandoned = new ArrayDeque<>();
        /** Exits seen lately: delivery is at least once, and a message sent again must not be listed twice. */
        final Map<String, Boolean> seenExits = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > 4 * (CONTACTS_KEPT + ABANDONED_KEPT);
            }
        };

        Tenant(DashboardsConfig.Tenant config) {
            this.config = config;
        }
    }

    private final Map<String, Tenant> tenants = new LinkedHashMap<>();
    private final Thresholds thresholds;
    private long applied;
    private long ignored;

    public WallboardState(Collection<DashboardsConfig.Tenant> tenants, Thresholds thresholds) {
        for (DashboardsConfig.Tenant t : tenants) {
            this.tenants.put(t.id(), new Tenant(t));
        }
        this.thresholds = thresholds;
    }

    /** A message that changed the state: its tenant and what the screens get (the message, or a removal). */
    public record Change(String tenant, ObjectNode message) {}

    /**
     * Applies one record of a live topic ({@code value} null: a compaction tombstone). Returns the change to push, or
     * null when the record changes nothing a screen shows (unknown tenant, other schema version, not JSON).
     */
    public Change apply(Kind kind, String key, String value) {
        Change c = applyOrNull(kind, key, value);
        if (c == null) {
            ignored++;
        } else {
            applied++;
        }
        return c;
    }

    private Change applyOrNull(Kind kind, String key, String value) {
        if (value == null) {
            return tombstone(kind, key);
        }
        ObjectNode m;
        try {
            JsonNode n = JSON.readTree(value);
            if (!(n instanceof ObjectNode o)) {
                return null;
            }
            m = o;
        } catch (IOException e) {
            return null;
        }
        // a reader must check the schema version (docs/metrics.md); messages without one are version 1
        if (m.has("version") && m.path("version").asInt() != 1) {
            return null;
        }
        Tenant t = tenants.get(m.path("tenant_id").asText());
        if (t == null) {
            return null;
        }
        String type = m.path("type").asText();
        switch (kind) {
            case QUEUE_STATE -> {
                String queue = m.path("queue_id").asText(null);
                if (!"queue_state".equals(type) || queue == null) {
                    return null;
                }
                Thresholds.Entry e = thresholds.match(t.config.id(), queue);
                m.set("wallboard_thresholds", e == null ? null : e.json());
                m.set("wallboard_status", Thresholds.status(e, m.path("total")));
                t.queues.put(queue, m);
            }
            case AGENTS -> {
                String agent = m.path("agent_id").asText(null);
                if (!"agent_state".equals(type) || agent == null) {
                    return null;
                }
                if ("logged_out".equals(m.path("state").asText())) {
                    t.agents.remove(agent);
                } else {
                    t.agents.put(agent, m);
                }
            }
            case ALERTS -> {
                String id = m.path("alert_id").asText(null);
                if (id == null || type.isEmpty()) {
                    return null;
                }
                if ("withdrawn".equals(m.path("state").asText())) {
                    t.alerts.remove(id);
                } else {
                    ObjectNode before = t.alerts.get(id);
                    if (before != null && "cleared".equals(before.path("state").asText()) && "raised".equals(m.path("state").asText())) {
                        return null; // the raise sent again (at-least-once delivery) after its clear
                    }
                    t.alerts.remove(id);
                    // a cleared message keeps what the raise said (explanation, advice, drivers) and adds the end
                    if (before != null && "cleared".equals(m.path("state").asText())) {
                        ObjectNode merged = before.deepCopy();
                        merged.setAll(m);
                        m = merged;
                    }
                    t.alerts.put(id, m);
                    trimAlerts(t);
                }
            }
            case CONTACTS -> {
                if (!"queue_exit".equals(type) || !m.hasNonNull("queue_id")) {
                    return null;
                }
                String id = m.path("contact_id").asText() + "|" + m.path("queue_id").asText() + "|" + m.path("outcome").asText() + "|" + m.path("occurred_at_ms").asText();
                if (t.seenExits.put(id, Boolean.TRUE) != null) {
                    return null;
                }
                push(t.contacts, m, CONTACTS_KEPT);
                if ("abandoned".equals(m.path("outcome").asText())) {
                    push(t.abandoned, m, ABANDONED_KEPT);
                }
            }
        }
        return new Change(t.config.id(), m);
    }

    /** A tombstone removes the key's queue or agent (the log topics have none). */
    private Change tombstone(Kind kind, String key) {
        int bar = key == null ? -1 : key.indexOf('|');
        Tenant t = bar < 0 ? null : tenants.get(key.substring(0, bar));
        if (t == null || !kind.compacted) {
            return null;
        }
        String id = key.substring(bar + 1);
        ObjectNode removal = JSON.createObjectNode().put("tenant_id", t.config.id());
        if (kind == Kind.QUEUE_STATE) {
            if (t.queues.remove(id) == null) {
                return null;
            }
            removal.put("type", "queue_removed").put("queue_id", id);
        } else {
            if (t.agents.remove(id) == null) {
                return null;
            }
            removal.put("type", "agent_state").put("agent_id", id).put("state", "logged_out");
        }
        return new Change(t.config.id(), removal);
    }

    private static void push(ArrayDeque<ObjectNode> d, ObjectNode m, int max) {
        d.addLast(m);
        while (d.size() > max) {
            d.removeFirst();
        }
    }

    /** Beyond the cap, cleared alerts go first (oldest first), then the oldest raised. */
    private static void trimAlerts(Tenant t) {
        Iterator<ObjectNode> it = t.alerts.values().iterator();
        while (t.alerts.size() > ALERTS_KEPT && it.hasNext()) {
            if (!"raised".equals(it.next().path("state").asText())) {
                it.remove();
            }
        }
        it = t.alerts.values().iterator();
        while (t.alerts.size() > ALERTS_KEPT && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    /** The whole state of these tenants (ids the caller may see), as the snapshot a screen starts from. */
    public ObjectNode snapshot(Collection<String> visible) {
        ObjectNode s = JSON.createObjectNode();
        s.put("type", "snapshot").put("applied", applied).put("ignored", ignored);
        ObjectNode all = s.putObject("tenants");
        for (String id : visible) {
            Tenant t = tenants.get(id);
            if (t == null) {
                continue;
            }
            ObjectNode o = all.putObject(id);
            o.put("name", t.config.name()).put("time_zone", t.config.zone().getId());
            ArrayNode q = o.putArray("queues");
            t.queues.values().forEach(q::add);
            ArrayNode a = o.putArray("agents");
            t.agents.values().forEach(a::add);
            ArrayNode al = o.putArray("alerts");
            t.alerts.values().forEach(al::add);
            ArrayNode c = o.putArray("contacts");
            t.contacts.forEach(c::add);
            ArrayNode ab = o.putArray("abandoned");
            t.abandoned.forEach(ab::add);
        }
        return s;
    }

    public long applied() {
        return applied;
    }

    public long ignored() {
        return ignored;
    }
}
