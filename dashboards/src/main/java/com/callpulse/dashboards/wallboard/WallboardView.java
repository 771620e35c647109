package com.callpulse.dashboards.wallboard;

import com.callpulse.dashboards.server.View;
import com.callpulse.dashboards.server.WebServer;

/** The supervisors' live wallboard (issue 4: to be built). */
public final class WallboardView implements View {
    public static WallboardView create(View.Context context) {
        return new WallboardView();
    }

    @Override
    public void register(WebServer server) {}
}
