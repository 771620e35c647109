package com.callpulse.dashboards.sql;

import com.callpulse.dashboards.config.DashboardsConfig;
import com.callpulse.dashboards.testing.SampleLake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine's guard on the real sample lake, with real DuckDB: what runs, what is refused, and what nobody can reach. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlEngineTest {
    static final SqlEngine.Scope AH = SqlEngine.Scope.of("cmcc-ah");
    Path lake;
    SqlEngine engine;

    @TempDir
    Path outside;

    @BeforeAll
    void open() throws Exception {
        lake = SampleLake.get();
        engine = new SqlEngine(lake, SqlEngine.Limits.of(DashboardsConfig.defaults().section("sql")));
    }

    @AfterAll
    void close() {
        engine.close();
    }

    static List<Object> column(SqlEngine.Result r, int i) {
        return r.rows().stream().map(row -> row.get(i)).toList();
    }

    @Test
    void aTenantsTablesHoldThatTenantsRowsOnly() throws Exception {
        SqlEngine.Result own;
        SqlEngine.Result again;
        try (SqlEngine fresh = new SqlEngine(lake, engine.limits())) {
            long t0 = System.nanoTime();
            own = fresh.run(AH, "SELECT DISTINCT tenant, tenant_id FROM queue_intervals");
            System.out.printf("first query of a scope (opens its DuckDB, reads the catalog): %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            for (int i = 0; i < 3; i++) {
                t0 = System.nanoTime();
                again = fresh.run(AH, "SELECT count(*) FROM queue_intervals");
                System.out.printf("next query, reused connection: %d ms (engine says %d ms)%n", (System.nanoTime() - t0) / 1_000_000, again.elapsedMs());
            }
            again = fresh.run(AH, "SELECT count(*) FROM queue_intervals");
        }
        assertThat(own.rows()).containsExactly(List.of("cmcc-ah", "cmcc-ah"));
        SqlEngine.Result all = engine.run(SqlEngine.Scope.ALL, "SELECT tenant, count(*) FROM queue_intervals GROUP BY ALL ORDER BY 1");
        assertThat(column(all, 0)).containsExactly("cmcc-ah", "mvno-lx", "roam-eu");
        assertThat(((Number) again.rows().get(0).get(0)).longValue()).isEqualTo(((Number) all.rows().get(0).get(1)).longValue());
    }

    @Test
    void aTenantCannotReachAnotherTenantsRowsByAnyQuery() throws Exception {
        String other = lake.resolve("queue_intervals/tenant=mvno-lx").toString();
        String mine = lake.resolve("queue_intervals/tenant=cmcc-ah").toString();
        List<String> reads = List.of(
                "SELECT * FROM read_parquet('" + other + "/*/*.parquet')",
                "SELECT * FROM '" + other + "/date=2026-11-20/*.parquet'",
                "SELECT * FROM read_parquet('" + lake + "/queue_intervals/*/*/*.parquet', hive_partitioning = true)",
                "SELECT * FROM read_parquet('" + lake + "/**/*.parquet')",
                "SELECT * FROM read_parquet('" + mine + "/../tenant=mvno-lx/*/*.parquet')",
                "SELECT * FROM read_parquet('" + mine + "/date=2026-11-20/../../tenant=mvno-lx/*/*.parquet')",
                "SELECT * FROM read_parquet('" + mine + "*/*/*.parquet')",
                "SELECT * FROM read_parquet('file://" + other + "/*/*.parquet')",
                "SELECT * FROM read_parquet('../sample-lake/queue_intervals/tenant=mvno-lx/*/*.parquet')",
                "SELECT * FROM read_parquet(['" + mine + "/*/*.parquet', '" + other + "/*/*.parquet'])",
                "SELECT * FROM glob('" + lake + "/*/*')",
                "SELECT * FROM read_blob('" + other + "/*/*.parquet')",
                "SELECT * FROM parquet_metadata('" + other + "/date=2026-11-20/*.parquet')",
                "SELECT * FROM read_csv('/etc/passwd')",
                "SELECT * FROM read_text('/etc/passwd')",
                "SELECT * FROM glob('/etc/*')");
        for (String sql : reads) {
            assertThatThrownBy(() -> engine.run(AH, sql)).as(sql).isInstanceOf(SqlEngine.QueryException.class)
                    .hasMessageStartingWith("refused: only your partitions of the lake can be read");
        }
        assertThat(engine.run(AH, "SELECT count(*) FROM queue_intervals WHERE tenant_id <> 'cmcc-ah' OR tenant <> 'cmcc-ah'").rows())
                .containsExactly(List.of(0L));
        // every table of the scope at once: one tenant's rows, whichever table
        List<String> tables = engine.catalog(AH).tables().stream().map(Catalog.Table::name).toList();
        String union = String.join(" UNION ", tables.stream().map(t -> "SELECT DISTINCT CAST(tenant AS VARCHAR) AS t FROM " + t).toList());
        assertThat(column(engine.run(AH, union), 0)).containsOnly("cmcc-ah");
        // what the catalog functions show names no other tenant's directory
        for (String sql : List.of("SELECT CAST(value AS VARCHAR) FROM duckdb_settings()", "SELECT sql FROM duckdb_views()",
                "SELECT sql FROM duckdb_tables()", "SELECT table_name FROM information_schema.tables")) {
            for (Object v : column(engine.run(AH, sql), 0)) {
                assertThat(String.valueOf(v)).as(sql).doesNotContain("mvno-lx").doesNotContain("roam-eu");
            }
        }
        // the guard cannot be loosened from inside
        for (String sql : List.of("SET allowed_directories = ['" + lake + "/']", "SET enable_external_access = true", "RESET lock_configuration",
                "PRAGMA enable_external_access",
                "CREATE OR REPLACE VIEW queue_intervals AS SELECT * FROM read_parquet('" + other + "/*/*.parquet')")) {
            assertThatThrownBy(() -> engine.run(AH, sql)).as(sql).isInstanceOf(SqlEngine.QueryException.class).hasMessageContaining("refused");
        }
        assertThatThrownBy(() -> engine.run(AH, "SELECT * FROM query('SET lock_configuration = false')"))
                .hasMessageContaining("Expected a single SELECT statement");
        assertThat(engine.run(AH, "SELECT DISTINCT tenant FROM queue_intervals").rows()).containsExactly(List.of("cmcc-ah"));
    }

    @Test
    void everyWriteFileReadExtensionAndSettingIsRefusedAndTheLakeStaysAsItWas() throws Exception {
        Map<String, String> before = hashes(lake);
        String mine = lake.resolve("queue_intervals/tenant=cmcc-ah/date=2026-11-20").toString();
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("COPY (SELECT 1 AS x) TO '" + mine + "/part-evil.parquet' (FORMAT parquet)", "refused: COPY statements may not run here");
        refused.put("COPY queue_intervals TO '" + outside + "/out.csv'", "refused: COPY statements");
        refused.put("CREATE TABLE t AS SELECT 1", "refused: CREATE statements");
        refused.put("INSERT INTO queue_intervals SELECT * FROM queue_intervals", "refused: INSERT statements");
        refused.put("DELETE FROM queue_intervals", "refused: DELETE statements");
        refused.put("DROP VIEW queue_intervals", "refused: DROP statements");
        refused.put("ATTACH '" + outside + "/x.db' AS x", "refused: ATTACH statements");
        refused.put("EXPORT DATABASE '" + outside + "/export'", "refused: EXPORT statements");
        refused.put("INSTALL httpfs", "refused: INSTALL statements");
        refused.put("LOAD httpfs", "refused: LOAD statements");
        refused.put("SET threads = 1", "refused: SET statements");
        refused.put("PRAGMA threads = 1", "refused: PRAGMA statements");
        refused.put("CALL pragma_version()", "refused: CALL statements");
        refused.put("SELECT 1; DROP VIEW queue_intervals", "refused: only one read-only query (SELECT) may run at a time");
        refused.put("SELECT 1; SELECT 2", "refused: one statement at a time (this text holds 2)");
        refused.put("/* a comment */ -- and another\n  copy (select 1) to '" + outside + "/y.csv'", "refused: COPY statements");
        refused.put("SELECT * FROM read_csv('/etc/passwd')", "refused: only your partitions of the lake can be read");
        refused.put("SELECT * FROM read_parquet('https://example.com/x.parquet')", "refused: only your partitions of the lake can be read");
        for (SqlEngine.Scope scope : List.of(AH, SqlEngine.Scope.ALL)) {
            refused.forEach((sql, message) -> assertThatThrownBy(() -> engine.run(scope, sql)).as(scope + ": " + sql)
                    .isInstanceOf(SqlEngine.QueryException.class).hasMessageStartingWith(message));
        }
        assertThatThrownBy(() -> engine.run(AH, "SELEC 1")).hasMessageContaining("syntax error");
        assertThatThrownBy(() -> engine.run(AH, "  ")).hasMessage("no statement: write one SELECT");
        assertThat(hashes(lake)).isEqualTo(before);
        try (Stream<Path> s = Files.list(outside)) {
            assertThat(s.toList()).isEmpty();
        }
        // the views are intact and the guard's settings unchanged
        assertThat(engine.run(AH, "SELECT count(*) > 0 FROM queue_intervals").rows()).containsExactly(List.of(true));
        assertThat(engine.run(AH, "SELECT CAST(value AS VARCHAR) FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration',"
                + " 'autoinstall_known_extensions', 'autoload_known_extensions', 'temp_directory') ORDER BY name").rows())
                .containsExactly(List.of("false"), List.of("false"), List.of("false"), List.of("true"), List.of(""));
    }

    @Test
    void aSlowStatementIsCancelledAtTheTimeLimitAndTheConnectionStaysUsable() throws Exception {
        try (SqlEngine quick = new SqlEngine(lake, new SqlEngine.Limits(Duration.ofSeconds(1), 100, "1GB"))) {
            quick.run(AH, "SELECT 1"); // opens the scope, so the limit measures the statement alone
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> quick.run(AH, "SELECT count(*) FROM range(1000000000) a, range(1000000) b WHERE a.range + b.range = -1"))
                    .isInstanceOf(SqlEngine.QueryException.class)
                    .hasMessage("cancelled: the statement ran longer than the limit of 1 s (dashboards.sql.timeout)");
            System.out.printf("cross join cancelled after %d ms (limit 1000 ms)%n", (System.nanoTime() - t0) / 1_000_000);
            // a streamed result whose first row never comes: the wait is in fetching, not in executing
            t0 = System.nanoTime();
            assertThatThrownBy(() -> quick.run(AH, "SELECT a.range FROM range(1000000000) a, range(1000000) b WHERE a.range + b.range = -1"))
                    .isInstanceOf(SqlEngine.QueryException.class).hasMessageStartingWith("cancelled: the statement ran longer than the limit of 1 s");
            System.out.printf("streamed cross join cancelled after %d ms (limit 1000 ms)%n", (System.nanoTime() - t0) / 1_000_000);
            assertThat(quick.run(AH, "SELECT DISTINCT tenant FROM queue_intervals").rows()).containsExactly(List.of("cmcc-ah"));
        }
    }

    @Test
    void rowsPastTheLimitAreCutAndTheAnswerSaysSo() throws Exception {
        try (SqlEngine small = new SqlEngine(lake, new SqlEngine.Limits(Duration.ofSeconds(30), 100, "1GB"))) {
            long t0 = System.nanoTime();
            SqlEngine.Result cut = small.run(AH, "SELECT a.range AS a, b.range AS b FROM range(100000000) a, range(1000) b");
            System.out.printf("10^11 rows cut at 100 in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertThat(cut.rows()).hasSize(100);
            assertThat(cut.truncated()).isTrue();
            SqlEngine.Result exact = small.run(AH, "SELECT range AS n FROM range(100)");
            assertThat(exact.rows()).hasSize(100);
            assertThat(exact.truncated()).isFalse();
            assertThat(exact.columns()).containsExactly("n");
            assertThat(exact.numeric()).containsExactly(true);
        }
    }

    @Test
    void everyReferenceQueryRunsAndReturnsRows() throws Exception {
        for (ReferenceQueries.Query q : ReferenceQueries.ALL) {
            long t0 = System.nanoTime();
            SqlEngine.Result r = engine.run(SqlEngine.Scope.ALL, q.sql());
            System.out.printf("reference query %-70s %4d rows, %4d ms%n", q.title(), r.rows().size(), (System.nanoTime() - t0) / 1_000_000);
            assertThat(r.rows()).as(q.title()).isNotEmpty();
            assertThat(q.sql()).contains(q.table());
            for (String tenant : List.of("cmcc-ah", "mvno-lx", "roam-eu")) {
                for (Object t : column(engine.run(SqlEngine.Scope.of(tenant), q.sql()), 0)) {
                    assertThat(t).as(q.title() + " for " + tenant).isEqualTo(tenant);
                }
            }
        }
        assertThat(ReferenceQueries.ALL.stream().map(ReferenceQueries.Query::table).distinct())
                .containsExactlyInAnyOrderElementsOf(Catalog.Dictionary.load().tables().keySet());
    }

    @Test
    void theCatalogDescribesEveryColumnOfTheMetricTablesFromTheDictionary() throws Exception {
        Catalog catalog = engine.catalog(AH);
        Catalog.Dictionary dictionary = Catalog.Dictionary.load();
        List<String> undocumented = new ArrayList<>();
        for (Catalog.Table t : catalog.tables()) {
            if (dictionary.tables().containsKey(t.name())) {
                assertThat(t.description()).as(t.name()).isNotBlank();
                t.columns().stream().filter(c -> c.description().isBlank()).forEach(c -> undocumented.add(t.name() + "." + c.name()));
            }
        }
        assertThat(undocumented).isEmpty();
        Catalog.Table q = catalog.tables().stream().filter(t -> t.name().equals("queue_intervals")).findFirst().orElseThrow();
        assertThat(q.description()).startsWith("What each queue did for each channel in each interval");
        assertThat(q.columns()).contains(new Catalog.Column("offered", "BIGINT",
                "Legs that entered the queue (answered, abandoned, flowed out or turned into a callback)."));
        assertThat(q.columns().stream().map(Catalog.Column::name)).endsWith("date", "tenant");
        assertThat(catalog.tables().stream().map(Catalog.Table::name)).contains("contact_records", "queue_intervals", "complaint_outcomes");
    }

    @Test
    void everyFormOfQueryRunsIncludingReadParquetOverTheScopesOwnPartitions() throws Exception {
        String mine = lake.resolve("queue_intervals/tenant=cmcc-ah").toString();
        assertThat(engine.run(AH, "DESCRIBE queue_intervals").rows()).extracting(r -> r.get(0)).contains("offered", "tenant", "date");
        assertThat(engine.run(AH, "SUMMARIZE SELECT offered FROM queue_intervals").rows()).hasSize(1);
        assertThat(engine.run(AH, "FROM queue_intervals SELECT DISTINCT tenant").rows()).containsExactly(List.of("cmcc-ah"));
        assertThat(engine.run(AH, "WITH q AS (SELECT * FROM queue_intervals) SELECT count(DISTINCT queue_id) > 1 FROM q").rows()).containsExactly(List.of(true));
        assertThat(engine.run(AH, "VALUES (1, 'a')").rows()).containsExactly(List.of(1, "a"));
        assertThat(engine.run(AH, "SELECT count(*) = (SELECT count(*) FROM queue_intervals) FROM read_parquet('" + mine + "/*/*.parquet', filename = true)"
                + " WHERE filename LIKE '%tenant=cmcc-ah%'").rows()).containsExactly(List.of(true));
        assertThat(engine.run(AH, "-- a comment first\nSELECT 42 AS answer;").rows()).containsExactly(List.of(42));
    }

    @Test
    void parallelStatementsOfOneScopeEachGetTheirAnswer() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<List<List<Object>>>> answers = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < 24; i++) {
                int n = i;
                SqlEngine.Scope scope = i % 2 == 0 ? AH : SqlEngine.Scope.ALL;
                answers.add(pool.submit(() -> engine.run(scope, "SELECT " + n + " AS n, count(DISTINCT tenant) FROM queue_intervals").rows()));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).containsExactly(List.of(i, i % 2 == 0 ? 1L : 3L));
            }
            System.out.printf("24 statements on 6 threads over two scopes: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void newTablesAndPartitionsAppearWithoutARestartAndATenantWithoutRowsSeesTheColumns() throws Exception {
        Path small = outside.resolve("lake");
        Files.createDirectories(small);
        try (SqlEngine e = new SqlEngine(small, engine.limits())) {
            assertThat(e.catalog(AH).tables()).isEmpty();
            write(small, "contact_records", "mvno-lx", 3);
            assertThat(e.run(AH, "SELECT count(*) FROM contact_records").rows()).containsExactly(List.of(0L));
            assertThat(e.catalog(AH).tables().get(0).columns().stream().map(Catalog.Column::name)).containsExactly("event_id", "channel", "date", "tenant");
            write(small, "contact_records", "cmcc-ah", 2);
            assertThat(e.run(AH, "SELECT tenant, count(*) FROM contact_records GROUP BY ALL").rows()).containsExactly(List.of("cmcc-ah", 2L));
            assertThat(e.run(SqlEngine.Scope.ALL, "SELECT count(*) FROM contact_records").rows()).containsExactly(List.of(5L));
        }
    }

    static void write(Path lake, String table, String tenant, int rows) throws Exception {
        Path part = lake.resolve(table + "/tenant=" + tenant + "/date=2026-11-20");
        Files.createDirectories(part);
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); var st = c.createStatement()) {
            st.execute("COPY (SELECT 'e' || i AS event_id, 'voice' AS channel FROM range(" + rows + ") t(i)) TO '" + part.resolve("part-1.parquet") + "' (FORMAT parquet)");
        }
    }

    static Map<String, String> hashes(Path root) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(p).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        assertThat(m).isNotEmpty();
        return m;
    }
}
