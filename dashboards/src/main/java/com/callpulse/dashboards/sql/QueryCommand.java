package com.callpulse.dashboards.sql;

import java.io.PrintStream;
import java.util.List;

/** {@code ./callpulse query} (issue 4: to be built). */
public final class QueryCommand {
    private QueryCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        err.println("query: not built yet");
        return 2;
    }
}
