package com.callpulse.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A phone number or other identifier of a person. It is read from the input, replaced by a keyed hash in
 * the field named by {@link #pseudonym()} before anything is written, and never written itself.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Personal {
    /** Java name of the field that receives the pseudonym. */
    String pseudonym();
}
