package com.callpulse.config;

import java.io.Serializable;
import java.time.LocalTime;

/**
 * The hours a tenant's back office works, every day of the week (holidays aside), in the tenant's zone. Complaint
 * deadlines under a business-hours policy count only these hours. {@code open == close} means around the clock.
 */
public record BusinessHours(LocalTime open, LocalTime close) implements Serializable {
    public static final BusinessHours DEFAULT = new BusinessHours(LocalTime.of(8, 0), LocalTime.of(20, 0));

    public BusinessHours {
        if (open == null || close == null) {
            throw new IllegalArgumentException("business_hours needs open and close, e.g. {open: \"08:00\", close: \"20:00\"}");
        }
        if (close.isBefore(open)) {
            throw new IllegalArgumentException("business_hours close " + close + " is before open " + open);
        }
    }

    public boolean aroundTheClock() {
        return open.equals(close);
    }
}
