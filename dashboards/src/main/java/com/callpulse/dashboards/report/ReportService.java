package com.callpulse.dashboards.report;

import com.callpulse.dashboards.config.DashboardsConfig;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Renders daily reports from the lake: one DuckDB connection (in memory; it only reads Parquet) shared by the page,
 * its charts and the command, and a short cache per (tenant, date) so a page and its nine chart requests read the
 * lake once. Settings: {@code dashboards.report} ({@code cache}, {@code trend_days}, {@code top_topics}).
 */
public final class ReportService implements AutoCloseable {
    /** A rendered report: its numbers, its charts as PNG, and how long reading and drawing took. */
    public record Rendered(ReportData data, Map<String, byte[]> charts, long queryMillis, long renderMillis) {}

    private record Key(String tenant, LocalDate date) {}

    private record Entry(CompletableFuture<Rendered> report, long createdNanos) {}

    private final DashboardsConfig config;
    private final Path lake;
    private final Connection db;
    private final Duration cacheFor;
    private final int trendDays;
    private final int topTopics;
    private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

    public ReportService(DashboardsConfig config, Path lake) throws SQLException {
        JsonNode s = config.section("report");
        this.cacheFor = Duration.parse(s.path("cache").asText("PT5M"));
        this.trendDays = s.path("trend_days").asInt(30);
        this.topTopics = s.path("top_topics").asInt(8);
        if (cacheFor.isNegative() || trendDays < 8 || trendDays > 400 || topTopics < 1 || topTopics > 50) {
            throw new IllegalArgumentException("dashboards.report: cache must be >= 0, trend_days 8..400, top_topics 1..50");
        }
        this.config = config;
        this.lake = lake == null ? null : lake.toAbsolutePath().normalize(); // a server without a lake still starts
        this.db = DriverManager.getConnection("jdbc:duckdb:");
    }

    /** The default business day of a tenant's report: yesterday in its zone. */
    public LocalDate yesterday(String tenant, Clock clock) {
        return LocalDate.now(clock.withZone(config.tenant(tenant).zone())).minusDays(1);
    }

    /** The report of a tenant's business day, from the cache while it is fresh. */
    public Rendered report(String tenant, LocalDate date) {
        Key key = new Key(tenant, date);
        long now = System.nanoTime();
        Entry fresh = new Entry(new CompletableFuture<>(), now);
        // the first caller renders; callers meanwhile (the page's chart requests) wait for the same rendering
        Entry e = cache.compute(key, (k, old) -> old != null && now - old.createdNanos < cacheFor.toNanos()
                && !old.report.isCompletedExceptionally() ? old : fresh);
        if (e == fresh) {
            try {
                e.report.complete(render(tenant, date));
            } catch (RuntimeException | Error ex) {
                e.report.completeExceptionally(ex);
            }
        }
        if (cache.size() > 64) {
            cache.entrySet().removeIf(x -> now - x.getValue().createdNanos >= cacheFor.toNanos());
        }
        try {
            return e.report.get();
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(ex.getCause());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Reads and draws without the cache. */
    public Rendered render(String tenant, LocalDate date) {
        DashboardsConfig.Tenant t = config.tenant(tenant);
        if (t == null) {
            throw new IllegalArgumentException("no tenant " + tenant);
        }
        if (lake == null) {
            throw new IllegalStateException("the server was started without a lake (--lake DIR)");
        }
        long t0 = System.nanoTime();
        ReportData data;
        synchronized (db) { // one connection: its statements run one at a time
            try {
                data = ReportData.load(db, lake, tenant, t.name(), t.zone(), date, trendDays, topTopics);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the lake for " + tenant + " " + date + ": " + e.getMessage(), e);
            }
        }
        long t1 = System.nanoTime();
        Map<String, byte[]> charts = new LinkedHashMap<>();
        for (ReportCharts.Chart c : ReportCharts.CHARTS) {
            charts.put(c.name(), ReportCharts.png(ReportCharts.chart(c.name(), data)));
        }
        long t2 = System.nanoTime();
        return new Rendered(data, Map.copyOf(charts), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing an in-memory database that only read files: nothing to lose
        }
    }
}
