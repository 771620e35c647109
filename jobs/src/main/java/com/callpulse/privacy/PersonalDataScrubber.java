package com.callpulse.privacy;

import com.callpulse.model.Stream;
import com.callpulse.schema.Column;
import com.callpulse.schema.RecordSchema;

import java.text.Normalizer;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds phone numbers inside text that is kept and replaces each with {@code [phone:<pseudonym>]}, so the text stays
 * useful and the pseudonym still matches the caller's key elsewhere. Three strengths:
 * <ul>
 *   <li>free text typed by people (survey comments): any run of 7 to 15 digits, whatever the separators
 *       ({@code 138.0013.8000}, {@code (0551) 65123456}, {@code tel13800138000}, full-width digits), dates excepted;</li>
 *   <li>raw records in the quarantine: personal and free-text fields by name (also when the value is a JSON number,
 *       written with escapes, or cut short by a truncated line), then the phone formats below anywhere else;</li>
 *   <li>reasons and other machine text: the phone formats below only, so ids and timestamps stay readable.</li>
 * </ul>
 */
public final class PersonalDataScrubber {
    /**
     * Written phone numbers: Chinese mobiles (optionally 86/+86/0086, optionally grouped 3-4-4), landlines with an
     * area code ({@code 0551-65123456}, {@code 0551 65123456}, {@code 055165123456}) and international numbers with +
     * or 00 ({@code +49 151 2345 6789}). Digits or letters directly around a match stop it, so ids are left alone.
     */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d\\w])(?:(?:\\+|00)?86[ -]?)?1[3-9]\\d(?:[ -]?\\d{4}){2}(?!\\d)"
                    + "|(?<![\\d\\w])0[1-9]\\d{1,2}[ -]?\\d{7,8}(?!\\d)"
                    + "|(?<![\\d\\w])(?:\\+|00)[1-9]\\d{0,2}(?:[ -]?\\d{2,5}){2,5}(?!\\d)");

    /** In free text: anything that may be a number someone typed, checked further by {@link #looksLikePhone}. */
    private static final Pattern NUMBERISH = Pattern.compile("(?:\\+|(?i:tel):?\\s*)?[\\d(][\\d\\s().\\-/]{5,}\\d");
    private static final Pattern DATE = Pattern.compile("\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}|\\d{1,2}[-./]\\d{1,2}[-./]\\d{4}");

    /** {@code \\u0031}-style escapes of characters a number is written with. */
    private static final Pattern NUMBER_ESCAPE = Pattern.compile("\\\\u00(3[0-9]|2[bBdD]|20|2[89])");

    /** A personal field's value in raw JSON: a string (possibly cut short) or a number. */
    private static final Pattern PERSONAL_FIELD = Pattern.compile(
            "(\"(?:" + fieldNames(true) + ")\"\\s*:\\s*)(?:\"([^\"]*)(\"?)|(-?[0-9][0-9.eE+-]*))");
    /** A free-text field's string value in raw JSON, escapes included, possibly cut short. */
    private static final Pattern FREE_TEXT_FIELD = Pattern.compile(
            "(\"(?:" + fieldNames(false) + ")\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\"?)");

    private final Pseudonymizer pseudonymizer;

    public PersonalDataScrubber(Pseudonymizer pseudonymizer) {
        this.pseudonymizer = pseudonymizer;
    }

    /** Text typed by a person: every number in it that may be a phone number becomes a pseudonym; null stays null. */
    public String scrubFreeText(String tenantId, String text) {
        if (text == null || !mayContainNumber(text)) {
            return text;
        }
        String t = asciiDigits(text);
        Matcher m = NUMBERISH.matcher(t);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            if (!looksLikePhone(m.group())) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(t.length() + 32);
            }
            sb.append(t, last, m.start()).append("[phone:").append(pseudonymizer.pseudonym(tenantId, m.group())).append(']');
            last = m.end();
        }
        return sb == null ? t : sb.append(t, last, t.length()).toString();
    }

    /** Machine text that may quote a value (a reason): the written phone formats become pseudonyms. */
    public String scrubNumbers(String tenantId, String text) {
        if (text == null || !mayContainNumber(text)) {
            return text;
        }
        String t = asciiDigits(text);
        Matcher m = PHONE.matcher(t);
        if (!m.find()) {
            return t;
        }
        StringBuilder sb = new StringBuilder(t.length() + 32);
        do {
            m.appendReplacement(sb, "");
            sb.append("[phone:").append(pseudonymizer.pseudonym(tenantId, m.group())).append(']');
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }

    /** The raw text of a refused record: personal fields by name, free-text fields fully, any phone number left. */
    public String scrubRaw(String tenantId, String raw) {
        if (raw == null) {
            return null;
        }
        String t = NUMBER_ESCAPE.matcher(raw).replaceAll(m -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        Matcher m = PERSONAL_FIELD.matcher(t);
        StringBuilder sb = new StringBuilder(t.length() + 32);
        while (m.find()) {
            m.appendReplacement(sb, "");
            boolean string = m.group(2) != null;
            String value = string ? m.group(2) : m.group(4);
            sb.append(m.group(1)).append('"');
            if (!value.isEmpty()) {
                sb.append("[phone:").append(pseudonymizer.pseudonym(tenantId, value)).append(']');
            }
            sb.append(string ? m.group(3) : "\""); // a number becomes a string; a cut-off string stays cut off
        }
        m.appendTail(sb);
        m = FREE_TEXT_FIELD.matcher(sb.toString());
        StringBuilder out = new StringBuilder(sb.length() + 32);
        while (m.find()) {
            m.appendReplacement(out, "");
            out.append(m.group(1)).append(scrubFreeText(tenantId, m.group(2))).append(m.group(3));
        }
        m.appendTail(out);
        return scrubNumbers(tenantId, out.toString());
    }

    /** 7 to 15 digits (E.164 has at most 15) and not a date. */
    private static boolean looksLikePhone(String candidate) {
        int digits = 0;
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return digits >= 7 && digits <= 15 && !DATE.matcher(candidate).find();
    }

    /** Full-width and other Unicode digits written as ASCII digits (NFKC), only when there are any. */
    private static String asciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0x7F && (Character.isDigit(c) || c == '\uFF0B' || c == '\uFF08' || c == '\uFF09' || c == '\uFF0D')) {
                return Normalizer.normalize(s, Normalizer.Form.NFKC);
            }
        }
        return s;
    }

    private static String fieldNames(boolean personal) {
        Set<String> names = new TreeSet<>();
        for (Stream s : Stream.values()) {
            for (Column c : RecordSchema.of(s.eventClass()).inputColumns()) {
                if (personal ? c.personal() : c.freeText()) {
                    names.add(Pattern.quote(c.name()));
                }
            }
        }
        return String.join("|", names);
    }

    private static boolean mayContainNumber(String s) {
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || (c > 0x7F && Character.isDigit(c))) {
                if (++run >= 3) {
                    return true;
                }
            } else if (c == '\\') {
                return true; // may be an escaped digit
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                run = 0;
            }
        }
        return false;
    }
}
