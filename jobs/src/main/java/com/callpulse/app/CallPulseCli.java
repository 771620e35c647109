package com.callpulse.app;

import com.callpulse.generator.GenerateCommand;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of the jobs jar: {@code run} (ingest into the lake) and {@code generate} (sample data). The
 * launcher script {@code ./callpulse} adds the commands of the dashboards module and {@code demo}.
 * Submitted to a Flink cluster, the jar's main class runs the same {@code run} command there.
 */
public final class CallPulseCli {
    private static final Logger LOG = LoggerFactory.getLogger(CallPulseCli.class);

    private CallPulseCli() {}

    public static void main(String[] args) {
        int code;
        try {
            code = execute(Arrays.asList(args), System.out, System.err);
        } catch (Exception e) {
            // the full trace is in the log; the terminal gets the cause in one line
            LOG.error("{} failed", args.length > 0 ? args[0] : "callpulse", e);
            System.err.println("error: " + rootCause(e) + " (details: " + System.getProperty("callpulse.log.dir", "logs") + "/callpulse.log)");
            code = 1;
        }
        System.exit(code);
    }

    static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    public static int execute(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("help")) {
            out.println("usage: callpulse-jobs <run|generate> [options]   (--help after a command lists its options)");
            return args.isEmpty() ? 2 : 0;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            switch (args.get(0)) {
                case "run":
                    return RunCommand.run(rest, out, err);
                case "generate":
                    return GenerateCommand.run(rest, out, err);
                default:
                    err.println("unknown command '" + args.get(0) + "'; commands: run, generate");
                    return 2;
            }
        } catch (Args.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(args.get(0).equals("run") ? RunCommand.USAGE : "see: callpulse " + args.get(0) + " --help");
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }
}
