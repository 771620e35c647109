package com.callpulse.metrics.complaint;

import com.callpulse.config.TenantConfig;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A counting rule for complaint clocks: the tenant's business hours (every day from open to close in the tenant's
 * zone, holidays excluded) or around the clock. Business hours are local wall-clock times taken day by day, so a
 * DST day still opens at 08:00 local and a deadline never drifts by an hour (the pitfall of computing business
 * minutes with one fixed UTC offset). Not thread-safe: one per operator instance.
 */
public final class BusinessClock implements Serializable {
    private static final long serialVersionUID = 1L;
    /** A deadline further than this many days of walking is unreachable (a calendar without business hours). */
    private static final int MAX_DAYS = 20 * 366;
    private static final int CACHE_DAYS = 4096;

    private final ZoneId zone;
    private final LocalTime open;
    private final LocalTime close;
    private final Set<Long> holidays;
    private final boolean aroundTheClock;
    /** Business hours of a local day, {start, end} in epoch millis (end == start on a holiday), by epoch day. */
    private transient Map<Long, long[]> days;

    private BusinessClock(ZoneId zone, LocalTime open, LocalTime close, Set<Long> holidays, boolean aroundTheClock) {
        this.zone = zone;
        this.open = open;
        this.close = close;
        this.holidays = holidays;
        this.aroundTheClock = aroundTheClock;
    }

    /** Every millisecond counts. */
    public static BusinessClock aroundTheClock() {
        return new BusinessClock(ZoneId.of("UTC"), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Set.of(), true);
    }

    /** The tenant's business hours and holidays ({@code open == close}: around the clock, holidays aside). */
    public static BusinessClock of(TenantConfig tenant) {
        Set<Long> off = new HashSet<>();
        for (LocalDate d : tenant.holidays()) {
            off.add(d.toEpochDay());
        }
        return new BusinessClock(tenant.timeZone(), tenant.businessHours().open(), tenant.businessHours().close(), off, false);
    }

    /** Counted milliseconds in {@code [from, to)}; 0 when {@code to <= from}. */
    public long between(long from, long to) {
        if (to <= from) {
            return 0;
        }
        if (aroundTheClock) {
            return to - from;
        }
        long sum = 0;
        long day = localDay(from);
        for (int i = 0; i < MAX_DAYS; i++, day++) {
            long[] h = hours(day);
            if (h[0] >= to && h[1] >= to) {
                break;
            }
            long s = Math.max(from, h[0]);
            long e = Math.min(to, h[1]);
            if (e > s) {
                sum += e - s;
            }
        }
        return sum;
    }

    /**
     * The earliest instant {@code s >= from} with {@code between(from, s) == amount}: where a clock started at
     * {@code from} reaches {@code amount}. A deadline that ends exactly at closing time is the closing instant.
     * {@link Long#MAX_VALUE} when the calendar never gets there.
     */
    public long reach(long from, long amount) {
        if (amount <= 0) {
            return from;
        }
        if (aroundTheClock) {
            return from > Long.MAX_VALUE - amount ? Long.MAX_VALUE : from + amount;
        }
        long left = amount;
        long day = localDay(from);
        for (int i = 0; i < MAX_DAYS; i++, day++) {
            long[] h = hours(day);
            long s = Math.max(from, h[0]);
            if (h[1] > s) {
                long available = h[1] - s;
                if (left <= available) {
                    return s + left;
                }
                left -= available;
            }
        }
        return Long.MAX_VALUE;
    }

    private long localDay(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate().toEpochDay();
    }

    private long[] hours(long epochDay) {
        if (days == null) {
            days = new HashMap<>();
        }
        long[] h = days.get(epochDay);
        if (h == null) {
            if (days.size() >= CACHE_DAYS) {
                days.clear();
            }
            LocalDate d = LocalDate.ofEpochDay(epochDay);
            long start;
            long end;
            if (open.equals(close)) {
                start = d.atStartOfDay(zone).toInstant().toEpochMilli();
                end = d.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
            } else {
                start = d.atTime(open).atZone(zone).toInstant().toEpochMilli();
                end = d.atTime(close).atZone(zone).toInstant().toEpochMilli();
            }
            h = holidays.contains(epochDay) ? new long[] {start, start} : new long[] {start, end};
            days.put(epochDay, h);
        }
        return h;
    }
}
