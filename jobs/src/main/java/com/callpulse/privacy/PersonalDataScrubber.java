package com.callpulse.privacy;

import com.callpulse.model.Stream;
import com.callpulse.schema.Column;
import com.callpulse.schema.RecordSchema;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds phone numbers inside text that is kept (survey comments, the raw text of quarantined records, reasons
 * quoting a value) and replaces each with {@code [phone:<pseudonym>]}, so the text stays useful and the
 * pseudonym still matches the caller's key elsewhere. In raw records it also replaces the whole value of a
 * personal field by name, which catches numbers cut short by a truncated line.
 */
public final class PersonalDataScrubber {
    /**
     * Chinese mobile numbers (optionally +86/0086, optionally grouped 3-4-4), landlines with an area code
     * (0551-65123456, 0551 65123456, 055165123456) and international numbers written with + or 00
     * (+49 151 2345 6789, 0049 151 23456789). Digits or letters directly before or after a match stop it, so ids
     * and ISO timestamps are left alone.
     */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d\\w])(?:(?:\\+|00)86[ -]?)?1[3-9]\\d(?:[ -]?\\d{4}){2}(?!\\d)"
                    + "|(?<![\\d\\w])0[1-9]\\d{1,2}[ -]?\\d{7,8}(?!\\d)"
                    + "|(?<![\\d\\w])(?:\\+|00)[1-9]\\d{0,2}(?:[ -]?\\d{2,5}){2,5}(?!\\d)");

    /** {@code "caller_number": "..."} for every personal field of the contract, also when the closing quote is missing. */
    private static final Pattern PERSONAL_FIELD = Pattern.compile(
            "(\"(?:" + String.join("|", personalFieldNames()) + ")\"\\s*:\\s*\")([^\"]*)(\"?)");

    private final Pseudonymizer pseudonymizer;

    public PersonalDataScrubber(Pseudonymizer pseudonymizer) {
        this.pseudonymizer = pseudonymizer;
    }

    /** Free text with every phone number replaced; null stays null. */
    public String scrubText(String tenantId, String text) {
        if (text == null || !mayContainNumber(text)) {
            return text;
        }
        Matcher m = PHONE.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 32);
        do {
            m.appendReplacement(sb, "");
            sb.append("[phone:").append(pseudonymizer.pseudonym(tenantId, m.group())).append(']');
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }

    /** The raw text of a refused record: personal fields by name, then any phone number left in it. */
    public String scrubRaw(String tenantId, String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = PERSONAL_FIELD.matcher(raw);
        String byName = raw;
        if (m.find()) {
            StringBuilder sb = new StringBuilder(raw.length() + 32);
            do {
                m.appendReplacement(sb, "");
                String value = m.group(2);
                sb.append(m.group(1));
                if (!value.isEmpty()) {
                    sb.append("[phone:").append(pseudonymizer.pseudonym(tenantId, value)).append(']');
                }
                sb.append(m.group(3));
            } while (m.find());
            m.appendTail(sb);
            byName = sb.toString();
        }
        return scrubText(tenantId, byName);
    }

    private static Set<String> personalFieldNames() {
        Set<String> names = new TreeSet<>();
        for (Stream s : Stream.values()) {
            for (Column c : RecordSchema.of(s.eventClass()).inputColumns()) {
                if (c.personal()) {
                    names.add(Pattern.quote(c.name()));
                }
            }
        }
        return names;
    }

    private static boolean mayContainNumber(String s) {
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run >= 3) {
                    return true;
                }
            } else if (c != ' ' && c != '-') {
                run = 0;
            }
        }
        return false;
    }
}
