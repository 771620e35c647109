package com.callpulse.dashboards.wallboard;

import com.callpulse.dashboards.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.callpulse.dashboards.wallboard.LiveMessages.AS_OF;
import static com.callpulse.dashboards.wallboard.WallboardState.Kind.QUEUE_STATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One server holding many wallboards: {@value #CLIENTS} server-sent event streams (java.net.http, as many screens
 * across a floor) all get each change. Prints the fan-out time (change applied -> last screen has it); asserts
 * only that every screen got every change, in order, and nothing of another tenant.
 */
class WallboardFanOutTest {
    static final int CLIENTS = 400;
    static final int CHANGES = 20;

    @TempDir
    Path lake;

    @Test
    void everyOneOfManyScreensGetsEachChange() throws Exception {
        try (TestServer server = TestServer.start(lake, null)) {
            WallboardView view = server.server().views().stream().filter(v -> v instanceof WallboardView).map(v -> (WallboardView) v).findFirst().orElseThrow();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<SseClient> clients = new ArrayList<>();
            // per change: the screens that got it, and when the last did
            List<CountDownLatch> got = new ArrayList<>();
            long[] lastAt = new long[CHANGES + 1];
            for (int i = 0; i <= CHANGES; i++) {
                got.add(new CountDownLatch(CLIENTS));
            }
            ConcurrentHashMap<Integer, Integer> seen = new ConcurrentHashMap<>();
            try {
                for (int c = 0; c < CLIENTS; c++) {
                    // half the screens are cmcc-ah's users, half the operator's
                    SseClient s = new SseClient(http, server, "/wallboard/events", c % 2 == 0 ? "ah" : "ops");
                    int id = c;
                    s.listen(e -> {
                        if (e.name().equals("message")) {
                            assertThat(e.data().path("tenant_id").asText()).isEqualTo("cmcc-ah");
                            int n = e.data().path("total").path("waiting").asInt();
                            Integer before = seen.put(id, n);
                            if (before == null ? n == 1 : n == before + 1) {
                                got.get(n).countDown();
                                synchronized (lastAt) {
                                    lastAt[n] = Math.max(lastAt[n], e.nanos());
                                }
                            }
                        } else {
                            got.get(0).countDown(); // the snapshot
                        }
                    });
                    clients.add(s);
                }
                long connectStart = System.nanoTime();
                assertThat(got.get(0).await(120, TimeUnit.SECONDS)).as("every screen got its snapshot").isTrue();
                double connectMs = (System.nanoTime() - connectStart) / 1e6;
                assertThat(view.clients()).isEqualTo(CLIENTS);

                List<Double> fanOut = new ArrayList<>();
                for (int n = 1; n <= CHANGES; n++) {
                    long t0 = System.nanoTime();
                    view.accept(QUEUE_STATE, "cmcc-ah|general", LiveMessages.queueState("cmcc-ah", "general", n, AS_OF - 1000, 0.9, 8.0, 0.01, n));
                    assertThat(got.get(n).await(60, TimeUnit.SECONDS)).as("change " + n + " reached every screen").isTrue();
                    synchronized (lastAt) {
                        fanOut.add((lastAt[n] - t0) / 1e6);
                    }
                    Thread.sleep(100);
                }
                assertThat(seen).hasSize(CLIENTS).allSatisfy((k, v) -> assertThat(v).isEqualTo(CHANGES));
                List<Double> sorted = fanOut.stream().sorted().toList();
                System.out.printf(Locale.ROOT, "wallboard fan-out: %d SSE clients on one server (%d threads alive), %d changes: change applied -> last client has it "
                        + "p50 %.1f ms, max %.1f ms; all %d snapshots received %.0f ms after the last connect started%n", CLIENTS, Thread.activeCount(), CHANGES,
                        sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), CLIENTS, connectMs);
            } finally {
                clients.forEach(SseClient::close);
            }
        }
    }
}
