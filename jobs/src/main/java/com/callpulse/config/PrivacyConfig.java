package com.callpulse.config;

import java.io.Serializable;

/**
 * Pseudonymization.
 *
 * @param pseudonymSecret key of the keyed hash (HMAC-SHA256) that replaces phone numbers; the environment
 *     variable {@code CALLPULSE_PSEUDONYM_SECRET} overrides the file. Changing it breaks the link between old and
 *     new pseudonyms of the same caller.
 */
public record PrivacyConfig(String pseudonymSecret) implements Serializable {
    /** The secret shipped for the demo; it protects nothing and the job says so when it runs with it. */
    public static final String DEMO_SECRET = "callpulse-demo-secret-not-for-production";

    public PrivacyConfig {
        if (pseudonymSecret == null || pseudonymSecret.length() < 16) {
            throw new IllegalArgumentException("privacy.pseudonym_secret must be at least 16 characters");
        }
    }

    @Override
    public String toString() {
        return "PrivacyConfig[pseudonymSecret=<hidden>]";
    }

    public boolean isDemoSecret() {
        return DEMO_SECRET.equals(pseudonymSecret);
    }
}
