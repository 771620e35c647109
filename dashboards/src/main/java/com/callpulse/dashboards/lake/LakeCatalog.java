package com.callpulse.dashboards.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The lake as DuckDB sees it: one view per table directory that has committed Parquet files, reading the
 * Hive partitions ({@code tenant}, {@code date}) as columns. The lake's layout is the contract with the jobs
 * (docs/events.md); this module never imports job code.
 */
public final class LakeCatalog implements AutoCloseable {
    private final Path root;
    private final Connection connection;
    private final List<String> tables = new ArrayList<>();

    private LakeCatalog(Path root, Connection connection) {
        this.root = root;
        this.connection = connection;
    }

    /** An in-memory DuckDB with a view per lake table. */
    public static LakeCatalog open(Path lakeRoot) throws SQLException {
        Path root = lakeRoot.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("no lake at " + root);
        }
        LakeCatalog c = new LakeCatalog(root, DriverManager.getConnection("jdbc:duckdb:"));
        try {
            c.registerTables();
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** The expression that reads a table, e.g. to paste into the DuckDB CLI. */
    public static String readExpression(Path lakeRoot, String table) {
        String glob = lakeRoot.toAbsolutePath().normalize().resolve(table) + "/*/*/*.parquet";
        return "read_parquet('" + glob.replace("'", "''") + "', hive_partitioning = true, union_by_name = true)";
    }

    /** The lake's tables: directories with committed Parquet files and a plain name, sorted (also the SQL console's). */
    public static List<String> tableNames(Path lakeRoot) {
        try (Stream<Path> s = Files.list(lakeRoot)) {
            return s.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().matches("[a-z][a-z0-9_]*"))
                    .filter(LakeCatalog::hasCommittedFiles)
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void registerTables() throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String table : tableNames(root)) {
                st.execute("CREATE VIEW " + table + " AS SELECT * FROM " + readExpression(root, table));
                tables.add(table);
            }
        }
    }

    /** Whether a directory holds a committed Parquet file (writers hide files in progress behind a leading dot). */
    public static boolean hasCommittedFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir, 3)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".parquet") && !p.getFileName().toString().startsWith("."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public List<String> tables() {
        return List.copyOf(tables);
    }

    public Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
