package com.callpulse.testing;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds known phone numbers in text, however they are written: every number is reduced to its digits (and the
 * Chinese country code dropped before a mobile number), and so is the text, so {@code +86 138 1234 5678} in the
 * text matches {@code 13812345678}.
 */
public final class PhoneLeaks {
    private final Set<String> numbers = new HashSet<>();
    private final Set<Integer> lengths = new TreeSet<>();

    public PhoneLeaks(Iterable<String> phoneNumbers) {
        for (String n : phoneNumbers) {
            String d = digits(n);
            if (d.chars().filter(Character::isDigit).count() >= 7) { // not handles like weibo_12
                numbers.add(d);
                lengths.add(d.length());
            }
        }
    }

    public int size() {
        return numbers.size();
    }

    /** The known numbers that occur in the text. */
    public Set<String> findIn(String text) {
        String d = digits(text);
        Set<String> found = new TreeSet<>();
        for (int len : lengths) {
            for (int i = 0; i + len <= d.length(); i++) {
                String window = d.substring(i, i + len);
                if (numbers.contains(window)) {
                    found.add(window);
                }
            }
        }
        return found;
    }

    /** Digits only, keeping a break (a letter) between digit groups that are not separated by ' ', '-' or '+'. */
    static String digits(String text) {
        String s = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC); // full-width digits count too
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            } else if (c != ' ' && c != '-' && c != '+' && c != '(' && c != ')' && c != '.') {
                sb.append('x');
            }
        }
        String out = sb.toString();
        if (out.startsWith("0086")) {
            out = out.substring(4);
        } else if (out.startsWith("861") && out.length() == 13) {
            out = out.substring(2);
        }
        return out;
    }
}
