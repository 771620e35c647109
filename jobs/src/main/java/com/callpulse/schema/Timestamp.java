package com.callpulse.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code long}/{@code Long} field holding epoch milliseconds. On the wire it is an ISO-8601 instant
 * with an offset; in the lake a Parquet TIMESTAMP(MILLIS, UTC).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Timestamp {}
