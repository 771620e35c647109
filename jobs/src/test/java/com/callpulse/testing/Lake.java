package com.callpulse.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** DuckDB over a test lake: the same way users read it (hive-partitioned Parquet globs). */
public final class Lake implements AutoCloseable {
    private final Path root;
    private final Connection connection;

    public Lake(Path root) throws SQLException {
        this.root = root;
        this.connection = DriverManager.getConnection("jdbc:duckdb:");
    }

    /** {@code read_parquet(...)} of a table, or an empty-result expression when the table has no file yet. */
    public String table(String name) {
        return "read_parquet('" + root.resolve(name) + "/*/*/*.parquet', hive_partitioning = true, union_by_name = true)";
    }

    public boolean hasTable(String name) {
        Path dir = root.resolve(name);
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The column names of a table, as DuckDB reads them (partition columns included). */
    public List<String> columns(String table) throws SQLException {
        return strings("SELECT column_name FROM (DESCRIBE SELECT * FROM " + table(table) + ")");
    }

    public long count(String table) throws SQLException {
        return hasTable(table) ? scalarLong("SELECT count(*) FROM " + table(table)) : 0;
    }

    public long scalarLong(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows of the quarantine table counted by {@code "<stream>|<reason>"}. */
    public Map<String, Long> quarantineCounts() throws SQLException {
        Map<String, Long> out = new java.util.TreeMap<>();
        if (hasTable("quarantine")) {
            for (Map<String, Object> r : rows("SELECT stream, reason, count(*) AS n FROM " + table("quarantine") + " GROUP BY ALL")) {
                out.put(r.get("stream") + "|" + r.get("reason"), (Long) r.get("n"));
            }
        }
        return out;
    }

    public List<Map<String, Object>> rows(String sql) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnName(i), rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    public List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Every file below the lake root, committed or not. */
    public List<Path> allFiles() throws java.io.IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
