package com.callpulse.generator;

import com.callpulse.model.QuarantineReason;
import com.callpulse.model.Stream;

import java.util.EnumMap;
import java.util.Map;

/** Counts lines and their expected ingestion outcomes per stream, and the injected faults, on the way to a sink. */
public final class ExpectedTally implements LineSink {
    /** Expected outcome counts of one stream (or of all). {@code accepted} includes the lines kept as late. */
    public static final class Counts {
        public long lines;
        public long accepted;
        public long lateKept;
        public long duplicates;
        public final Map<QuarantineReason, Long> rejected = new EnumMap<>(QuarantineReason.class);

        public long rejectedTotal() {
            long n = 0;
            for (long v : rejected.values()) {
                n += v;
            }
            return n;
        }

        void add(Expectation e) {
            lines++;
            switch (e.verdict()) {
                case ACCEPTED:
                    accepted++;
                    if (e.late()) {
                        lateKept++;
                    }
                    break;
                case DUPLICATE:
                    duplicates++;
                    break;
                default:
                    rejected.merge(e.reason(), 1L, Long::sum);
            }
        }
    }

    private final LineSink next;
    private final Map<Stream, Counts> byStream = new EnumMap<>(Stream.class);
    private final Counts total = new Counts();
    private final Map<Fault, Long> faults = new EnumMap<>(Fault.class);

    public ExpectedTally(LineSink next) {
        this.next = next;
        for (Stream s : Stream.values()) {
            byStream.put(s, new Counts());
        }
    }

    @Override
    public void accept(Stream stream, long emitAt, String partitionKey, String line, Expectation expectation) {
        byStream.get(stream).add(expectation);
        total.add(expectation);
        if (expectation.fault() != null) {
            faults.merge(expectation.fault(), 1L, Long::sum);
        }
        next.accept(stream, emitAt, partitionKey, line, expectation);
    }

    @Override
    public void close() {
        next.close();
    }

    public Counts of(Stream s) {
        return byStream.get(s);
    }

    public Counts total() {
        return total;
    }

    /** Lines per injected fault class, in declaration order. */
    public Map<Fault, Long> faults() {
        return faults;
    }

    public long faultyLines() {
        long n = 0;
        for (long v : faults.values()) {
            n += v;
        }
        return n;
    }
}
