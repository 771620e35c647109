package com.callpulse.time;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class IntervalsTest {
    private static long t(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static int intervalsInDay(Intervals iv, BusinessCalendar cal, String date) {
        long day = LocalDate.parse(date).toEpochDay();
        int n = 0;
        for (long s = cal.startOfDay(day); s < cal.startOfDay(day + 1); s = iv.end(s)) {
            assertThat(iv.start(s)).isEqualTo(s);
            n++;
        }
        return n;
    }

    @Test
    void quarterHoursFromLocalMidnightInShanghai() {
        Intervals iv = new Intervals(ZoneId.of("Asia/Shanghai"), 15);
        // 09:07:30 local is in 09:00-09:15 local
        assertThat(iv.start(t("2026-11-20T01:07:30Z"))).isEqualTo(t("2026-11-20T01:00:00Z"));
        assertThat(iv.end(t("2026-11-20T01:00:00Z"))).isEqualTo(t("2026-11-20T01:15:00Z"));
        // 23:59 local belongs to the last interval of the 20th; 00:00 local starts the 21st
        assertThat(iv.date(iv.start(t("2026-11-20T15:59:00Z")))).isEqualTo("2026-11-20");
        assertThat(iv.date(iv.start(t("2026-11-20T16:00:00Z")))).isEqualTo("2026-11-21");
        assertThat(intervalsInDay(iv, iv.calendar(), "2026-11-20")).isEqualTo(96);
    }

    @Test
    void aSpringDayHas92QuarterHoursAndAnAutumnDay100() {
        Intervals iv = new Intervals(ZoneId.of("Europe/Berlin"), 15);
        assertThat(intervalsInDay(iv, iv.calendar(), "2026-03-29")).isEqualTo(92);
        assertThat(intervalsInDay(iv, iv.calendar(), "2026-10-25")).isEqualTo(100);
        Intervals hours = new Intervals(ZoneId.of("Europe/Berlin"), 60);
        assertThat(intervalsInDay(hours, hours.calendar(), "2026-10-25")).isEqualTo(25);
        assertThat(intervalsInDay(hours, hours.calendar(), "2026-03-29")).isEqualTo(23);
    }

    @Test
    void theRepeatedAutumnHourIsTwoIntervals() {
        Intervals hours = new Intervals(ZoneId.of("Europe/Berlin"), 60);
        // 02:30 CEST (00:30Z) and 02:30 CET (01:30Z) are different hours of the 25-hour day
        long first = hours.start(t("2026-10-25T00:30:00Z"));
        long second = hours.start(t("2026-10-25T01:30:00Z"));
        assertThat(first).isEqualTo(t("2026-10-25T00:00:00Z"));
        assertThat(second).isEqualTo(t("2026-10-25T01:00:00Z"));
        assertThat(hours.date(first)).isEqualTo("2026-10-25");
    }
}
