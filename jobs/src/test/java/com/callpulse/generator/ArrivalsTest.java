package com.callpulse.generator;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ArrivalsTest {
    @Test
    void exactlyTheRequestedCountInOrderWithinTheDayEvenOnA25HourDay() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        long start = LocalDate.parse("2026-10-25").atStartOfDay(berlin).toInstant().toEpochMilli();
        long end = LocalDate.parse("2026-10-26").atStartOfDay(berlin).toInstant().toEpochMilli();
        assertThat(end - start).isEqualTo(25 * 3_600_000L);
        Arrivals a = new Arrivals(start, end, berlin.getRules(), true, 10_000, null, null, new SplittableRandom(1));
        long prev = start;
        int n = 0;
        while (a.hasNext()) {
            long t = a.next();
            assertThat(t).isBetween(prev, end - 1);
            prev = t;
            n++;
        }
        assertThat(n).isEqualTo(10_000);
    }

    @Test
    void weekendsStartLaterThanWeekdays() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        long start = LocalDate.parse("2026-11-20").atStartOfDay(shanghai).toInstant().toEpochMilli();
        double[] weekday = Arrivals.forecastShares(start, start + 86_400_000L, shanghai.getRules(), false);
        double[] weekend = Arrivals.forecastShares(start, start + 86_400_000L, shanghai.getRules(), true);
        assertThat(weekend[17]).isLessThan(weekday[17]); // 08:30
        assertThat(weekend[40]).isGreaterThan(weekday[40]); // 20:00
    }

    @Test
    void aSurgeAddsItsShareInsideItsWindow() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        long start = LocalDate.parse("2026-11-20").atStartOfDay(shanghai).toInstant().toEpochMilli();
        long from = start + 14 * 3_600_000L;
        long to = start + 16 * 3_600_000L;
        Arrivals a = new Arrivals(start, start + 86_400_000L, shanghai.getRules(), false, 20_000, null, new Arrivals.Surge(from, to, 0.05),
                new SplittableRandom(3));
        int surge = 0;
        while (a.hasNext()) {
            long t = a.next();
            if (a.lastWasSurge()) {
                surge++;
                assertThat(t).isBetween(from, to);
            }
        }
        assertThat(surge).isBetween(850, 1150);
    }
}
