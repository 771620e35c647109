package com.callpulse.schema;

import java.lang.reflect.Field;

/** One field of a record class: its wire and lake name, type and rules. Built once per class by {@link RecordSchema}. */
public final class Column {
    private final String name;
    private final Field field;
    private final ColumnKind kind;
    private final boolean required;
    private final boolean primitive;
    private final CodeTables.Table codes;
    private final long min;
    private final long max;
    private final String pseudonymField;
    private final boolean derived;
    private final boolean freeText;
    private final String doc;
    private final int index;

    Column(int index, Field field) {
        this.index = index;
        this.field = field;
        field.setAccessible(true); // skips the access check on every get and set
        this.name = snakeCase(field.getName());
        Class<?> t = field.getType();
        this.primitive = t.isPrimitive();
        this.kind = kindOf(field);
        this.required = field.isAnnotationPresent(Required.class);
        this.codes = kind == ColumnKind.CODE ? CodeTables.of(t) : null;
        Range range = field.getAnnotation(Range.class);
        this.min = range == null ? Long.MIN_VALUE : range.min();
        this.max = range == null ? Long.MAX_VALUE : range.max();
        Personal personal = field.getAnnotation(Personal.class);
        this.pseudonymField = personal == null ? null : personal.pseudonym();
        this.derived = field.isAnnotationPresent(Derived.class);
        this.freeText = field.isAnnotationPresent(FreeText.class);
        Doc d = field.getAnnotation(Doc.class);
        this.doc = d == null ? "" : d.value();
        if (primitive && !required) {
            throw new IllegalStateException(field + ": a primitive field must be @Required (it cannot be absent)");
        }
    }

    private static ColumnKind kindOf(Field f) {
        Class<?> t = f.getType();
        if (f.isAnnotationPresent(Timestamp.class)) {
            if (t != long.class && t != Long.class) {
                throw new IllegalStateException(f + ": @Timestamp needs long or Long");
            }
            return ColumnKind.TIMESTAMP;
        }
        if (t == String.class) {
            return ColumnKind.STRING;
        }
        if (t.isEnum() && Code.class.isAssignableFrom(t)) {
            return ColumnKind.CODE;
        }
        if (t == int.class || t == Integer.class) {
            return ColumnKind.INT;
        }
        if (t == long.class || t == Long.class) {
            return ColumnKind.LONG;
        }
        if (t == double.class || t == Double.class) {
            return ColumnKind.DOUBLE;
        }
        if (t == boolean.class || t == Boolean.class) {
            return ColumnKind.BOOLEAN;
        }
        if (t == String[].class) {
            return ColumnKind.STRING_LIST;
        }
        throw new IllegalStateException(f + ": unsupported field type " + t.getName());
    }

    /** {@code wrapupEndedAt} becomes {@code wrapup_ended_at}. */
    public static String snakeCase(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public String name() {
        return name;
    }

    public String javaName() {
        return field.getName();
    }

    public ColumnKind kind() {
        return kind;
    }

    public boolean required() {
        return required;
    }

    /** Position among all columns of the class. */
    public int index() {
        return index;
    }

    public CodeTables.Table codes() {
        return codes;
    }

    public Class<?> javaType() {
        return field.getType();
    }

    public boolean hasRange() {
        return min != Long.MIN_VALUE || max != Long.MAX_VALUE;
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    /** Personal data: read from the input, never written; the pseudonym goes to {@link #pseudonymField()}. */
    public boolean personal() {
        return pseudonymField != null;
    }

    public String pseudonymField() {
        return pseudonymField;
    }

    public boolean derived() {
        return derived;
    }

    public boolean freeText() {
        return freeText;
    }

    public String doc() {
        return doc;
    }

    public boolean isPrimitive() {
        return primitive;
    }

    public Object get(Object record) {
        try {
            return field.get(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    public long getLong(Object record) {
        try {
            return field.getLong(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    public int getInt(Object record) {
        try {
            return field.getInt(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    public void set(Object record, Object value) {
        try {
            field.set(record, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    public void setLong(Object record, long value) {
        try {
            if (primitive) {
                field.setLong(record, value);
            } else {
                field.set(record, value);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    public void setInt(Object record, int value) {
        try {
            if (primitive) {
                field.setInt(record, value);
            } else {
                field.set(record, value);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name + ":" + kind + (required ? "!" : "");
    }
}
