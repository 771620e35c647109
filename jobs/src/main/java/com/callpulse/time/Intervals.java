package com.callpulse.time;

import java.io.Serializable;
import java.time.ZoneId;

/**
 * Reporting intervals of one tenant: consecutive slices of a fixed length counted from the tenant's local
 * midnight, so a DST day has 92 or 100 quarter hours, and the repeated hour of an autumn night is two distinct
 * intervals. An interval never crosses midnight (the last one of a day ends at the next day's start). Not
 * thread-safe: one instance per operator instance (it caches the current day).
 */
public final class Intervals implements Serializable {
    private static final long serialVersionUID = 1L;

    private final BusinessCalendar calendar;
    private final long lengthMillis;

    public Intervals(ZoneId zone, int minutes) {
        this.calendar = new BusinessCalendar(zone);
        this.lengthMillis = minutes * 60_000L;
    }

    /** Start of the interval containing {@code epochMillis}. */
    public long start(long epochMillis) {
        long day = calendar.dayStart(epochMillis);
        return day + (epochMillis - day) / lengthMillis * lengthMillis;
    }

    /** End (exclusive) of the interval that starts at {@code start}. */
    public long end(long start) {
        return Math.min(start + lengthMillis, calendar.dayEnd(start));
    }

    /** Business date ({@code yyyy-MM-dd}) of the interval that starts at {@code start}. */
    public String date(long start) {
        return calendar.date(start);
    }

    public BusinessCalendar calendar() {
        return calendar;
    }
}
