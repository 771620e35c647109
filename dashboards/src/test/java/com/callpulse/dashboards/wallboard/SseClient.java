package com.callpulse.dashboards.wallboard;

import com.callpulse.dashboards.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A server-sent events reader over java.net.http, as a script or a test reads {@code /wallboard/events}: lines are
 * parsed asynchronously (no thread per stream), each event is queued and handed to an optional listener.
 */
final class SseClient implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    record Event(String name, JsonNode data, long nanos) {}

    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Void>> response;
    private volatile Flow.Subscription subscription;
    private volatile Consumer<Event> listener = e -> {};

    SseClient(HttpClient http, TestServer server, String path, String user) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.url(path))).header("Authorization", TestServer.basic(user))
                .header("Accept", "text/event-stream").build();
        response = http.sendAsync(req, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
            String name;
            StringBuilder data = new StringBuilder();

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        try {
                            Event e = new Event(name == null ? "message" : name, JSON.readTree(data.toString()), System.nanoTime());
                            events.add(e);
                            listener.accept(e);
                        } catch (IOException ex) {
                            throw new IllegalStateException(ex);
                        }
                    }
                    name = null;
                    data = new StringBuilder();
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }

            @Override
            public void onError(Throwable t) {}

            @Override
            public void onComplete() {}
        }));
    }

    void listen(Consumer<Event> l) {
        listener = l;
    }

    int status() throws Exception {
        return response.get(30, TimeUnit.SECONDS).statusCode();
    }

    /** The next event that satisfies {@code p}, skipping others; fails after {@code timeout}. */
    Event await(Predicate<Event> p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Event e = events.poll(50, TimeUnit.MILLISECONDS);
            if (e != null && p.test(e)) {
                return e;
            }
        }
        throw new AssertionError("no such event within " + timeout);
    }

    /** The next event, or null after {@code timeout}. */
    Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        response.cancel(true);
    }
}
