package com.callpulse.dashboards.sql;

import com.callpulse.dashboards.access.Principal;
import com.callpulse.dashboards.lake.LakeCatalog;
import com.callpulse.dashboards.lake.TextTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one read-only statement for a principal over the lake (the SQL console and {@code ./callpulse query} alike).
 *
 * <p>Each scope (one tenant, or every tenant for the operator) has its own in-memory DuckDB with one view per lake
 * table over that scope's partitions only, and then DuckDB's own guards are locked in: file access only below the
 * scope's partition directories ({@code allowed_directories} with {@code enable_external_access = false}), no extension
 * installs or loads, no spilling to a shared temporary directory, and {@code lock_configuration} so that no statement
 * can undo any of it. Those directories are writable for DuckDB, so writes are kept out before DuckDB runs anything:
 * DuckDB's own parser must see exactly one SELECT ({@code json_serialize_sql} serializes nothing else). A scope's
 * connections are reused; a statement is cancelled when it runs past the time limit, and its rows are cut at the row
 * limit.
 */
public final class SqlEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqlEngine.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_IDLE = 4;
    /** Keywords a query (as DuckDB's parser sees one) may start with; for the messages only, the parser decides. */
    private static final Set<String> QUERY_WORDS = Set.of("SELECT", "WITH", "FROM", "VALUES", "TABLE", "DESCRIBE", "SHOW", "SUMMARIZE", "PIVOT", "UNPIVOT", "(");
    private static final Pattern LEADING_WORD = Pattern.compile("^(?:\\s+|--[^\\n]*\\n?|/\\*.*?\\*/)*([A-Za-z_]+|\\()", Pattern.DOTALL);
    /** DuckDB's integer types JDBC has no number type for (sums of BIGINT are HUGEINT). */
    private static final Set<String> UNSIGNED_AND_HUGE = Set.of("HUGEINT", "UHUGEINT", "UBIGINT", "UINTEGER", "USMALLINT", "UTINYINT");
    /** Partition columns the lake's paths add to every table (not in the dictionary, which documents the files). */
    private static final Map<String, String> PARTITION_COLUMNS = Map.of(
            "tenant", "Partition (directory tenant=<id>): the tenant, equal to tenant_id.",
            "date", "Partition (directory date=<yyyy-mm-dd>): the tenant's business day the row belongs to.");

    /** The configured limits ({@code dashboards.sql}). */
    public record Limits(Duration timeout, int maxRows, String memoryLimit) {
        public Limits {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("dashboards.sql.timeout must be positive");
            }
            if (maxRows < 1) {
                throw new IllegalArgumentException("dashboards.sql.max_rows must be at least 1");
            }
            if (!memoryLimit.matches("[0-9]+(\\.[0-9]+)?\\s*[KMGT]i?B")) {
                throw new IllegalArgumentException("dashboards.sql.memory_limit must look like 2GB or 512MiB: " + memoryLimit);
            }
        }

        /** Types and checks the {@code dashboards.sql} section once (missing keys take the shipped defaults). */
        public static Limits of(JsonNode section) {
            try {
                return new Limits(Duration.parse(section.path("timeout").asText("PT10S")), section.path("max_rows").asInt(10_000),
                        section.path("memory_limit").asText("2GB"));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("dashboards.sql.timeout must be an ISO-8601 duration such as PT10S: " + e.getParsedString());
            }
        }

        public Limits withMaxRows(int n) {
            return new Limits(timeout, n, memoryLimit);
        }
    }

    /** Whose partitions a statement reads: one tenant's, or every one (the operator's). */
    public record Scope(String tenant) {
        public static final Scope ALL = new Scope(null);

        public Scope {
            // the id becomes part of a path: a configured id is a plain name, never a way out of the table's directory
            if (tenant != null && (!tenant.matches("[A-Za-z0-9][A-Za-z0-9_.-]*") || tenant.contains(".."))) {
                throw new IllegalArgumentException("not a tenant id: " + tenant);
            }
        }

        public static Scope of(String tenant) {
            return new Scope(tenant);
        }

        /** A principal's whole view: every tenant for the operator's users, else their tenant. */
        public static Scope of(Principal p) {
            return p.operator() ? ALL : new Scope(p.tenant());
        }

        public boolean all() {
            return tenant == null;
        }

        @Override
        public String toString() {
            return all() ? "every tenant" : "tenant " + tenant;
        }
    }

    /** A statement's answer: at most the row limit of rows, values as JDBC gives numbers and booleans, text otherwise. */
    public record Result(List<String> columns, List<String> types, List<Boolean> numeric, List<List<Object>> rows, boolean truncated, long elapsedMs) {}

    /** A statement the guard refused or DuckDB could not run; the message is meant for the analyst. */
    public static final class QueryException extends Exception {
        QueryException(String message) {
            super(message);
        }
    }

    private final Path lake;
    private final Limits limits;
    private final Catalog.Dictionary dictionary = Catalog.Dictionary.load();
    private final Map<Scope, Db> dbs = new HashMap<>();
    private final ScheduledExecutorService canceller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sql-timeout");
        t.setDaemon(true);
        return t;
    });

    public SqlEngine(Path lake, Limits limits) {
        this.lake = lake.toAbsolutePath().normalize();
        this.limits = limits;
        if (!Files.isDirectory(this.lake)) {
            throw new IllegalArgumentException("no lake at " + this.lake);
        }
    }

    public Limits limits() {
        return limits;
    }

    public Path lake() {
        return lake;
    }

    /** Runs one read-only statement over the scope's partitions. */
    public Result run(Scope scope, String sql) throws QueryException {
        long start = System.nanoTime();
        String text = sql == null ? "" : sql.strip();
        if (text.isEmpty()) {
            throw new QueryException("no statement: write one SELECT");
        }
        Db db;
        Connection c;
        try {
            synchronized (dbs) {
                db = db(scope);
                c = db.borrow();
            }
        } catch (SQLException e) {
            LOG.error("cannot open the lake for {}", scope, e);
            throw new QueryException("the lake cannot be opened: " + firstLine(e.getMessage()));
        }
        try {
            checkKind(c, text);
            return execute(c, text, start);
        } catch (SQLException e) {
            throw new QueryException(message(e));
        } finally {
            db.giveBack(c);
        }
    }

    /** The tables and columns the scope can query, with the dictionary's descriptions. */
    public Catalog catalog(Scope scope) throws QueryException {
        try {
            synchronized (dbs) {
                return db(scope).catalog;
            }
        } catch (SQLException e) {
            LOG.error("cannot open the lake for {}", scope, e);
            throw new QueryException("the lake cannot be opened: " + firstLine(e.getMessage()));
        }
    }

    /** DuckDB's parser decides what the text is: one SELECT runs, anything else is refused before DuckDB runs it. */
    private static void checkKind(Connection c, String text) throws SQLException, QueryException {
        JsonNode parsed;
        try (PreparedStatement ps = c.prepareStatement("SELECT json_serialize_sql(?)")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                parsed = JSON.readTree(rs.getString(1));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SQLException("unreadable parse of the statement", e);
            }
        }
        if (parsed.path("error").asBoolean()) {
            String why = parsed.path("error_message").asText();
            if (!why.startsWith("Only SELECT")) {
                throw new QueryException(why);
            }
            String word = leadingWord(text);
            if (QUERY_WORDS.contains(word)) {
                throw new QueryException("refused: only one read-only query (SELECT) may run at a time, and this text holds another kind of statement");
            }
            throw new QueryException("refused: " + word + " statements may not run here. The console runs one read-only query (SELECT, WITH, FROM,"
                    + " DESCRIBE, SUMMARIZE, PIVOT) at a time: no writes, files, attachments, extensions or settings");
        }
        int statements = parsed.path("statements").size();
        if (statements != 1) {
            throw new QueryException("refused: one statement at a time (this text holds " + statements + ")");
        }
    }

    static String leadingWord(String text) {
        Matcher m = LEADING_WORD.matcher(text);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "this";
    }

    private Result execute(Connection c, String text, long start) throws SQLException, QueryException {
        Cancel cancel = new Cancel();
        try (Statement st = c.createStatement()) {
            cancel.statement = st;
            ScheduledFuture<?> timer = canceller.schedule(cancel::fire, limits.timeout.toNanos(), TimeUnit.NANOSECONDS);
            try (ResultSet rs = st.executeQuery(text)) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                List<String> columns = new ArrayList<>(n);
                List<String> types = new ArrayList<>(n);
                List<Boolean> numeric = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    columns.add(md.getColumnLabel(i));
                    types.add(md.getColumnTypeName(i));
                    numeric.add(TextTable.isNumeric(md.getColumnType(i)) || UNSIGNED_AND_HUGE.contains(md.getColumnTypeName(i)));
                }
                List<List<Object>> rows = new ArrayList<>();
                boolean truncated = false;
                while (rs.next()) {
                    if (rows.size() == limits.maxRows) {
                        truncated = true; // results stream: DuckDB stops soon after, the whole result is never built
                        break;
                    }
                    List<Object> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        row.add(v == null || v instanceof Number || v instanceof Boolean ? v : rs.getString(i));
                    }
                    rows.add(row);
                }
                if (!cancel.finish()) {
                    throw timedOut();
                }
                return new Result(columns, types, numeric, rows, truncated, (System.nanoTime() - start) / 1_000_000);
            } catch (SQLException e) {
                if (!cancel.finish()) {
                    throw timedOut();
                }
                throw e;
            } finally {
                timer.cancel(false);
            }
        }
    }

    private QueryException timedOut() {
        return new QueryException("cancelled: the statement ran longer than the limit of " + human(limits.timeout) + " (dashboards.sql.timeout)");
    }

    /** The timer and the statement's end agree once on who came first, so a late timer never cancels a reused connection's next statement. */
    private static final class Cancel {
        Statement statement;
        private boolean done;
        private boolean fired;

        synchronized void fire() {
            if (!done) {
                fired = true;
                try {
                    statement.cancel();
                } catch (SQLException e) {
                    LOG.warn("could not cancel a statement: {}", e.toString());
                }
            }
        }

        /** Marks the statement done; false when the timer fired first. */
        synchronized boolean finish() {
            done = true;
            return !fired;
        }
    }

    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String message(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage().strip();
        if (m.contains("file system operations are disabled by configuration") || m.contains("external extensions is disabled")) {
            return "refused: only your partitions of the lake can be read (through the tables, or read_parquet below their directories). " + m;
        }
        if (m.contains("the configuration has been locked")) {
            return "refused: settings cannot be changed. " + m;
        }
        return m;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.strip().split("\n", 2)[0];
    }

    /** The scope's database, rebuilt when its tables or partitions came or went; call under {@code dbs}' lock. */
    private Db db(Scope scope) throws SQLException {
        Map<String, Optional<Path>> layout = layout(scope);
        Db current = dbs.get(scope);
        if (current != null && current.layout.equals(layout)) {
            return current;
        }
        Db fresh = new Db(scope, layout);
        dbs.put(scope, fresh);
        if (current != null) {
            current.retire();
        }
        return fresh;
    }

    /** Per table, the directory the scope reads (empty: the table has no rows of the scope's tenant yet). */
    private Map<String, Optional<Path>> layout(Scope scope) {
        Map<String, Optional<Path>> layout = new LinkedHashMap<>();
        for (String table : LakeCatalog.tableNames(lake)) {
            Path dir = scope.all() ? lake.resolve(table) : lake.resolve(table).resolve("tenant=" + scope.tenant());
            layout.put(table, scope.all() || Files.isDirectory(dir) && LakeCatalog.hasCommittedFiles(dir) ? Optional.of(dir) : Optional.empty());
        }
        return layout;
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** One scope's in-memory DuckDB, locked down, with its reusable connections. */
    private final class Db {
        final Map<String, Optional<Path>> layout;
        final Catalog catalog;
        private final DuckDBConnection base;
        private final Deque<Connection> idle = new ArrayDeque<>();
        private int borrowed;
        private boolean retired;

        Db(Scope scope, Map<String, Optional<Path>> layout) throws SQLException {
            this.layout = layout;
            Properties p = new Properties();
            p.setProperty("jdbc_stream_results", "true"); // rows past the limit are never computed
            base = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", p);
            try (Statement st = base.createStatement()) {
                st.execute("SET memory_limit = " + literal(limits.memoryLimit));
                // no spilling: spill files would sit in a directory DuckDB then allows to read
                st.execute("SET temp_directory = ''");
                List<String> allowed = new ArrayList<>();
                for (Optional<Path> dir : layout.values()) {
                    dir.ifPresent(d -> allowed.add(literal(d + "/")));
                }
                st.execute("SET allowed_directories = [" + String.join(", ", allowed) + "]");
                for (Map.Entry<String, Optional<Path>> e : layout.entrySet()) {
                    String table = e.getKey();
                    if (e.getValue().isPresent()) {
                        String glob = e.getValue().get() + (scope.all() ? "/*/*/*.parquet" : "/*/*.parquet");
                        st.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet(" + literal(glob) + ", hive_partitioning = true, union_by_name = true)");
                    } else {
                        // the table's columns, without a row: read before the lock, from files the scope may not read afterwards
                        st.execute("CREATE TABLE " + table + " AS SELECT * FROM " + LakeCatalog.readExpression(lake, table) + " LIMIT 0");
                    }
                }
                st.execute("SET enable_external_access = false");
                st.execute("SET autoinstall_known_extensions = false");
                st.execute("SET autoload_known_extensions = false");
                st.execute("SET allow_community_extensions = false");
                st.execute("SET lock_configuration = true");
                catalog = catalog(st);
            } catch (SQLException | RuntimeException e) {
                base.close();
                throw e;
            }
            LOG.info("SQL over the lake opened for {}: {} tables", scope, layout.size());
        }

        private Catalog catalog(Statement st) throws SQLException {
            Map<String, List<Catalog.Column>> columns = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name, column_name, data_type FROM information_schema.columns"
                    + " WHERE table_schema = 'main' ORDER BY table_name, ordinal_position")) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    String column = rs.getString(2);
                    String meaning = dictionary.column(table, column);
                    columns.computeIfAbsent(table, t -> new ArrayList<>()).add(new Catalog.Column(column, rs.getString(3),
                            meaning.isEmpty() ? PARTITION_COLUMNS.getOrDefault(column, "") : meaning));
                }
            }
            List<Catalog.Table> tables = new ArrayList<>();
            columns.forEach((t, cs) -> tables.add(new Catalog.Table(t, dictionary.table(t), List.copyOf(cs))));
            return new Catalog(List.copyOf(tables));
        }

        synchronized Connection borrow() throws SQLException {
            Connection c = idle.poll();
            if (c == null) {
                c = base.duplicate();
            }
            borrowed++;
            return c;
        }

        synchronized void giveBack(Connection c) {
            borrowed--;
            if (retired || idle.size() >= MAX_IDLE) {
                close(c);
            } else {
                idle.push(c);
            }
            if (retired && borrowed == 0) {
                close(base);
            }
        }

        synchronized void retire() {
            retired = true;
            idle.forEach(SqlEngine::close);
            idle.clear();
            if (borrowed == 0) {
                close(base);
            }
        }
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("closing a DuckDB connection: {}", e.toString());
        }
    }

    @Override
    public void close() {
        canceller.shutdownNow();
        synchronized (dbs) {
            dbs.values().forEach(Db::retire);
            dbs.clear();
        }
    }
}
