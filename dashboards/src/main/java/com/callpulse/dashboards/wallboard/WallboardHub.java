package com.callpulse.dashboards.wallboard;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fan-out from the one feed to the N screens. Each change is encoded once as a server-sent event frame and
 * offered to the bounded queue of every client that may see its tenant; a client whose queue is full (a screen that
 * stopped reading) is dropped, never waited for, so one slow screen cannot delay the others. EventSource reconnects
 * by itself and starts again from a snapshot.
 */
final class WallboardHub {
    /** Written to a dropped client's queue so that its thread stops. */
    private static final byte[] DROPPED = new byte[0];

    final class Client {
        private final Set<String> tenants;
        private final BlockingQueue<byte[]> queue;
        private volatile boolean dropped;

        private Client(Set<String> tenants, int capacity) {
            this.tenants = Set.copyOf(tenants);
            this.queue = new ArrayBlockingQueue<>(capacity + 1); // + 1: room for the DROPPED mark
        }

        /** The next frame, or null after {@code wait} without one; {@link #DROPPED} ends the stream. */
        byte[] next(long waitMillis) throws InterruptedException {
            return queue.poll(waitMillis, TimeUnit.MILLISECONDS);
        }

        Set<String> tenants() {
            return tenants;
        }

        /** A new snapshot (after the feed caught up) replaces nothing queued: the screen applies it in order. */
        void offerSnapshot(byte[] frame) {
            offer(frame);
        }

        boolean isDropped(byte[] frame) {
            return frame == DROPPED;
        }

        private void offer(byte[] frame) {
            if (dropped) {
                return;
            }
            if (queue.remainingCapacity() <= 1 || !queue.offer(frame)) {
                dropped = true;
                dropCount.incrementAndGet();
                queue.clear();
                queue.offer(DROPPED);
            }
        }
    }

    private final CopyOnWriteArrayList<Client> clients = new CopyOnWriteArrayList<>();
    private final int capacity;
    private final AtomicLong dropCount = new AtomicLong();

    WallboardHub(int capacity) {
        this.capacity = capacity;
    }

    Client register(Set<String> tenants) {
        Client c = new Client(tenants, capacity);
        clients.add(c);
        return c;
    }

    void unregister(Client c) {
        clients.remove(c);
    }

    /** Offers a frame to every client that sees {@code tenant}; never blocks. */
    void publish(String tenant, byte[] frame) {
        for (Client c : clients) {
            if (c.tenants.contains(tenant)) {
                c.offer(frame);
            }
        }
    }

    void forEach(java.util.function.Consumer<Client> f) {
        clients.forEach(f);
    }

    int clients() {
        return clients.size();
    }

    long dropped() {
        return dropCount.get();
    }

    /** One server-sent event: an optional event name and one line of JSON. */
    static byte[] frame(String event, byte[] json) {
        byte[] head = (event == null ? "data: " : "event: " + event + "\ndata: ").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + json.length + 2];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(json, 0, out, head.length, json.length);
        out[out.length - 2] = '\n';
        out[out.length - 1] = '\n';
        return out;
    }
}
