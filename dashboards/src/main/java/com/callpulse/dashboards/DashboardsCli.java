package com.callpulse.dashboards;

import com.callpulse.dashboards.access.AccessControl;
import com.callpulse.dashboards.access.PasswordHash;
import com.callpulse.dashboards.config.DashboardsConfig;
import com.callpulse.dashboards.report.ReportCommand;
import com.callpulse.dashboards.report.ReportView;
import com.callpulse.dashboards.server.Options;
import com.callpulse.dashboards.server.View;
import com.callpulse.dashboards.server.WebServer;
import com.callpulse.dashboards.sql.QueryCommand;
import com.callpulse.dashboards.sql.SqlView;
import com.callpulse.dashboards.wallboard.WallboardView;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** The dashboards' commands: {@code serve}, {@code report}, {@code query}, {@code hash-password}. */
public final class DashboardsCli {
    static final String SERVE_USAGE = String.join("\n",
            "usage: ./callpulse serve --lake DIR [options]",
            "  --lake DIR             the Parquet lake the report and the SQL console read",
            "  --config FILE          CallPulse's configuration (tenants, live topics, dashboards: users, thresholds)",
            "  --bind ADDRESS         listen address (default dashboards.bind: 127.0.0.1)",
            "  --port N               port (default dashboards.port: 8080; 0 = any free port)",
            "  --live-kafka HOST:PORT the broker with the live topics (default kafka.bootstrap_servers)",
            "  --no-live              no wallboard feed (report and SQL only)");

    private DashboardsCli() {}

    public static void main(String[] args) {
        System.exit(execute(Arrays.asList(args), System.out, System.err));
    }

    public static int execute(List<String> argv, PrintStream out, PrintStream err) {
        if (argv.isEmpty()) {
            err.println("usage: DashboardsCli serve|report|query|hash-password ...");
            return 2;
        }
        List<String> rest = argv.subList(1, argv.size());
        try {
            return switch (argv.get(0)) {
                case "serve" -> serve(rest, out, err);
                case "report" -> ReportCommand.run(rest, out, err);
                case "query" -> QueryCommand.run(rest, out, err);
                case "hash-password" -> hashPassword(rest, out, err);
                default -> {
                    err.println("unknown command " + argv.get(0));
                    yield 2;
                }
            };
        } catch (Options.UsageException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("error: " + e);
            return 1;
        }
    }

    /** Starts the server and blocks until the process is stopped. */
    static int serve(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Options o = Options.parse(args, Set.of("lake", "config", "bind", "port", "live-kafka"), Set.of("no-live", "help"));
        if (o.has("help")) {
            out.println(SERVE_USAGE);
            return 0;
        }
        try (Server s = Server.start(context(o), Clock.systemUTC())) {
            out.println("CallPulse dashboards: " + s.web().address());
            if (s.access().hasNoUsers()) {
                err.println("warning: no users or tokens configured (dashboards.users); nobody can sign in. See docs/dashboards.md, \"Access\".");
            }
            new CountDownLatch(1).await();
        }
        return 0;
    }

    static View.Context context(Options o) {
        Path lake = Path.of(o.require("lake")).toAbsolutePath().normalize();
        if (!Files.isDirectory(lake)) {
            throw new IllegalArgumentException("no lake at " + lake);
        }
        DashboardsConfig config = DashboardsConfig.load(o.has("config") ? Path.of(o.get("config")) : null);
        if (o.has("bind") || o.has("port")) {
            config = config.withServer(o.get("bind", config.bind()), o.has("port") ? Integer.parseInt(o.get("port")) : config.port());
        }
        String broker = o.has("no-live") ? null : o.get("live-kafka", config.kafkaBootstrap());
        return new View.Context(config, lake, broker);
    }

    /** The running server with its views; closing it stops everything. */
    public record Server(WebServer web, AccessControl access, List<View> views) implements AutoCloseable {
        public static Server start(View.Context context, Clock clock) throws Exception {
            AccessControl access = new AccessControl(context.config(), clock);
            WebServer web = new WebServer(context.config(), access);
            List<View> views = new ArrayList<>();
            try {
                views.add(WallboardView.create(context));
                views.add(ReportView.create(context));
                views.add(SqlView.create(context));
                for (View v : views) {
                    v.register(web);
                }
                web.start();
            } catch (Exception | Error e) {
                views.forEach(View::close);
                web.close();
                throw e;
            }
            return new Server(web, access, views);
        }

        @Override
        public void close() {
            web.close();
            views.forEach(View::close);
        }
    }

    /** Prints the hash of a password read from the console or stdin, or a new API token and its hash. */
    static int hashPassword(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Options o = Options.parse(args, Set.of(), Set.of("token", "help"));
        if (o.has("help")) {
            out.println("usage: ./callpulse hash-password          reads a password, prints its password_hash for dashboards.users");
            out.println("       ./callpulse hash-password --token  prints a new API token (give it to the client) and its token_hash");
            return 0;
        }
        if (o.has("token")) {
            String token = PasswordHash.newToken();
            out.println("token:      " + token);
            out.println("token_hash: " + PasswordHash.hashToken(token));
            return 0;
        }
        char[] password;
        Console console = System.console();
        if (console != null) {
            password = console.readPassword("password: ");
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password == null || password.length < 8) {
            err.println("error: a password needs at least 8 characters");
            return 2;
        }
        out.println(PasswordHash.hashPassword(password));
        return 0;
    }
}
