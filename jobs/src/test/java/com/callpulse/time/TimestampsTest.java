package com.callpulse.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {
    @Test
    void parsesOffsetsAndFractionsLikeJavaTime() {
        assertThat(Timestamps.parse("2026-11-20T09:15:02.120+08:00")).isEqualTo(Instant.parse("2026-11-20T01:15:02.120Z").toEpochMilli());
        assertThat(Timestamps.parse("2026-11-20T01:15:02Z")).isEqualTo(Instant.parse("2026-11-20T01:15:02Z").toEpochMilli());
        assertThat(Timestamps.parse("2026-03-29T02:30:00.5-0130")).isEqualTo(Instant.parse("2026-03-29T04:00:00.500Z").toEpochMilli());
        assertThat(Timestamps.parse("2026-11-20 09:15:02.123456789+08:00")).isEqualTo(Instant.parse("2026-11-20T01:15:02.123Z").toEpochMilli());
        assertThat(Timestamps.parse("1969-12-31T23:59:59.999Z")).isEqualTo(-1);
    }

    @Test
    void agreesWithJavaTimeOnRandomInstantsAndOffsets() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            long ms = random.nextLong(-2_000_000_000_000L, 8_000_000_000_000L);
            int offset = random.nextInt(-18 * 4, 18 * 4 + 1) * 15 * 60;
            String text = Timestamps.format(ms, offset);
            OffsetDateTime javaTime = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            assertThat(javaTime.toInstant().toEpochMilli()).as(text).isEqualTo(ms);
            assertThat(javaTime.getOffset()).isEqualTo(ZoneOffset.ofTotalSeconds(offset));
            assertThat(Timestamps.parse(text)).as(text).isEqualTo(ms);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-20T09:15:02", "2026-11-20", "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-20T24:00:00Z",
            "2026-11-20T09:60:00Z", "2026-11-20T09:15:02.+08:00", "2026-11-20T09:15:02+19:00", "2026-11-20T09:15:02+08", "20261120T091502Z",
            "2026-11-20T09:15:02Zjunk", "2026-11-20X09:15:02Z", "", "not a time at all"})
    void refusesWhatIsNotAnInstantWithOffset(String text) {
        assertThat(Timestamps.parse(text)).isEqualTo(Timestamps.INVALID);
    }

    @Test
    void leapDaysAreValidOnlyInLeapYears() {
        assertThat(Timestamps.parse("2028-02-29T12:00:00Z")).isEqualTo(Instant.parse("2028-02-29T12:00:00Z").toEpochMilli());
        assertThat(Timestamps.parse("2100-02-29T12:00:00Z")).isEqualTo(Timestamps.INVALID);
        assertThat(Timestamps.parse("2000-02-29T12:00:00Z")).isEqualTo(Instant.parse("2000-02-29T12:00:00Z").toEpochMilli());
    }

    @Test
    void formatsInTheGivenOffset() {
        long ms = Instant.parse("2026-11-20T01:15:02.120Z").toEpochMilli();
        assertThat(Timestamps.format(ms, 8 * 3600)).isEqualTo("2026-11-20T09:15:02.120+08:00");
        assertThat(Timestamps.format(ms, 0)).isEqualTo("2026-11-20T01:15:02.120Z");
        assertThat(Timestamps.format(ms, -(3 * 3600 + 30 * 60))).isEqualTo("2026-11-19T21:45:02.120-03:30");
    }
}
