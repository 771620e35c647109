package com.callpulse.time;

/**
 * ISO-8601 instants with an offset ({@code 2026-11-20T09:15:02.120+08:00}, {@code ...Z}), parsed and
 * written without allocating: this runs for every timestamp of every event, where
 * {@code DateTimeFormatter} would create several objects each time.
 *
 * <p>Accepted: {@code yyyy-MM-dd}, then {@code T}, {@code t} or a space, {@code HH:mm:ss}, an optional
 * fraction of 1 to 9 digits (kept to the millisecond, truncated), then {@code Z}, {@code z},
 * {@code ±HH:mm} or {@code ±HHmm}. A time without an offset is refused: it names no instant.
 */
public final class Timestamps {
    /** Returned by {@link #parse} for text that is not such an instant. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private Timestamps() {}

    public static long parse(CharSequence s) {
        return parse(s, 0, s.length());
    }

    /** Epoch milliseconds of {@code s[from, to)}, or {@link #INVALID}. */
    public static long parse(CharSequence s, int from, int to) {
        int len = to - from;
        if (len < 20) {
            return INVALID;
        }
        int p = from;
        int year = digits(s, p, 4);
        if (year < 0 || s.charAt(p + 4) != '-') {
            return INVALID;
        }
        int month = digits(s, p + 5, 2);
        if (month < 1 || month > 12 || s.charAt(p + 7) != '-') {
            return INVALID;
        }
        int day = digits(s, p + 8, 2);
        if (day < 1 || day > lengthOfMonth(year, month)) {
            return INVALID;
        }
        char t = s.charAt(p + 10);
        if (t != 'T' && t != 't' && t != ' ') {
            return INVALID;
        }
        int hour = digits(s, p + 11, 2);
        if (hour < 0 || hour > 23 || s.charAt(p + 13) != ':') {
            return INVALID;
        }
        int minute = digits(s, p + 14, 2);
        if (minute < 0 || minute > 59 || s.charAt(p + 16) != ':') {
            return INVALID;
        }
        int second = digits(s, p + 17, 2);
        if (second < 0 || second > 59) {
            return INVALID;
        }
        p += 19;
        int millis = 0;
        if (p < to && s.charAt(p) == '.') {
            p++;
            int start = p;
            while (p < to && isDigit(s.charAt(p))) {
                if (p - start < 3) {
                    millis = millis * 10 + (s.charAt(p) - '0');
                }
                p++;
            }
            int n = p - start;
            if (n == 0 || n > 9) {
                return INVALID;
            }
            for (int i = n; i < 3; i++) {
                millis *= 10;
            }
        }
        if (p >= to) {
            return INVALID;
        }
        char z = s.charAt(p);
        int offsetSeconds;
        if (z == 'Z' || z == 'z') {
            offsetSeconds = 0;
            p++;
        } else if (z == '+' || z == '-') {
            int oh = digits(s, p + 1, 2, to);
            if (oh < 0 || oh > 18) {
                return INVALID;
            }
            int om;
            if (p + 3 < to && s.charAt(p + 3) == ':') {
                om = digits(s, p + 4, 2, to);
                p += 6;
            } else {
                om = digits(s, p + 3, 2, to);
                p += 5;
            }
            if (om < 0 || om > 59 || (oh == 18 && om != 0)) {
                return INVALID;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (z == '-' ? -1 : 1);
        } else {
            return INVALID;
        }
        if (p != to) {
            return INVALID;
        }
        long epochDay = epochDay(year, month, day);
        long secondOfDay = hour * 3600L + minute * 60L + second;
        return (epochDay * 86_400L + secondOfDay - offsetSeconds) * 1000L + millis;
    }

    /**
     * Appends {@code epochMillis} as {@code yyyy-MM-ddTHH:mm:ss.SSS±HH:mm} (or {@code Z} for offset 0) in the
     * given offset, e.g. the tenant zone's offset at that instant.
     */
    public static StringBuilder format(long epochMillis, int offsetSeconds, StringBuilder out) {
        long local = epochMillis + offsetSeconds * 1000L;
        long epochDay = Math.floorDiv(local, MILLIS_PER_DAY);
        long millisOfDay = Math.floorMod(local, MILLIS_PER_DAY);
        appendDate(epochDay, out);
        out.append('T');
        int secondOfDay = (int) (millisOfDay / 1000);
        pad2(out, secondOfDay / 3600).append(':');
        pad2(out, (secondOfDay / 60) % 60).append(':');
        pad2(out, secondOfDay % 60).append('.');
        int ms = (int) (millisOfDay % 1000);
        out.append((char) ('0' + ms / 100)).append((char) ('0' + (ms / 10) % 10)).append((char) ('0' + ms % 10));
        if (offsetSeconds == 0) {
            return out.append('Z');
        }
        int abs = Math.abs(offsetSeconds);
        out.append(offsetSeconds < 0 ? '-' : '+');
        pad2(out, abs / 3600).append(':');
        return pad2(out, (abs / 60) % 60);
    }

    public static String format(long epochMillis, int offsetSeconds) {
        return format(epochMillis, offsetSeconds, new StringBuilder(29)).toString();
    }

    /** Appends {@code yyyy-MM-dd} for an epoch day. */
    public static StringBuilder appendDate(long epochDay, StringBuilder out) {
        // civil-from-days (H. Hinnant), valid for the proleptic Gregorian calendar
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        if (m <= 2) {
            y++;
        }
        if (y < 1000) {
            out.append(y < 100 ? (y < 10 ? "000" : "00") : "0");
        }
        out.append(y).append('-');
        pad2(out, (int) m).append('-');
        return pad2(out, (int) d);
    }

    /** Days since 1970-01-01 of a valid proleptic Gregorian date. */
    public static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long mp = month > 2 ? month - 3 : month + 9;
        long doy = (153 * mp + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    private static StringBuilder pad2(StringBuilder out, int v) {
        return out.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digits(CharSequence s, int at, int n) {
        int v = 0;
        for (int i = at; i < at + n; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int digits(CharSequence s, int at, int n, int to) {
        return at + n > to ? -1 : digits(s, at, n);
    }
}
