package com.callpulse.dashboards.testing;

import com.callpulse.dashboards.DashboardsCli;
import com.callpulse.dashboards.access.AccessControl;
import com.callpulse.dashboards.access.PasswordHash;
import com.callpulse.dashboards.config.DashboardsConfig;
import com.callpulse.dashboards.server.View;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;

/**
 * The dashboards' server on a free localhost port, with three users who sign in with password {@value #PASSWORD}:
 * {@code ops} (the operator, every tenant), {@code ah} (tenant cmcc-ah) and {@code lx} (tenant mvno-lx); and one API
 * token per tenant user ({@link #token}).
 */
public final class TestServer implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery";
    public static final String AH_TOKEN = PasswordHash.newToken();
    public static final String LX_TOKEN = PasswordHash.newToken();

    private final DashboardsCli.Server server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestServer(DashboardsCli.Server server) {
        this.server = server;
    }

    /** {@code liveBroker} may be null (no wallboard feed). */
    public static TestServer start(Path lake, String liveBroker) throws Exception {
        return start(config(), lake, liveBroker);
    }

    public static TestServer start(DashboardsConfig config, Path lake, String liveBroker) throws Exception {
        return new TestServer(DashboardsCli.Server.start(new View.Context(config, lake, liveBroker), Clock.systemUTC()));
    }

    /** The shipped defaults with the test users, on a free port. */
    public static DashboardsConfig config() {
        ObjectMapper json = new ObjectMapper();
        ArrayNode users = json.createArrayNode();
        String hash = PasswordHash.hashPassword(PASSWORD.toCharArray(), 1_000); // few iterations: tests sign in often
        users.addObject().put("name", "ops").put("password_hash", hash).put("tenant", "*");
        users.addObject().put("name", "ah").put("password_hash", hash).put("tenant", "cmcc-ah");
        users.addObject().put("name", "lx").put("password_hash", hash).put("tenant", "mvno-lx");
        ArrayNode tokens = json.createArrayNode();
        tokens.addObject().put("name", "ah-token").put("token_hash", PasswordHash.hashToken(AH_TOKEN)).put("tenant", "cmcc-ah");
        tokens.addObject().put("name", "lx-token").put("token_hash", PasswordHash.hashToken(LX_TOKEN)).put("tenant", "mvno-lx");
        return DashboardsConfig.defaults().withServer("127.0.0.1", 0).withAccess(users, tokens);
    }

    public String url(String path) {
        return server.web().address() + (path.startsWith("/") ? path.substring(1) : path);
    }

    public DashboardsCli.Server server() {
        return server;
    }

    /** Signs in through the form; the session cookie's value. */
    public String signIn(String user) throws IOException, InterruptedException {
        String form = "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow(() -> new IllegalStateException("no session for " + user + ": " + r.statusCode()));
        return cookie.substring(AccessControl.SESSION_COOKIE.length() + 1, cookie.indexOf(';'));
    }

    /** A GET as a signed-in user (null: anonymous). */
    public HttpResponse<byte[]> get(String path, String user) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)));
        if (user != null) {
            b.header("Authorization", basic(user));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> getText(String path, String user) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = get(path, user);
        return new HttpResponse<>() {
            public int statusCode() { return r.statusCode(); }
            public HttpRequest request() { return r.request(); }
            public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
            public java.net.http.HttpHeaders headers() { return r.headers(); }
            public String body() { return new String(r.body(), StandardCharsets.UTF_8); }
            public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return r.sslSession(); }
            public URI uri() { return r.uri(); }
            public HttpClient.Version version() { return r.version(); }
        };
    }

    public HttpClient http() {
        return http;
    }

    public static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
    }
}
