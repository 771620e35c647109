package com.callpulse.dashboards.server;

import com.callpulse.dashboards.access.Principal;
import com.callpulse.dashboards.config.DashboardsConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request and its answer, with the principal it comes from (null on open routes). Handlers answer through
 * the methods here, so every answer carries the same security headers.
 */
public final class Request {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpExchange exchange;
    private final Principal principal;
    private final DashboardsConfig config;
    private Map<String, String> query;
    private Map<String, String> form;

    Request(HttpExchange exchange, Principal principal, DashboardsConfig config) {
        this.exchange = exchange;
        this.principal = principal;
        this.config = config;
    }

    public HttpExchange exchange() {
        return exchange;
    }

    public Principal principal() {
        return principal;
    }

    public String method() {
        return exchange.getRequestMethod();
    }

    public String path() {
        return exchange.getRequestURI().getPath();
    }

    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** A query-string parameter (the first of that name), or null. */
    public String param(String name) {
        if (query == null) {
            query = parse(exchange.getRequestURI().getRawQuery());
        }
        return query.get(name);
    }

    /** A field of an {@code application/x-www-form-urlencoded} body, or null. Reads the body once. */
    public String formField(String name) throws IOException {
        if (form == null) {
            form = parse(body());
        }
        return form.get(name);
    }

    /** The request body as UTF-8 (at most 1 MiB). */
    public String body() throws IOException {
        byte[] b = exchange.getRequestBody().readNBytes(1 << 20);
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * The one tenant this request is about: the principal's own for a tenant's user (a {@code tenant} parameter naming
     * another one is refused: 403), the {@code tenant} parameter for an operator (or {@code fallback} when absent;
     * null fallback means required). Unknown tenants: 404.
     */
    public String tenant(String fallback) {
        String asked = param("tenant");
        if (!principal.operator()) {
            if (asked != null && !asked.equals(principal.tenant())) {
                throw new HttpError(403, "you may not see tenant " + asked);
            }
            return principal.tenant();
        }
        String t = asked != null ? asked : fallback;
        if (t == null) {
            throw new HttpError(400, "say which tenant: ?tenant=<id>");
        }
        if (config.tenant(t) == null) {
            throw new HttpError(404, "no tenant " + t);
        }
        return t;
    }

    /** The tenants this request may see (all of the principal's, or the one asked for). */
    public List<String> tenants() {
        String asked = param("tenant");
        if (asked == null) {
            return principal.visibleTenants(config);
        }
        return List.of(tenant(null));
    }

    public void json(int status, Object body) throws IOException {
        send(status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    public void html(int status, String html) throws IOException {
        send(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    public void text(int status, String text) throws IOException {
        send(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public void send(int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } else {
            exchange.close();
        }
    }

    public void redirect(String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
        exchange.close();
    }

    /**
     * Starts a server-sent event stream (text/event-stream, unbuffered); the caller writes events to the returned
     * stream until the client goes away (a write fails) and then closes the exchange.
     */
    public OutputStream eventStream() throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    static Map<String, String> parse(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.putIfAbsent(k, v);
        }
        return m;
    }
}
