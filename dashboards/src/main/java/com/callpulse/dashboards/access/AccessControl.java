package com.callpulse.dashboards.access;

import com.callpulse.dashboards.config.DashboardsConfig;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may sign in, and who a request comes from. Users (name, PBKDF2 password hash, tenant or "*") and API tokens
 * (name, SHA-256 of the token, tenant or "*") come from the configuration's {@code dashboards.users} and
 * {@code dashboards.tokens}. A request proves itself by a session cookie (after signing in on the page), an
 * {@code Authorization: Bearer <token>} header, or HTTP Basic. Sessions live in memory: a restart signs everybody
 * out. Thread-safe.
 */
public final class AccessControl {
    public static final String SESSION_COOKIE = "callpulse_session";

    private record User(String name, String passwordHash, String tenant) {}

    private record Token(String name, String tokenHash, String tenant) {}

    private record Session(Principal principal, long expiresAt) {}

    private final Map<String, User> users = new LinkedHashMap<>();
    private final List<Token> tokens = new ArrayList<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    /** Basic credentials verified recently (key: SHA-256 of user:password), so PBKDF2 is not paid on every request. */
    private final Map<String, Session> basicVerified = new ConcurrentHashMap<>();
    private final Duration sessionTtl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AccessControl(DashboardsConfig config, Clock clock) {
        this.sessionTtl = config.sessionTtl();
        this.clock = clock;
        for (JsonNode u : config.users()) {
            String name = required(u, "name", "user");
            String tenant = tenant(config, u, "user " + name);
            if (users.put(name, new User(name, required(u, "password_hash", "user " + name), tenant)) != null) {
                throw new IllegalArgumentException("dashboards.users: user " + name + " is there twice");
            }
        }
        for (JsonNode t : config.tokens()) {
            String name = required(t, "name", "token");
            tokens.add(new Token(name, required(t, "token_hash", "token " + name), tenant(config, t, "token " + name)));
        }
    }

    /** Nobody can sign in: the server says so at start-up (a configuration without users is a mistake, not open access). */
    public boolean hasNoUsers() {
        return users.isEmpty() && tokens.isEmpty();
    }

    /** Checks a user's password; on success a new session id for the cookie. */
    public Optional<String> signIn(String name, String password) {
        User u = users.get(name);
        if (u == null || password == null || !PasswordHash.verifyPassword(password.toCharArray(), u.passwordHash)) {
            return Optional.empty();
        }
        byte[] id = new byte[32];
        random.nextBytes(id);
        String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        sessions.put(sessionId, new Session(new Principal(u.name, u.tenant), clock.millis() + sessionTtl.toMillis()));
        return Optional.of(sessionId);
    }

    public void signOut(String sessionId) {
        if (sessionId != null) {
            sessions.remove(sessionId);
        }
    }

    /** The principal of a session cookie's value, if it is a live session. */
    public Optional<Principal> session(String sessionId) {
        if (sessionId == null) {
            return Optional.empty();
        }
        Session s = sessions.get(sessionId);
        if (s == null) {
            return Optional.empty();
        }
        if (s.expiresAt <= clock.millis()) {
            sessions.remove(sessionId);
            return Optional.empty();
        }
        return Optional.of(s.principal);
    }

    /** The principal of an {@code Authorization} header (Bearer token or Basic), if it is valid. */
    public Optional<Principal> authorization(String header) {
        if (header == null) {
            return Optional.empty();
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            for (Token t : tokens) {
                if (PasswordHash.verifyToken(token, t.tokenHash)) {
                    return Optional.of(new Principal(t.name, t.tenant));
                }
            }
            return Optional.empty();
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            String key = HexFormat.of().formatHex(PasswordHash.sha256(decoded.getBytes(StandardCharsets.UTF_8)));
            Session cached = basicVerified.get(key);
            if (cached != null && cached.expiresAt > clock.millis()) {
                return Optional.of(cached.principal);
            }
            String name = decoded.substring(0, colon);
            User u = users.get(name);
            if (u == null || !PasswordHash.verifyPassword(decoded.substring(colon + 1).toCharArray(), u.passwordHash)) {
                return Optional.empty();
            }
            Principal p = new Principal(u.name, u.tenant);
            basicVerified.put(key, new Session(p, clock.millis() + Duration.ofMinutes(5).toMillis()));
            return Optional.of(p);
        }
        return Optional.empty();
    }

    private static String required(JsonNode n, String field, String what) {
        JsonNode v = n.get(field);
        if (v == null || v.asText().isBlank()) {
            throw new IllegalArgumentException("dashboards: " + what + " needs " + field);
        }
        return v.asText();
    }

    private static String tenant(DashboardsConfig config, JsonNode n, String what) {
        String tenant = required(n, "tenant", what);
        if (!Principal.OPERATOR.equals(tenant) && config.tenant(tenant) == null) {
            throw new IllegalArgumentException("dashboards: " + what + " is bound to unknown tenant " + tenant);
        }
        return tenant;
    }
}
