package com.callpulse.dashboards.report;

import java.io.PrintStream;
import java.util.List;

/** {@code ./callpulse report} (issue 4: to be built). */
public final class ReportCommand {
    private ReportCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        err.println("report: not built yet");
        return 2;
    }
}
