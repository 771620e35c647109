package com.callpulse.dashboards.sql;

import com.callpulse.dashboards.server.View;
import com.callpulse.dashboards.server.WebServer;

/** The analysts' SQL console (issue 4: to be built). */
public final class SqlView implements View {
    public static SqlView create(View.Context context) {
        return new SqlView();
    }

    @Override
    public void register(WebServer server) {}
}
