package com.callpulse.dashboards.server;

import com.callpulse.dashboards.access.AccessControl;
import com.callpulse.dashboards.access.Principal;
import com.callpulse.dashboards.config.DashboardsConfig;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one web server of the three views (JDK's built-in HTTP server: no container to install). Routes are exact
 * paths (or prefixes when they end with '/'); every route but the open ones needs a signed-in principal, and every
 * view decides what that principal may see ({@link Request#tenant}). Long-lived streams (the wallboard's server-sent
 * events) each hold a thread of an unbounded pool, so one server holds as many wallboards as it has threads for.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private enum Kind { OPEN, PAGE, API }

    private record Route(Kind kind, Handler handler) {}

    /** A link on the start page. */
    private record Nav(String label, String path, String description) {}

    private final DashboardsConfig config;
    private final AccessControl access;
    private final HttpServer http;
    private final ExecutorService pool;
    private final Map<String, Route> exact = new LinkedHashMap<>();
    private final Map<String, Route> prefixes = new LinkedHashMap<>();
    private final List<Nav> nav = new ArrayList<>();

    public WebServer(DashboardsConfig config, AccessControl access) throws IOException {
        this.config = config;
        this.access = access;
        this.http = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 256);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "web-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(pool);
        http.createContext("/", this::dispatch);
        open("/login", this::login);
        open("/logout", this::logout);
        open("/health", r -> r.text(200, "ok"));
        open("/static/", this::staticResource);
        page("/", this::start);
    }

    /** A route anyone may call (the sign-in page, static files). */
    public void open(String path, Handler h) {
        add(path, new Route(Kind.OPEN, h));
    }

    /** A page: a browser that is not signed in is sent to the sign-in page. */
    public void page(String path, Handler h) {
        add(path, new Route(Kind.PAGE, h));
    }

    /** An API route (JSON, images, streams): without credentials, 401. */
    public void api(String path, Handler h) {
        add(path, new Route(Kind.API, h));
    }

    /** A link on the start page. */
    public void nav(String label, String path, String description) {
        nav.add(new Nav(label, path, description));
    }

    public void start() {
        http.start();
        LOG.info("dashboards listening on http://{}:{}/", config.bind(), port());
    }

    /** The bound port (the configured one, or the one the system chose for port 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    public String address() {
        String host = config.bind().equals("0.0.0.0") ? "localhost" : config.bind();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
    }

    @Override
    public void close() {
        http.stop(0);
        pool.shutdownNow();
    }

    private void add(String path, Route r) {
        (path.endsWith("/") && path.length() > 1 ? prefixes : exact).put(path, r);
    }

    private Route route(String path) {
        Route r = exact.get(path);
        if (r != null) {
            return r;
        }
        for (Map.Entry<String, Route> e : prefixes.entrySet()) {
            if (path.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    private void dispatch(HttpExchange ex) {
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("X-Frame-Options", "DENY");
        ex.getResponseHeaders().set("Referrer-Policy", "same-origin");
        ex.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'");
        String path = ex.getRequestURI().getPath();
        Route r = route(path);
        Request req = null;
        try {
            if (r == null) {
                throw new HttpError(404, "no page " + path);
            }
            Principal p = null;
            if (r.kind != Kind.OPEN) {
                Optional<Principal> found = principal(ex);
                if (found.isEmpty()) {
                    if (r.kind == Kind.PAGE && "GET".equals(ex.getRequestMethod())) {
                        String next = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
                        new Request(ex, null, config).redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
                        return;
                    }
                    ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"callpulse\"");
                    throw new HttpError(401, "sign in first (session cookie, Bearer token or Basic)");
                }
                p = found.get();
            }
            req = new Request(ex, p, config);
            r.handler.handle(req);
        } catch (HttpError e) {
            answerError(ex, r, e.status(), e.getMessage());
        } catch (IOException e) {
            LOG.debug("client went away: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", ex.getRequestMethod(), path, e);
            answerError(ex, r, 500, "internal error: " + e.getClass().getSimpleName());
        } finally {
            ex.close();
        }
    }

    private void answerError(HttpExchange ex, Route r, int status, String message) {
        try {
            Request req = new Request(ex, null, config);
            if (r != null && r.kind == Kind.API) {
                req.json(status, Map.of("error", message));
            } else {
                req.html(status, Pages.message(status == 404 ? "Not found" : "Refused", message));
            }
        } catch (IOException | RuntimeException ignored) {
            // headers already sent (a stream that failed midway): nothing more can be said
        }
    }

    private Optional<Principal> principal(HttpExchange ex) {
        Optional<Principal> p = access.authorization(ex.getRequestHeaders().getFirst("Authorization"));
        return p.isPresent() ? p : access.session(cookie(ex, AccessControl.SESSION_COOKIE));
    }

    static String cookie(HttpExchange ex, String name) {
        for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String c : header.split(";")) {
                String t = c.trim();
                if (t.startsWith(name + "=")) {
                    return t.substring(name.length() + 1);
                }
            }
        }
        return null;
    }

    private void login(Request r) throws IOException {
        String next = r.param("next");
        if (next == null || !next.startsWith("/") || next.startsWith("//")) {
            next = "/";
        }
        if ("POST".equals(r.method())) {
            Optional<String> session = access.signIn(r.formField("user"), r.formField("password"));
            if (session.isEmpty()) {
                r.html(401, Pages.login(next, "Wrong user name or password."));
                return;
            }
            r.exchange().getResponseHeaders().add("Set-Cookie", AccessControl.SESSION_COOKIE + "=" + session.get()
                    + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + config.sessionTtl().toSeconds());
            r.redirect(next);
            return;
        }
        r.html(200, Pages.login(next, access.hasNoUsers() ? "No users are configured: see docs/dashboards.md, \"Access\"." : null));
    }

    private void logout(Request r) throws IOException {
        access.signOut(cookie(r.exchange(), AccessControl.SESSION_COOKIE));
        r.exchange().getResponseHeaders().add("Set-Cookie", AccessControl.SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        r.redirect("/login");
    }

    private void start(Request r) throws IOException {
        StringBuilder b = new StringBuilder();
        Principal p = r.principal();
        b.append("<p>Signed in as <b>").append(Pages.escape(p.name())).append("</b>, ")
                .append(p.operator() ? "operator: every tenant" : "tenant " + Pages.escape(p.tenant()))
                .append(". <a href=\"/logout\">Sign out</a></p><ul class=\"views\">");
        for (Nav n : nav) {
            b.append("<li><a href=\"").append(Pages.escape(n.path)).append("\">").append(Pages.escape(n.label)).append("</a>: ")
                    .append(Pages.escape(n.description)).append("</li>");
        }
        b.append("</ul>");
        r.html(200, Pages.page("CallPulse", b.toString()));
    }

    private void staticResource(Request r) throws IOException {
        String name = r.path().substring("/static/".length());
        if (!name.matches("[a-z0-9_-]+\\.(css|js|png|svg)")) {
            throw new HttpError(404, "no file " + name);
        }
        try (InputStream in = WebServer.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new HttpError(404, "no file " + name);
            }
            String type = name.endsWith(".css") ? "text/css; charset=utf-8" : name.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : name.endsWith(".svg") ? "image/svg+xml" : "image/png";
            r.send(200, type, in.readAllBytes());
        }
    }
}
