package com.callpulse.schema;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Code strings of every {@link Code} enum, computed once per enum class. */
public final class CodeTables {
    private static final Map<Class<?>, Table> TABLES = new ConcurrentHashMap<>();

    private CodeTables() {}

    /** Lookup table of one enum: code string to constant, and constant to code string. */
    public static final class Table {
        private final Map<String, Enum<?>> byCode;
        private final String[] codes;

        Table(Class<? extends Enum<?>> type) {
            Enum<?>[] constants = type.getEnumConstants();
            Map<String, Enum<?>> map = new LinkedHashMap<>();
            codes = new String[constants.length];
            for (Enum<?> c : constants) {
                String code = c.name().toLowerCase(Locale.ROOT).intern();
                codes[c.ordinal()] = code;
                map.put(code, c);
            }
            byCode = Collections.unmodifiableMap(map);
        }

        /** The constant for a code, or null when the code is unknown. */
        public Enum<?> lookup(String code) {
            return byCode.get(code);
        }

        public String code(Enum<?> constant) {
            return codes[constant.ordinal()];
        }

        public List<String> codes() {
            return Arrays.asList(codes);
        }
    }

    @SuppressWarnings("unchecked")
    public static Table of(Class<?> enumType) {
        return TABLES.computeIfAbsent(enumType, t -> new Table((Class<? extends Enum<?>>) t));
    }

    static String codeOf(Code c) {
        Enum<?> e = (Enum<?>) c;
        return of(e.getDeclaringClass()).code(e);
    }

    /** The constant of {@code type} for a code string; throws on an unknown code. */
    public static <E extends Enum<E>> E parse(Class<E> type, String code) {
        Enum<?> e = of(type).lookup(code);
        if (e == null) {
            throw new IllegalArgumentException("unknown " + type.getSimpleName() + " code '" + code + "', expected one of " + of(type).codes());
        }
        return type.cast(e);
    }
}
