package com.callpulse.testing;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The independent oracle: each metric table written again as plain DuckDB SQL ({@code src/test/resources/oracle/
 * <table>.sql}) over the raw accepted events of the day (the JSON lines themselves), compared with the lake's table.
 * Counts must be equal, ratios within 1e-9. The lake's rows are read at their highest version, as readers do.
 */
public final class Oracle implements AutoCloseable {
    private static final double TOLERANCE = 1e-9;

    private final Connection connection;
    private final Lake lake;

    /**
     * @param acceptedLines {stream, JSON line} of every line the day should have accepted
     */
    public Oracle(Path lakeRoot, Map<String, ZoneId> tenants, Iterable<String[]> acceptedLines) throws Exception {
        this.connection = DriverManager.getConnection("jdbc:duckdb:");
        this.lake = new Lake(lakeRoot);
        try (Statement st = connection.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            st.execute("CREATE TABLE raw_lines (stream VARCHAR, line VARCHAR)");
            st.execute("CREATE TABLE tenants (tenant_id VARCHAR, tz VARCHAR)");
        }
        try (DuckDBAppender a = ((DuckDBConnection) connection).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "raw_lines")) {
            for (String[] l : acceptedLines) {
                a.beginRow();
                a.append(l[0]);
                a.append(l[1]);
                a.endRow();
            }
        }
        try (DuckDBAppender a = ((DuckDBConnection) connection).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "tenants")) {
            for (Map.Entry<String, ZoneId> t : tenants.entrySet()) {
                a.beginRow();
                a.append(t.getKey());
                a.append(t.getValue().getId());
                a.endRow();
            }
        }
        // _raw_views.sql first, then any other shared definitions (_<family>.sql), in name order
        execute(resource("_raw_views.sql"));
        for (String shared : files().stream().filter(n -> n.startsWith("_") && !n.equals("_raw_views.sql")).toList()) {
            execute(resource(shared));
        }
    }

    /** The differences between the oracle's rows and the lake's for one table; empty when they agree. */
    public List<String> compare(String table) throws Exception {
        String sql = resource(table + ".sql");
        List<String> keys = keys(table);
        Map<String, Map<String, Object>> expected = index(query(sql), keys);
        // versioned tables (interval tables) are read at the latest version of each row, as readers do; others as they are
        String latest = "SELECT * FROM " + lake.table(table) + (lake.columns(table).contains("version")
                ? " QUALIFY row_number() OVER (PARTITION BY " + String.join(", ", keys) + " ORDER BY version DESC) = 1" : "");
        Map<String, Map<String, Object>> actual = index(query(latest), keys);
        List<String> diffs = new ArrayList<>();
        if (expected.isEmpty()) {
            diffs.add(table + ": the oracle finds no rows at all; the comparison would prove nothing");
        }
        for (String k : expected.keySet()) {
            if (!actual.containsKey(k)) {
                diffs.add(table + " " + k + ": missing from the lake; expected " + expected.get(k));
            }
        }
        for (String k : actual.keySet()) {
            if (!expected.containsKey(k)) {
                diffs.add(table + " " + k + ": in the lake but not expected: " + actual.get(k));
            }
        }
        for (Map.Entry<String, Map<String, Object>> e : expected.entrySet()) {
            Map<String, Object> a = actual.get(e.getKey());
            if (a == null) {
                continue;
            }
            for (Map.Entry<String, Object> col : e.getValue().entrySet()) {
                if (!a.containsKey(col.getKey())) {
                    diffs.add(table + ": the lake has no column " + col.getKey());
                    continue;
                }
                if (!same(col.getValue(), a.get(col.getKey()))) {
                    diffs.add(table + " " + e.getKey() + " " + col.getKey() + ": expected " + col.getValue() + ", lake has " + a.get(col.getKey()));
                }
            }
            if (diffs.size() > 50) {
                break;
            }
        }
        return diffs;
    }

    /**
     * Interval keys whose written versions are not 1..n without gaps, or with a version above 1 not flagged
     * restated (version 1 is flagged too when the interval's first input came after it was final); 0 when the
     * table's history is consistent.
     */
    public long inconsistentVersions(String table) throws Exception {
        String keys = String.join(", ", keys(table));
        return lake.scalarLong("SELECT count(*) FROM (SELECT " + keys + " FROM " + lake.table(table) + " GROUP BY " + keys
                + " HAVING count(*) <> max(version) OR count(DISTINCT version) <> count(*) OR min(version) <> 1"
                + " OR bool_or(version > 1 AND NOT restated))");
    }

    /** The tables the oracle has a query for: every src/test/resources/oracle/*.sql but the _ ones. */
    public static List<String> tables() {
        return files().stream().filter(n -> !n.startsWith("_")).map(n -> n.substring(0, n.length() - 4)).toList();
    }

    private static List<String> files() {
        try {
            java.net.URL dir = Oracle.class.getResource("/oracle/");
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of(dir.toURI()))) {
                return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
            }
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot list the oracle queries", e);
        }
    }

    /** Interval tables are keyed by interval_start; their rows are versioned. */
    public static boolean isIntervalTable(String table) {
        return keys(table).contains("interval_start");
    }

    private static List<String> keys(String table) {
        String keyLine = resource(table + ".sql").lines().filter(l -> l.startsWith("-- key:")).findFirst()
                .orElseThrow(() -> new IllegalStateException(table + ".sql has no '-- key:' line"));
        return Arrays.stream(keyLine.substring("-- key:".length()).split(",")).map(String::trim).toList();
    }

    /** Rows of a lake table (all versions) matching a condition. */
    public long lakeRows(String table, String condition) throws Exception {
        return lake.scalarLong("SELECT count(*) FROM " + lake.table(table) + " WHERE " + condition);
    }

    /** Rows of the oracle's query for a table, for tests that look at them. */
    public List<Map<String, Object>> expected(String table) throws Exception {
        return query(resource(table + ".sql"));
    }

    private static boolean same(Object x, Object y) {
        if (x == null || y == null) {
            return x == y;
        }
        if (x instanceof Number && y instanceof Number) {
            BigDecimal a = new BigDecimal(x.toString());
            BigDecimal b = new BigDecimal(y.toString());
            if (isIntegral(x) && isIntegral(y)) {
                return a.compareTo(b) == 0;
            }
            double d = Math.abs(a.doubleValue() - b.doubleValue());
            return d <= TOLERANCE * Math.max(1, Math.abs(a.doubleValue()));
        }
        return normalize(x).equals(normalize(y));
    }

    private static boolean isIntegral(Object n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte || n instanceof java.math.BigInteger;
    }

    private static Object normalize(Object v) {
        if (v instanceof OffsetDateTime) {
            return ((OffsetDateTime) v).toInstant().toEpochMilli();
        }
        if (v instanceof java.sql.Timestamp) {
            return ((java.sql.Timestamp) v).getTime();
        }
        return v.toString();
    }

    private static Map<String, Map<String, Object>> index(List<Map<String, Object>> rows, List<String> keys) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        for (Map<String, Object> r : rows) {
            StringBuilder k = new StringBuilder();
            for (String key : keys) {
                k.append(key).append('=').append(r.get(key) == null ? "null" : normalize(r.get(key))).append(' ');
            }
            if (out.put(k.toString().trim(), r) != null) {
                throw new IllegalStateException("two rows share the key " + k);
            }
        }
        return out;
    }

    private List<Map<String, Object>> query(String sql) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    private void execute(String script) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String s : script.split(";\\s*\\n")) {
                if (!s.isBlank() && !s.lines().allMatch(l -> l.isBlank() || l.trim().startsWith("--"))) {
                    st.execute(s);
                }
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = Oracle.class.getResourceAsStream("/oracle/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no oracle query src/test/resources/oracle/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        lake.close();
        connection.close();
    }
}
