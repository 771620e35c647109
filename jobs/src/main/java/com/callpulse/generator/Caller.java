package com.callpulse.generator;

import com.callpulse.model.Channel;
import com.callpulse.model.CustomerSegment;

import java.util.SplittableRandom;

/**
 * A customer, identified by a phone number kept in canonical digits; each contact writes it in one of the formats
 * real systems produce ({@code 13812345678}, {@code +86 138 1234 5678}, {@code 0551-65123456}, {@code +49 151
 * 23456789}), all of which the pseudonymizer normalizes to the same caller. Digital channels may show a handle
 * (WeChat id, e-mail address) derived from the number instead.
 */
final class Caller {
    enum Kind { CN_MOBILE, LANDLINE, FOREIGN }

    final String digits;
    final Kind kind;
    /** Length of the area code (landline) or country code (foreign) at the start of {@link #digits}. */
    final int prefixLength;
    final TenantProfile.District district;
    final CustomerSegment segment;

    private Caller(String digits, Kind kind, int prefixLength, TenantProfile.District district, CustomerSegment segment) {
        this.digits = digits;
        this.kind = kind;
        this.prefixLength = prefixLength;
        this.district = district;
        this.segment = segment;
    }

    static Caller fresh(SplittableRandom r, TenantProfile p, TenantProfile.District district) {
        CustomerSegment segment = p.segments.pick(r);
        if (p.kind == TenantProfile.Kind.ROAMING && Dist.chance(r, p.foreignShare)) {
            String cc = district.countryCode();
            String national = foreignNational(r, cc);
            return new Caller(cc + national, Kind.FOREIGN, cc.length(), district, segment);
        }
        if (Dist.chance(r, p.landlineShare) && !district.areaCode().isEmpty()) {
            String area = district.areaCode();
            String local = (char) ('2' + r.nextInt(7)) + digits(r, 7);
            return new Caller(area + local, Kind.LANDLINE, area.length(), district, segment);
        }
        return new Caller(Dist.pick(r, p.mobilePrefixes) + digits(r, 8), Kind.CN_MOBILE, 0, district, segment);
    }

    private static String foreignNational(SplittableRandom r, String cc) {
        switch (cc) {
            case "49":
                return Dist.pick(r, new String[] {"151", "152", "157", "160", "162", "170", "171", "176"}) + digits(r, 8);
            case "33":
                return (r.nextBoolean() ? "6" : "7") + digits(r, 8);
            case "44":
                return "7" + digits(r, 9);
            case "39":
                return "3" + digits(r, 9);
            case "41":
                return "7" + (char) ('5' + r.nextInt(5)) + digits(r, 7);
            case "43":
                return "6" + (char) ('5' + r.nextInt(5)) + digits(r, 8);
            default:
                return "6" + digits(r, 8);
        }
    }

    private static String digits(SplittableRandom r, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) ('0' + r.nextInt(10));
        }
        return new String(c);
    }

    /** The number as one contact's system writes it. */
    String format(SplittableRandom r, boolean roamingDesk) {
        double x = r.nextDouble();
        switch (kind) {
            case LANDLINE: {
                String area = digits.substring(0, prefixLength);
                String local = digits.substring(prefixLength);
                return x < 0.85 ? area + "-" + local : x < 0.95 ? digits : area + " " + local;
            }
            case FOREIGN: {
                String cc = digits.substring(0, prefixLength);
                String national = digits.substring(prefixLength);
                String grouped = national.substring(0, 3) + " " + national.substring(3);
                return x < 0.5 ? "+" + cc + " " + grouped : x < 0.9 ? "+" + digits : "00" + cc + " " + grouped;
            }
            default: {
                String grouped = digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7);
                if (roamingDesk) {
                    return x < 0.6 ? "+86 " + grouped : "+86" + digits;
                }
                if (x < 0.80) {
                    return digits;
                }
                if (x < 0.87) {
                    return "+86" + digits;
                }
                if (x < 0.93) {
                    return "+86 " + grouped;
                }
                if (x < 0.97) {
                    return digits.substring(0, 3) + "-" + digits.substring(3, 7) + "-" + digits.substring(7);
                }
                return "0086 " + grouped;
            }
        }
    }

    /** The number as a customer types it into free text, in the many ways people do. */
    String inText(SplittableRandom r) {
        switch (kind) {
            case LANDLINE: {
                String area = digits.substring(0, prefixLength);
                String local = digits.substring(prefixLength);
                switch (r.nextInt(4)) {
                    case 0:
                        return area + "-" + local;
                    case 1:
                        return area + " " + local;
                    case 2:
                        return "(" + area + ") " + local;
                    default:
                        return digits;
                }
            }
            case FOREIGN: {
                String national = digits.substring(prefixLength);
                switch (r.nextInt(3)) {
                    case 0:
                        return "+" + digits;
                    case 1:
                        return "00" + digits.substring(0, prefixLength) + " " + national;
                    default:
                        return "+" + digits.substring(0, prefixLength) + " " + national.substring(0, 3) + " " + national.substring(3);
                }
            }
            default:
                switch (r.nextInt(7)) {
                    case 0:
                        return digits.substring(0, 3) + "-" + digits.substring(3, 7) + "-" + digits.substring(7);
                    case 1:
                        return "+86 " + digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7);
                    case 2:
                        return digits.substring(0, 3) + "." + digits.substring(3, 7) + "." + digits.substring(7);
                    case 3:
                        return "86" + digits;
                    case 4:
                        return fullWidth(digits);
                    default:
                        return digits;
                }
        }
    }

    /** How an input method writes digits in Chinese text: full-width (０-９). */
    private static String fullWidth(String ascii) {
        StringBuilder sb = new StringBuilder(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            sb.append((char) ('\uFF10' + (ascii.charAt(i) - '0')));
        }
        return sb.toString();
    }

    /** What a contact on {@code channel} shows as the caller: the number, or a handle bound to it. */
    String handle(SplittableRandom r, Channel channel, TenantProfile p) {
        long h = Ids.mix(digits.hashCode() * 0x9E3779B97F4A7C15L + digits.length());
        switch (channel) {
            case WECHAT:
                return Dist.chance(r, 0.7) ? format(r, p.english) : "wxid_" + Long.toString(h & 0xFFFFFFFFFFFFL, 36);
            case WEIBO:
                return "weibo_" + Long.toString(h & 0xFFFFFFFFFFL, 36);
            case EMAIL:
                if (kind == Kind.CN_MOBILE && p.kind == TenantProfile.Kind.OPERATOR) {
                    return digits + "@139.com";
                }
                if (p.kind == TenantProfile.Kind.ROAMING) {
                    return "traveller." + Long.toString(h & 0xFFFFFFFFFL, 36) + "@gmail.com";
                }
                return (1_000_000_000L + (h & 0x7FFFFFFFL) % 3_000_000_000L) + "@qq.com";
            default:
                return format(r, p.english);
        }
    }
}
