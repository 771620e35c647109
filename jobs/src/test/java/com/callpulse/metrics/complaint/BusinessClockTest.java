package com.callpulse.metrics.complaint;

import com.callpulse.config.CallPulseConfig;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static com.callpulse.metrics.complaint.Complaints.HOUR;
import static com.callpulse.metrics.complaint.Complaints.MINUTE;
import static com.callpulse.metrics.complaint.Complaints.local;
import static org.assertj.core.api.Assertions.assertThat;

/** Business-hours arithmetic on the shipped tenants' calendars (every day of the week, holidays excluded). */
class BusinessClockTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final CallPulseConfig CONFIG = CallPulseConfig.defaults();
    private final BusinessClock cmcc = BusinessClock.of(CONFIG.tenant("cmcc-ah"));   // 08:00-20:00
    private final BusinessClock mvno = BusinessClock.of(CONFIG.tenant("mvno-lx"));   // 09:00-18:00
    private final BusinessClock roam = BusinessClock.of(CONFIG.tenant("roam-eu"));   // 08:00-18:00, Berlin

    @Test
    void sixtyBusinessHoursFromFriday1730CrossTheWeekendAndTheNewYearHoliday() {
        long opened = local("2026-12-25T17:30", SHANGHAI); // a Friday; mvno-lx works weekends, not on 2027-01-01
        // Fri 0.5 h, Sat-Thu 6 x 9 h = 54.5 h, Fri 1 Jan a holiday, Sat 2 Jan 09:00 + 5.5 h
        long deadline = mvno.reach(opened, 60 * HOUR);
        assertThat(deadline).isEqualTo(local("2027-01-02T14:30", SHANGHAI));
        assertThat(mvno.between(opened, deadline)).isEqualTo(60 * HOUR);
        assertThat(mvno.between(local("2027-01-01T00:00", SHANGHAI), local("2027-01-02T00:00", SHANGHAI))).as("the holiday").isZero();
    }

    @Test
    void aClockStartedOnAHolidayEveningWaitsForTheNextBusinessDay() {
        long opened = local("2026-12-25T17:30", BERLIN); // Christmas, then Boxing Day: both holidays of roam-eu
        // Sun 27 - Thu 31: 5 x 10 h, Fri 1 Jan a holiday, Sat 2 Jan 08:00 + 10 h: exactly the closing time
        assertThat(roam.reach(opened, 60 * HOUR)).isEqualTo(local("2027-01-02T18:00", BERLIN));
        assertThat(roam.reach(opened, 1)).isEqualTo(local("2026-12-27T08:00", BERLIN) + 1);
    }

    @Test
    void theGoldenWeekHolidaysDoNotCount() {
        long opened = local("2026-09-30T17:30", SHANGHAI);
        // Wed 2.5 h, 1-3 Oct holidays, 4-7 Oct 4 x 12 h, Thu 8 Oct 08:00 + 9.5 h
        assertThat(cmcc.reach(opened, 60 * HOUR)).isEqualTo(local("2026-10-08T17:30", SHANGHAI));
    }

    @Test
    void nothingCountsOutsideTheOpeningHours() {
        long evening = local("2026-11-20T20:30", SHANGHAI);
        assertThat(cmcc.between(evening, local("2026-11-21T07:59", SHANGHAI))).isZero();
        assertThat(cmcc.reach(evening, MINUTE)).isEqualTo(local("2026-11-21T08:01", SHANGHAI));
        assertThat(cmcc.reach(evening, 0)).as("nothing to count: now").isEqualTo(evening);
        assertThat(cmcc.between(local("2026-11-20T19:00", SHANGHAI), local("2026-11-21T09:00", SHANGHAI))).isEqualTo(2 * HOUR);
    }

    @Test
    void aDstDayStillHasItsOpeningHoursInLocalTime() {
        // 25 Oct 2026: Berlin goes from CEST (+02:00) back to CET (+01:00) at 03:00; the day has 25 hours
        assertThat(roam.between(local("2026-10-25T00:00", BERLIN), local("2026-10-26T00:00", BERLIN))).isEqualTo(10 * HOUR);
        long saturday5pm = local("2026-10-24T17:00", BERLIN);
        long deadline = roam.reach(saturday5pm, 10 * HOUR);
        assertThat(deadline).as("1 h on Saturday, then 08:00-17:00 CET on Sunday").isEqualTo(local("2026-10-25T17:00", BERLIN));
        assertThat(java.time.Instant.ofEpochMilli(deadline)).hasToString("2026-10-25T16:00:00Z");
        // 28 Mar 2027: CET to CEST, a 23-hour day, still 08:00-18:00
        assertThat(roam.reach(local("2027-03-27T17:00", BERLIN), 10 * HOUR)).isEqualTo(local("2027-03-28T17:00", BERLIN));
        assertThat(java.time.Instant.ofEpochMilli(local("2027-03-28T17:00", BERLIN))).hasToString("2027-03-28T15:00:00Z");
    }

    @Test
    void aroundTheClockCountsElapsedTimeWhateverTheLocalClockDoes() {
        BusinessClock always = BusinessClock.aroundTheClock();
        long opened = local("2026-10-24T10:00", BERLIN);
        assertThat(always.reach(opened, 24 * HOUR)).as("24 elapsed hours across the 25-hour day")
                .isEqualTo(local("2026-10-25T09:00", BERLIN));
        assertThat(always.between(opened, opened + 5 * HOUR)).isEqualTo(5 * HOUR);
        assertThat(always.reach(Long.MAX_VALUE - 10, HOUR)).isEqualTo(Long.MAX_VALUE);
    }
}
