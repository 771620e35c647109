package com.callpulse.dashboards.server;

import com.callpulse.dashboards.config.DashboardsConfig;

import java.nio.file.Path;

/** One of the server's views (wallboard, report, SQL console): its routes, and what it holds open. */
public interface View extends AutoCloseable {
    /** What every view is built from. {@code liveBroker} is null when the server runs without live topics. */
    record Context(DashboardsConfig config, Path lake, String liveBroker) {}

    void register(WebServer server);

    @Override
    default void close() {}
}
