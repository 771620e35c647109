package com.callpulse.time;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Business days of one tenant: the calendar date of an instant in the tenant's time zone, and where each
 * day starts and ends, so a DST day has 23 or 25 hours. Consecutive events mostly fall on the same day, so
 * the current day's bounds are cached and the common lookup allocates nothing. Not thread-safe: one per
 * operator instance.
 */
public final class BusinessCalendar implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ZoneId zone;
    private transient long cachedStart;
    private transient long cachedEnd;
    private transient long cachedDay;
    private transient String cachedDate;

    public BusinessCalendar(ZoneId zone) {
        this.zone = zone;
        this.cachedStart = Long.MAX_VALUE;
        this.cachedEnd = Long.MIN_VALUE;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Days since 1970-01-01 of the business date containing {@code epochMillis}. */
    public long epochDay(long epochMillis) {
        if (epochMillis < cachedStart || epochMillis >= cachedEnd) {
            load(epochMillis);
        }
        return cachedDay;
    }

    /** {@code yyyy-MM-dd} of the business date containing {@code epochMillis}. */
    public String date(long epochMillis) {
        if (epochMillis < cachedStart || epochMillis >= cachedEnd) {
            load(epochMillis);
        }
        return cachedDate;
    }

    /** First instant of the business day containing {@code epochMillis}. */
    public long dayStart(long epochMillis) {
        if (epochMillis < cachedStart || epochMillis >= cachedEnd) {
            load(epochMillis);
        }
        return cachedStart;
    }

    /** First instant of the business day after the one containing {@code epochMillis}. */
    public long dayEnd(long epochMillis) {
        if (epochMillis < cachedStart || epochMillis >= cachedEnd) {
            load(epochMillis);
        }
        return cachedEnd;
    }

    /** First instant of a business day, in epoch millis (midnight, or the first valid time after a DST gap). */
    public long startOfDay(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** Length of a business day in hours: 24, or 23/25 on DST days. */
    public double hoursInDay(long epochDay) {
        return (startOfDay(epochDay + 1) - startOfDay(epochDay)) / 3_600_000.0;
    }

    /** UTC offset in seconds at an instant. */
    public int offsetSeconds(long epochMillis) {
        ZoneRules rules = zone.getRules();
        if (rules.isFixedOffset()) {
            return rules.getOffset(Instant.EPOCH).getTotalSeconds();
        }
        return rules.getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds();
    }

    private void load(long epochMillis) {
        LocalDate day = Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate();
        cachedDay = day.toEpochDay();
        cachedStart = day.atStartOfDay(zone).toInstant().toEpochMilli();
        cachedEnd = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        cachedDate = day.toString();
    }
}
