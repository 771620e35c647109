package com.callpulse.schema;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The columns of a record class, read once by reflection from its public fields (superclass fields first,
 * then declaration order). One description serves the JSON reader, the Parquet writer, the JSON Schema and
 * the pseudonymizer, so the contract cannot drift between them.
 */
public final class RecordSchema<T> {
    private static final Map<Class<?>, RecordSchema<?>> CACHE = new ConcurrentHashMap<>();

    private final Class<T> type;
    private final List<Column> columns;
    private final List<Column> inputColumns;
    private final List<Column> lakeColumns;
    private final Map<String, Column> inputByName;
    private final Map<String, Column> byJavaName;

    private RecordSchema(Class<T> type) {
        this.type = type;
        Deque<Class<?>> hierarchy = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.push(c);
        }
        List<Column> all = new ArrayList<>();
        for (Class<?> c : hierarchy) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || !Modifier.isPublic(m)) {
                    continue;
                }
                all.add(new Column(all.size(), f));
            }
        }
        this.columns = Collections.unmodifiableList(all);
        List<Column> in = new ArrayList<>();
        List<Column> lake = new ArrayList<>();
        Map<String, Column> byName = new HashMap<>();
        Map<String, Column> byJava = new HashMap<>();
        for (Column c : all) {
            byJava.put(c.javaName(), c);
            if (!c.derived()) {
                in.add(c);
                byName.put(c.name(), c);
            }
            if (!c.personal()) {
                lake.add(c);
            }
        }
        this.inputColumns = Collections.unmodifiableList(in);
        this.lakeColumns = Collections.unmodifiableList(lake);
        this.inputByName = byName;
        this.byJavaName = byJava;
        for (Column c : all) {
            if (c.personal()) {
                Column target = byJava.get(c.pseudonymField());
                if (target == null || !target.derived() || target.kind() != ColumnKind.STRING) {
                    throw new IllegalStateException(type + "." + c.javaName() + ": pseudonym field '" + c.pseudonymField() + "' must be a @Derived String");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    public static <T> RecordSchema<T> of(Class<T> type) {
        return (RecordSchema<T>) CACHE.computeIfAbsent(type, RecordSchema::new);
    }

    public Class<T> type() {
        return type;
    }

    /** Every public field, in order. */
    public List<Column> columns() {
        return columns;
    }

    /** Fields a producer sends: all but {@link Derived} ones. */
    public List<Column> inputColumns() {
        return inputColumns;
    }

    /** Columns written to the lake: all but {@link Personal} ones. */
    public List<Column> lakeColumns() {
        return lakeColumns;
    }

    /** Input column by its wire name, or null. */
    public Column inputColumn(String wireName) {
        return inputByName.get(wireName);
    }

    public Column byJavaName(String javaName) {
        return byJavaName.get(javaName);
    }

    /** A new instance with the same field values (arrays shared: they are never changed in place). */
    public T copy(T record) {
        try {
            T c = type.getDeclaredConstructor().newInstance();
            for (Column col : columns) {
                col.set(c, col.get(record));
            }
            return c;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " needs a public no-argument constructor", e);
        }
    }

    public boolean sameValues(Object a, Object b) {
        for (Column c : columns) {
            Object x = c.get(a);
            Object y = c.get(b);
            if (x instanceof Object[] && y instanceof Object[]) {
                if (!Arrays.equals((Object[]) x, (Object[]) y)) {
                    return false;
                }
            } else if (!Objects.equals(x, y)) {
                return false;
            }
        }
        return true;
    }

    /** {@code ContactEvent{event_id=e1, ...}} with the non-null columns (personal ones masked), for messages and test failures. */
    public String describe(Object record) {
        StringBuilder sb = new StringBuilder(type.getSimpleName()).append('{');
        boolean first = true;
        for (Column c : columns) {
            Object v = c.get(record);
            if (v == null) {
                continue;
            }
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(c.name()).append('=');
            if (c.personal()) {
                sb.append("<personal>"); // never let a phone number reach a log line
            } else if (v instanceof Object[]) {
                sb.append(Arrays.toString((Object[]) v));
            } else if (v instanceof Code) {
                sb.append(((Code) v).code());
            } else {
                sb.append(v);
            }
        }
        return sb.append('}').toString();
    }
}
