package com.callpulse.generator;

import com.callpulse.ingest.OriginClock;
import com.callpulse.model.Event;
import com.callpulse.model.QuarantineReason;
import com.callpulse.model.Stream;
import com.callpulse.schema.EventJsonWriter;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToIntBiFunction;

/**
 * Turns events into lines and delivers them in emission order: occurred_at plus a small delivery jitter, or, for a
 * share of lines, one injected fault. Lines wait in a queue ordered by emission time until the simulation clock has
 * passed them, so the queue holds only what is in flight.
 *
 * <p>Whether a delayed line is flagged late or refused as too late depends on what its origin (file or partition) has
 * delivered before it, so that verdict is taken at delivery by replaying the ingestion lateness gate. A line meant to
 * be late whose origin has not yet moved far enough ahead is held back a little longer.
 */
final class Emitter {
    private static final Fault[] ALL_FAULTS = Fault.values();
    private static final Fault[] SPARSE_STREAM_FAULTS = {Fault.MALFORMED_JSON, Fault.MISSING_FIELD, Fault.WRONG_TYPE, Fault.UNKNOWN_CODE,
        Fault.BAD_TIMESTAMP, Fault.OUT_OF_RANGE, Fault.UNKNOWN_TENANT, Fault.DUPLICATE, Fault.OUT_OF_ORDER, Fault.LATE};
    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;

    /** How a queued line is to be judged when it is delivered. */
    private enum Kind { CLEAN, CONTENT_FAULT, DUPLICATE_COPY, OUT_OF_ORDER, LATE, TOO_LATE }

    private static final class Pending {
        final long seq;
        final Stream stream;
        final String key;
        final String line;
        final long occurredAt;
        final Kind kind;
        final Fault fault;
        final long latestEmit;
        long emitAt;

        Pending(long seq, Stream stream, String key, String line, long occurredAt, Kind kind, Fault fault, long emitAt, long latestEmit) {
            this.seq = seq;
            this.stream = stream;
            this.key = key;
            this.line = line;
            this.occurredAt = occurredAt;
            this.kind = kind;
            this.fault = fault;
            this.emitAt = emitAt;
            this.latestEmit = latestEmit;
        }
    }

    private final LineSink sink;
    private final Origins origins;
    private final SplittableRandom random;
    private final double faultRate;
    private final long shardMillis;
    private final long boundMillis;
    private final long latenessMillis;
    /** One writer per stream: a Chinese survey comment turns a builder to UTF-16 for good, which slows every later line. */
    private final Map<Stream, EventJsonWriter> writers = new HashMap<>();
    private final FaultInjector injector;
    private final Ids ids;
    private final PriorityQueue<Pending> queue = new PriorityQueue<>(4096,
            (a, b) -> a.emitAt != b.emitAt ? Long.compare(a.emitAt, b.emitAt) : Long.compare(a.seq, b.seq));
    /** Per stream: origin id to its clock, kept exactly as the ingestion lateness gate keeps it. */
    private final Map<Stream, Map<Integer, OriginClock>> clocks = new HashMap<>();
    private long seq;
    private long released = Long.MIN_VALUE;
    private long delivered;
    private long tooLateKept;

    Emitter(GeneratorSettings settings, LineSink sink, Origins origins, SplittableRandom random, ToIntBiFunction<Object, Long> offsets, Set<String> tenantIds) {
        this.sink = sink;
        this.origins = origins;
        this.random = random;
        this.faultRate = settings.faultRate();
        this.shardMillis = settings.shardHours() * HOUR;
        this.boundMillis = settings.config().ingest().maxOutOfOrderness().toMillis();
        this.latenessMillis = settings.config().ingest().allowedLateness().toMillis();
        for (Stream s : Stream.values()) {
            writers.put(s, new EventJsonWriter(offsets));
        }
        this.injector = new FaultInjector(new EventJsonWriter(offsets), offsets, tenantIds);
        this.ids = new Ids(settings.seed());
        for (Stream s : Stream.values()) {
            clocks.put(s, new HashMap<>());
        }
    }

    /** Gives the event its id and version, writes it, and queues the line (or lines) for delivery. */
    void emit(Stream stream, Event e, String key) {
        e.eventId = ids.nextEventId();
        e.schemaVersion = 1;
        long occurred = e.occurredAt;
        if (occurred < released) {
            throw new IllegalStateException("an event was emitted after lines due later had been delivered: " + e);
        }
        long emitAt = occurred + jitter();
        EventJsonWriter writer = writers.get(stream);
        Fault fault = faultRate > 0 && random.nextDouble() < faultRate ? chooseFault(stream) : null;
        if (fault == Fault.DUPLICATE && shardEnd(emitAt) - emitAt <= 2 * SECOND) {
            fault = Fault.OUT_OF_ORDER; // the copy must stay in the same file as the original
        }
        if (fault == null) {
            queue(stream, key, writer.write(e), occurred, Kind.CLEAN, null, emitAt, emitAt);
            return;
        }
        switch (fault) {
            case DUPLICATE: {
                String line = writer.write(e);
                queue(stream, key, line, occurred, Kind.CLEAN, null, emitAt, emitAt);
                long copyAt = Math.min(emitAt + Dist.uniformMillis(random, 1, 120), shardEnd(emitAt) - 1);
                queue(stream, key, line, occurred, Kind.DUPLICATE_COPY, Fault.DUPLICATE, copyAt, copyAt);
                return;
            }
            case OUT_OF_ORDER: {
                long at = occurred + Dist.uniformMillis(random, 3, 25);
                queue(stream, key, writer.write(e), occurred, Kind.OUT_OF_ORDER, fault, at, at);
                return;
            }
            case LATE: {
                long at = occurred + Dist.uniformMillis(random, 120, 40 * 60 - 300);
                queue(stream, key, writer.write(e), occurred, Kind.LATE, fault, at, occurred + 40 * MINUTE);
                return;
            }
            case TOO_LATE: {
                long at = occurred + Dist.uniformMillis(random, 2 * 3600, 4 * 3600 - 1200);
                if (at - shardStart(at) < 15 * MINUTE) {
                    at = shardStart(at) + 15 * MINUTE + Dist.uniformMillis(random, 0, 300); // the file must already hold newer events
                }
                queue(stream, key, writer.write(e), occurred, Kind.TOO_LATE, fault, at, occurred + 4 * HOUR);
                return;
            }
            default:
                queue(stream, key, injector.write(fault, stream, e, random), occurred, Kind.CONTENT_FAULT, fault, emitAt, emitAt);
        }
    }

    /** Delivers every line due before {@code now}; nothing emitted from now on can be due earlier. */
    void release(long now) {
        released = now;
        Pending p;
        while ((p = queue.peek()) != null && p.emitAt < now) {
            queue.poll();
            deliver(p);
        }
    }

    void finish() {
        release(Long.MAX_VALUE);
        sink.close();
    }

    long delivered() {
        return delivered;
    }

    /** Lines meant to be too late that no origin would have judged so; they were delivered as late or on-time lines. */
    long tooLateKept() {
        return tooLateKept;
    }

    private void deliver(Pending p) {
        if (p.kind == Kind.CONTENT_FAULT) {
            send(p, Expectation.rejected(p.fault.reason(), p.fault));
            return;
        }
        OriginClock clock = clocks.get(p.stream).computeIfAbsent(origins.of(p.stream, p.emitAt, p.key), o -> new OriginClock());
        OriginClock.Verdict verdict = clock.judge(p.occurredAt, boundMillis, latenessMillis);
        if (p.kind == Kind.TOO_LATE) {
            if (verdict == OriginClock.Verdict.TOO_LATE) {
                send(p, Expectation.rejected(QuarantineReason.TOO_LATE, Fault.TOO_LATE));
                return;
            }
            if (retry(p)) {
                return;
            }
            // its origin never got far enough ahead: deliver it anyway, as the late (or on-time) line it now is
            tooLateKept++;
        }
        boolean late = verdict == OriginClock.Verdict.LATE;
        if (p.kind == Kind.LATE && !late && retry(p)) {
            return;
        }
        if (verdict == OriginClock.Verdict.TOO_LATE) {
            throw new IllegalStateException("a line meant to be kept would be refused as too late: " + p.line);
        }
        clock.observe(p.occurredAt);
        if (p.kind == Kind.DUPLICATE_COPY) {
            send(p, Expectation.duplicate());
        } else if (p.kind == Kind.CLEAN) {
            send(p, Expectation.accepted(late, null));
        } else {
            send(p, Expectation.accepted(late, late ? Fault.LATE : Fault.OUT_OF_ORDER));
        }
    }

    /** Holds a delayed line back by another minute or two, if its delay allows; false when it does not. */
    private boolean retry(Pending p) {
        long next = p.emitAt + Dist.uniformMillis(random, 60, 180);
        if (p.kind == Kind.TOO_LATE && next - shardStart(next) < 15 * MINUTE) {
            next = shardStart(next) + 15 * MINUTE + Dist.uniformMillis(random, 0, 120);
        }
        if (next > p.latestEmit) {
            return false;
        }
        p.emitAt = next;
        queue.add(p);
        return true;
    }

    private void send(Pending p, Expectation e) {
        delivered++;
        sink.accept(p.stream, p.emitAt, p.key, p.line, e);
    }

    private void queue(Stream stream, String key, String line, long occurred, Kind kind, Fault fault, long emitAt, long latestEmit) {
        queue.add(new Pending(seq++, stream, key, line, occurred, kind, fault, emitAt, latestEmit));
    }

    private Fault chooseFault(Stream s) {
        boolean dense = s == Stream.CONTACT_EVENTS || s == Stream.CONTACT_RECORDS || s == Stream.AGENT_STATE_EVENTS;
        Fault[] choices = dense ? ALL_FAULTS : SPARSE_STREAM_FAULTS;
        return choices[random.nextInt(choices.length)];
    }

    /** Delivery delay of a clean line: mostly a few hundred milliseconds, never more than 2 s. */
    private long jitter() {
        return Math.min(2 * SECOND, (long) Dist.exponential(random, 350));
    }

    private long shardStart(long t) {
        return Math.floorDiv(t, shardMillis) * shardMillis;
    }

    private long shardEnd(long t) {
        return shardStart(t) + shardMillis;
    }
}
