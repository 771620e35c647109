package com.callpulse.time;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessCalendarTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void theBusinessDateIsTheTenantsNotUtcs() {
        BusinessCalendar shanghai = new BusinessCalendar(SHANGHAI);
        // 23:30 UTC on the 19th is 07:30 on the 20th in Shanghai
        assertThat(shanghai.date(Instant.parse("2026-11-19T23:30:00Z").toEpochMilli())).isEqualTo("2026-11-20");
        assertThat(shanghai.date(Instant.parse("2026-11-20T15:59:59.999Z").toEpochMilli())).isEqualTo("2026-11-20");
        assertThat(shanghai.date(Instant.parse("2026-11-20T16:00:00Z").toEpochMilli())).isEqualTo("2026-11-21");
        assertThat(shanghai.epochDay(Instant.parse("2026-11-20T16:00:00Z").toEpochMilli())).isEqualTo(LocalDate.parse("2026-11-21").toEpochDay());
    }

    @Test
    void dstDaysHave23And25Hours() {
        BusinessCalendar berlin = new BusinessCalendar(BERLIN);
        assertThat(berlin.hoursInDay(LocalDate.parse("2026-03-29").toEpochDay())).isEqualTo(23.0);
        assertThat(berlin.hoursInDay(LocalDate.parse("2026-10-25").toEpochDay())).isEqualTo(25.0);
        assertThat(berlin.hoursInDay(LocalDate.parse("2026-11-20").toEpochDay())).isEqualTo(24.0);
        assertThat(new BusinessCalendar(SHANGHAI).hoursInDay(LocalDate.parse("2026-03-29").toEpochDay())).isEqualTo(24.0);
    }

    @Test
    void theRepeatedHourOfAutumnStaysOnTheSameDay() {
        BusinessCalendar berlin = new BusinessCalendar(BERLIN);
        // 02:30 happens twice on 2026-10-25 (CEST then CET); both belong to the 25th, and 23:59:59 CET is still the 25th
        assertThat(berlin.date(Instant.parse("2026-10-25T00:30:00Z").toEpochMilli())).isEqualTo("2026-10-25");
        assertThat(berlin.date(Instant.parse("2026-10-25T01:30:00Z").toEpochMilli())).isEqualTo("2026-10-25");
        assertThat(berlin.date(Instant.parse("2026-10-25T22:59:59Z").toEpochMilli())).isEqualTo("2026-10-25");
        assertThat(berlin.date(Instant.parse("2026-10-25T23:00:00Z").toEpochMilli())).isEqualTo("2026-10-26");
        assertThat(berlin.startOfDay(LocalDate.parse("2026-10-26").toEpochDay())).isEqualTo(Instant.parse("2026-10-25T23:00:00Z").toEpochMilli());
    }

    @Test
    void offsetsFollowTheZoneRules() {
        BusinessCalendar berlin = new BusinessCalendar(BERLIN);
        assertThat(berlin.offsetSeconds(Instant.parse("2026-07-01T00:00:00Z").toEpochMilli())).isEqualTo(7200);
        assertThat(berlin.offsetSeconds(Instant.parse("2026-11-20T00:00:00Z").toEpochMilli())).isEqualTo(3600);
        assertThat(new BusinessCalendar(SHANGHAI).offsetSeconds(0)).isEqualTo(28800);
    }
}
