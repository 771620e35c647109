package com.callpulse.privacy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;

/**
 * Replaces a phone number (or other personal identifier) by a keyed hash: HMAC-SHA256 under a key derived per
 * tenant from the configured secret, the first 128 bits in hex. The same caller gets the same pseudonym within a
 * tenant, so repeat contacts can still be found, but not across tenants, and nobody without the secret can test
 * a guessed number against the lake. Numbers are normalized first so {@code +86 138 0013 8000} and
 * {@code 13800138000} are one caller.
 *
 * <p>Not thread-safe (it keeps one {@link Mac} per tenant): one instance per operator instance.
 */
public final class Pseudonymizer {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] secret;
    private final Map<String, Mac> macs = new HashMap<>();
    private final StringBuilder scratch = new StringBuilder(32);

    public Pseudonymizer(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** 32 hex characters identifying {@code identifier} within {@code tenantId} (which may be null for unknown). */
    public String pseudonym(String tenantId, String identifier) {
        Mac mac = macs.computeIfAbsent(tenantId == null ? "" : tenantId, this::macFor);
        byte[] digest = mac.doFinal(normalize(identifier).getBytes(StandardCharsets.UTF_8));
        char[] out = new char[32];
        for (int i = 0; i < 16; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(out);
    }

    /**
     * Canonical form of a phone number: its digits, without a leading {@code 00} or {@code +} and without the
     * Chinese country code before an 11-digit mobile number. Anything that is not a phone number (a WeChat handle,
     * an e-mail address) is only trimmed and lower-cased.
     */
    String normalize(String identifier) {
        String s = identifier.trim();
        if (s.regionMatches(true, 0, "tel", 0, 3)) {
            s = s.substring(s.length() > 3 && s.charAt(3) == ':' ? 4 : 3).trim();
        }
        scratch.setLength(0);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                scratch.append(c);
            } else if (c != '+' && c != '-' && c != ' ' && c != '(' && c != ')' && c != '.' && c != '/' && !Character.isWhitespace(c)) {
                return s.toLowerCase(java.util.Locale.ROOT);
            }
        }
        if (scratch.length() < 5) {
            return s.toLowerCase(java.util.Locale.ROOT);
        }
        String digits = scratch.toString();
        if (digits.startsWith("00")) {
            digits = digits.substring(2);
        }
        if (digits.length() == 13 && digits.startsWith("861")) {
            digits = digits.substring(2);
        }
        return digits;
    }

    private Mac macFor(String tenant) {
        try {
            Mac root = Mac.getInstance("HmacSHA256");
            root.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] tenantKey = root.doFinal(("tenant:" + tenant).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tenantKey, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
