package com.callpulse.config;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A tenant: the operator itself or an outsourcing client. Its zone defines its business days and intervals; its
 * business hours and holidays define its complaint deadlines.
 */
public record TenantConfig(String id, String name, ZoneId timeZone, BusinessHours businessHours, List<LocalDate> holidays) implements Serializable {
    /** Tenant ids become lake directory names, so they are restricted to a path-safe alphabet. */
    public static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public TenantConfig {
        if (id == null || !ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException("tenant id '" + id + "' must match " + ID_PATTERN.pattern());
        }
        if (timeZone == null) {
            throw new IllegalArgumentException("tenant " + id + " has no time_zone");
        }
        if (name == null) {
            name = id;
        }
        if (businessHours == null) {
            businessHours = BusinessHours.DEFAULT;
        }
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    public TenantConfig(String id, String name, ZoneId timeZone) {
        this(id, name, timeZone, null, null);
    }
}
