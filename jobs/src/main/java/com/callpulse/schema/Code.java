package com.callpulse.schema;

/**
 * An enumerated code. Its wire form is the lower-case constant name ({@code SMS_LINK} is
 * {@code "sms_link"}); any other string is an unknown code.
 */
public interface Code {
    String name();

    default String code() {
        return CodeTables.codeOf(this);
    }
}
