package com.callpulse.dashboards.server;

import java.io.IOException;

/** What a route does with a request. */
@FunctionalInterface
public interface Handler {
    void handle(Request request) throws IOException;
}
