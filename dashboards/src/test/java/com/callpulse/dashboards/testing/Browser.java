package com.callpulse.dashboards.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real browser for tests: Debian's headless Chromium driven through Debian's chromedriver over the W3C WebDriver
 * protocol (plain HTTP and JSON, so no client library and no driver download). {@link #available()} tells whether
 * both are installed ({@code .ci/run} installs them).
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Path profile;

    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Browser tests fail, not skip, without a browser: install Debian's chromium and chromium-driver (.ci/run does). */
    public static void requireInstalled() {
        if (!available()) {
            throw new AssertionError("browser tests need " + CHROMIUM + " and " + CHROMEDRIVER + ": apt-get install chromium chromium-driver");
        }
    }

    public static Browser start() throws IOException, InterruptedException {
        return new Browser();
    }

    private Browser() throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String url = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url + "/status")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    driver.destroyForcibly();
                    throw new IOException("chromedriver did not start", e);
                }
            }
            Thread.sleep(50);
        }
        profile = Files.createTempDirectory("chromium-profile");
        ObjectNode caps = JSON.createObjectNode();
        ObjectNode always = caps.putObject("capabilities").putObject("alwaysMatch");
        always.put("browserName", "chrome");
        ObjectNode options = always.putObject("goog:chromeOptions");
        options.put("binary", CHROMIUM.toString());
        // the flags a root sandbox on this machine needs; background networking is refused by the closed network
        for (String a : List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1600,1000",
                "--user-data-dir=" + profile)) {
            options.withArray("args").add(a);
        }
        JsonNode session = call("POST", url + "/session", caps);
        base = url + "/session/" + session.path("sessionId").asText();
    }

    public void open(String url) throws IOException, InterruptedException {
        call("POST", base + "/url", JSON.createObjectNode().put("url", url));
    }

    /** Runs a script in the page ({@code return ...;}) and gives back its value as JSON. */
    public JsonNode script(String script, Object... args) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("script", script);
        var list = body.putArray("args");
        for (Object a : args) {
            list.addPOJO(a);
        }
        return call("POST", base + "/execute/sync", body);
    }

    /** The text of the first element matching a CSS selector, or null when there is none. */
    public String text(String css) throws IOException, InterruptedException {
        JsonNode v = script("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css);
        return v.isNull() ? null : v.asText();
    }

    /** Polls a script until its value satisfies {@code until} or the timeout passes; the last value either way. */
    public JsonNode waitFor(String script, Predicate<JsonNode> until, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode v = script(script);
        while (!until.test(v) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            v = script(script);
        }
        return v;
    }

    /** Sets a cookie for the current page's origin (open a page of the origin first). */
    public void cookie(String name, String value) throws IOException, InterruptedException {
        ObjectNode c = JSON.createObjectNode();
        c.putObject("cookie").put("name", name).put("value", value).put("path", "/");
        call("POST", base + "/cookie", c);
    }

    public void screenshot(Path png) throws IOException, InterruptedException {
        JsonNode v = call("GET", base + "/screenshot", null);
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(v.asText()));
    }

    private JsonNode call(String method, String url, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json");
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode j = JSON.readTree(r.body());
        if (r.statusCode() != 200) {
            throw new IOException("webdriver " + method + " " + url + ": " + r.statusCode() + " " + j.path("value").path("message").asText(r.body()));
        }
        return j.path("value");
    }

    @Override
    public void close() throws IOException {
        try {
            if (base != null) {
                http.send(HttpRequest.newBuilder(URI.create(base)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
            }
        } catch (IOException | InterruptedException ignored) {
            // the driver goes anyway
        } finally {
            driver.destroy();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
