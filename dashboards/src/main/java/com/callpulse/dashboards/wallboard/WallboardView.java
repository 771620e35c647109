package com.callpulse.dashboards.wallboard;

import com.callpulse.dashboards.config.DashboardsConfig;
import com.callpulse.dashboards.server.Pages;
import com.callpulse.dashboards.server.Request;
import com.callpulse.dashboards.server.View;
import com.callpulse.dashboards.server.WebServer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The supervisors' live wallboard: the page {@code /wallboard}, its server-sent event stream
 * {@code /wallboard/events} (a snapshot, then every change) and the same snapshot as JSON at {@code /api/wallboard}.
 * One {@link WallboardFeed} per server reads the live topics into one {@link WallboardState}; the {@link WallboardHub}
 * fans each change out to the screens that may see its tenant. A tenant's user only ever gets its own tenant's
 * messages; an operator gets every tenant, or the one named by {@code ?tenant=}.
 */
public final class WallboardView implements View {
    /** {@code dashboards.wallboard}, typed and checked once. */
    record Settings(Thresholds thresholds, int clientQueue, Duration heartbeat) {
        static Settings of(JsonNode section, DashboardsConfig config) {
            for (var it = section.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!Set.of("thresholds", "client_queue", "heartbeat").contains(f)) {
                    throw new IllegalArgumentException("dashboards.wallboard: unknown setting " + f + " (thresholds, client_queue, heartbeat)");
                }
            }
            Thresholds t = Thresholds.parse(section.path("thresholds"), config.tenants().stream().map(DashboardsConfig.Tenant::id).toList());
            int queue = section.path("client_queue").asInt(1024);
            if (queue < 16) {
                throw new IllegalArgumentException("dashboards.wallboard.client_queue must be at least 16");
            }
            Duration heartbeat = Duration.parse(section.path("heartbeat").asText("PT15S"));
            if (heartbeat.isNegative() || heartbeat.isZero()) {
                throw new IllegalArgumentException("dashboards.wallboard.heartbeat must be positive");
            }
            return new Settings(t, queue, heartbeat);
        }
    }

    private static final byte[] KEEPALIVE = ": keepalive\n\n".getBytes(StandardCharsets.US_ASCII);
    /** Tells EventSource how soon to reconnect after a drop. */
    private static final byte[] RETRY = "retry: 2000\n\n".getBytes(StandardCharsets.US_ASCII);

    private final DashboardsConfig config;
    private final Settings settings;
    private final boolean live;
    private final Object lock = new Object();
    private final WallboardState state;
    private final WallboardHub hub;
    private final WallboardFeed feed;
    private boolean caughtUp;

    WallboardView(DashboardsConfig config, String liveBroker, Clock clock) {
        this.config = config;
        this.settings = Settings.of(config.section("wallboard"), config);
        this.state = new WallboardState(config.tenants(), settings.thresholds());
        this.hub = new WallboardHub(settings.clientQueue());
        this.live = liveBroker != null;
        this.caughtUp = !live; // without a feed there is nothing to catch up with
        if (live) {
            Map<WallboardState.Kind, String> topics = new EnumMap<>(WallboardState.Kind.class);
            for (WallboardState.Kind k : WallboardState.Kind.values()) {
                String name = config.liveTopics().get(k.key);
                if (name != null) {
                    topics.put(k, name);
                }
            }
            feed = new WallboardFeed(liveBroker, config.kafkaProperties(), topics, () -> startOfDay(config, clock), new WallboardFeed.Sink() {
                @Override
                public void accept(WallboardState.Kind kind, String key, String value) {
                    WallboardView.this.accept(kind, key, value);
                }

                @Override
                public void polled(boolean nowCaughtUp) {
                    caughtUp(nowCaughtUp);
                }
            });
        } else {
            feed = null;
        }
    }

    public static WallboardView create(View.Context context) {
        WallboardView v = new WallboardView(context.config(), context.liveBroker(), Clock.systemUTC());
        if (v.feed != null) {
            v.feed.start();
        }
        return v;
    }

    /** The earliest start of today among the tenants' zones: the logs are read from there (record times are wall clock). */
    static long startOfDay(DashboardsConfig config, Clock clock) {
        long min = Long.MAX_VALUE;
        for (DashboardsConfig.Tenant t : config.tenants()) {
            min = Math.min(min, LocalDate.now(clock.withZone(t.zone())).atStartOfDay(t.zone()).toInstant().toEpochMilli());
        }
        return min;
    }

    @Override
    public void register(WebServer server) {
        server.page("/wallboard", this::page);
        server.api("/wallboard/events", this::events);
        server.api("/api/wallboard", this::snapshot);
        server.nav("Wallboard", "/wallboard", "live queues, agents, alerts and abandoned contacts, per tenant");
    }

    /** One record of the feed: applied, and pushed to the screens that see its tenant (under the lock: no gap with a snapshot). */
    void accept(WallboardState.Kind kind, String key, String value) {
        synchronized (lock) {
            WallboardState.Change c = state.apply(kind, key, value);
            // while the feed catches up, the screens wait for the snapshot that follows: thousands of old changes
            // would fill their queues for nothing
            if (c != null && caughtUp) {
                hub.publish(c.tenant(), WallboardHub.frame(null, bytes(c.message())));
            }
        }
    }

    private void caughtUp(boolean nowCaughtUp) {
        if (nowCaughtUp && !caughtUp) {
            synchronized (lock) {
                caughtUp = true;
                Map<Set<String>, byte[]> byScope = new HashMap<>();
                hub.forEach(c -> c.offerSnapshot(byScope.computeIfAbsent(c.tenants(), s -> snapshotFrame(s))));
            }
        }
    }

    private ObjectNode snapshotJson(Set<String> tenants) {
        ObjectNode s = state.snapshot(tenants);
        s.putObject("feed").put("live", live).put("caught_up", caughtUp).put("clients", hub.clients()).put("dropped", hub.dropped());
        return s;
    }

    private byte[] snapshotFrame(Set<String> tenants) {
        return WallboardHub.frame("snapshot", bytes(snapshotJson(tenants)));
    }

    private static byte[] bytes(JsonNode n) {
        try {
            return WallboardState.JSON.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void snapshot(Request r) throws IOException {
        Set<String> tenants = new LinkedHashSet<>(r.tenants());
        ObjectNode s;
        synchronized (lock) {
            s = snapshotJson(tenants);
        }
        r.json(200, s);
    }

    private void events(Request r) throws IOException {
        Set<String> tenants = new LinkedHashSet<>(r.tenants());
        WallboardHub.Client client;
        byte[] snapshot;
        synchronized (lock) {
            client = hub.register(tenants);
            snapshot = snapshotFrame(tenants);
        }
        try {
            OutputStream out = r.eventStream();
            out.write(RETRY);
            out.write(snapshot);
            out.flush();
            long heartbeat = settings.heartbeat().toMillis();
            while (true) {
                byte[] f = client.next(heartbeat);
                if (f == null) {
                    out.write(KEEPALIVE); // also finds out that a quiet screen went away
                } else if (client.isDropped(f)) {
                    return; // too slow: EventSource reconnects and starts from a new snapshot
                } else {
                    out.write(f);
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hub.unregister(client);
        }
    }

    private void page(Request r) throws IOException {
        List<String> tenants = r.tenants(); // 403 for another tenant's ?tenant=
        StringBuilder b = new StringBuilder();
        b.append("<div id=\"wallboard\" data-tenant=\"").append(Pages.escape(r.param("tenant") == null ? "" : r.param("tenant"))).append("\">");
        b.append("<div class=\"wb-bar\"><span id=\"wb-status\" class=\"wb-status\">connecting…</span>");
        if (r.principal().operator()) {
            b.append("<nav class=\"wb-tenants\"><a href=\"/wallboard\"").append(r.param("tenant") == null ? " class=\"on\"" : "").append(">All tenants</a>");
            for (DashboardsConfig.Tenant t : config.tenants()) {
                b.append("<a href=\"/wallboard?tenant=").append(Pages.escape(t.id())).append("\"")
                        .append(t.id().equals(r.param("tenant")) ? " class=\"on\"" : "").append(">").append(Pages.escape(t.name())).append("</a>");
            }
            b.append("</nav>");
        }
        b.append("<span id=\"wb-clock\" class=\"wb-clock\"></span></div>");
        b.append("<div class=\"wb-grid\"><section id=\"wb-tenants\" class=\"wb-main\" aria-live=\"polite\"></section>");
        b.append("<aside class=\"wb-side\"><h2>Alerts</h2><div id=\"wb-alerts\" class=\"wb-alerts\"><p class=\"wb-empty\">No alerts today.</p></div>");
        b.append("<h2>Abandoned contacts</h2><div id=\"wb-abandoned\"></div></aside></div>");
        b.append("<div id=\"wb-drill\" class=\"wb-drill\" hidden></div>");
        b.append("<noscript><p class=\"error\">The wallboard needs JavaScript; /api/wallboard gives the same numbers as JSON.</p></noscript></div>");
        String title = tenants.size() == 1 ? "Wallboard: " + config.tenant(tenants.get(0)).name() : "Wallboard";
        r.html(200, Pages.page(title, b.toString(), "<link rel=\"stylesheet\" href=\"/static/wallboard.css\">",
                "<script src=\"/static/wallboard.js\" defer></script>"));
    }

    /** Connected screens (for tests and the snapshot's feed block). */
    int clients() {
        return hub.clients();
    }

    @Override
    public void close() {
        if (feed != null) {
            feed.close();
        }
    }
}
