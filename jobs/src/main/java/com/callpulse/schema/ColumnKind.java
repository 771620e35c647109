package com.callpulse.schema;

/** The value types a contract field or lake column can have. */
public enum ColumnKind {
    STRING,
    /** A {@link Code} enum; a string on the wire and in the lake. */
    CODE,
    INT,
    LONG,
    DOUBLE,
    BOOLEAN,
    /** Epoch milliseconds in Java; ISO-8601 with offset on the wire; TIMESTAMP WITH TIME ZONE in the lake. */
    TIMESTAMP,
    /** {@code String[]}; a JSON array of strings; a Parquet LIST of strings. */
    STRING_LIST
}
