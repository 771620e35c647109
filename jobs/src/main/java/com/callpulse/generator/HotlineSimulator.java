package com.callpulse.generator;

import java.util.List;
import java.util.function.Consumer;

/**
 * A deterministic discrete-event simulation of a provincial telecom hotline over one or more business days: callers
 * arriving on an intraday curve, the IVR, queues with skills, rostered agents with breaks, transfers, abandonment,
 * callbacks, repeat callers, complaints and surveys, and a scripted broadband outage. It writes the five input
 * streams as contract JSON lines, with injected faults, to a {@link LineSink} in emission order. The same settings
 * always produce the same lines.
 */
public final class HotlineSimulator {
    /** Told now and then how far the run is: share of simulated time done, inbound contacts so far, lines emitted. */
    @FunctionalInterface
    public interface Progress {
        void update(double simulatedFraction, long inboundContacts, long lines);
    }

    /**
     * What a run produced.
     *
     * @param tooLateKeptLines lines meant to be too late whose file or partition never got far enough ahead; they were
     *     delivered as late (or on-time) lines instead
     */
    public record Summary(long inboundContacts, long outboundCallbacks, int agents, long complaints, long surveys, long lines, long tooLateKeptLines) {}

    private final GeneratorSettings settings;
    private final List<TenantProfile> profiles;

    public HotlineSimulator(GeneratorSettings settings) {
        this.settings = settings;
        this.profiles = TenantProfile.of(settings.tenants());
    }

    public GeneratorSettings settings() {
        return settings;
    }

    /** Volume share of each tenant, in configuration order. */
    public double[] tenantShares() {
        double[] s = new double[profiles.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = profiles.get(i).share;
        }
        return s;
    }

    public Summary run(LineSink sink) {
        return run(sink, number -> {}, null);
    }

    /** Runs the whole simulation, judging lateness per file of {@code shardHours} (or per partition for an {@link Origins} sink). */
    public Summary run(LineSink sink, Consumer<String> phoneNumbers, Progress progress) {
        Origins origins = sink instanceof Origins ? (Origins) sink : Origins.fileShards(settings.shardHours());
        return run(sink, origins, phoneNumbers, progress);
    }

    /**
     * Runs the whole simulation.
     *
     * @param origins how ingestion will split the lines into origins (files, partitions) when judging lateness
     * @param phoneNumbers told every caller number or handle the run writes, in each textual form used (possibly
     *     several times), including numbers inside survey comments
     * @param progress may be null
     */
    public Summary run(LineSink sink, Origins origins, Consumer<String> phoneNumbers, Progress progress) {
        return new Simulation(settings, profiles, sink, origins, phoneNumbers, progress).run();
    }
}
