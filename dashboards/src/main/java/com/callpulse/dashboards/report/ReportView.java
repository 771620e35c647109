package com.callpulse.dashboards.report;

import com.callpulse.dashboards.server.View;
import com.callpulse.dashboards.server.WebServer;

/** The executives' daily report as a page (issue 4: to be built). */
public final class ReportView implements View {
    public static ReportView create(View.Context context) {
        return new ReportView();
    }

    @Override
    public void register(WebServer server) {}
}
