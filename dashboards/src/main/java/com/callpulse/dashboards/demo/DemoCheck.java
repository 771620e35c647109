package com.callpulse.dashboards.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/**
 * The end of a timed demo ({@code ./callpulse demo --for N}, as CI runs it): the server answers, the operator can sign
 * in, and the wallboard's snapshot holds live queues that came through Kafka from the job. Exit 1 otherwise.
 */
public final class DemoCheck {
    private DemoCheck() {}

    public static void main(String[] args) throws Exception {
        String address = args[0];
        String password = null;
        for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2 && f[0].equals("operator")) {
                password = f[1];
            }
        }
        if (password == null) {
            fail("no operator password in " + args[1]);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("operator:" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(address + "health")).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() != 200) {
            fail("/health answered " + health.statusCode());
        }
        HttpResponse<String> board = http.send(HttpRequest.newBuilder(URI.create(address + "api/wallboard")).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString());
        if (board.statusCode() != 200 || !board.body().contains("\"queue_id\"")) {
            fail("/api/wallboard answered " + board.statusCode() + " without live queues: " + board.body().substring(0, Math.min(300, board.body().length())));
        }
        System.out.println("live demo healthy: the wallboard's snapshot has live queues (" + board.body().length() + " bytes)");
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(1);
    }
}
