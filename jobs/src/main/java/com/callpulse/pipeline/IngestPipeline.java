package com.callpulse.pipeline;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.ingest.DeduplicateFunction;
import com.callpulse.ingest.Ingested;
import com.callpulse.ingest.LatenessGate;
import com.callpulse.ingest.SplitByStream;
import com.callpulse.lake.LakeSinks;
import com.callpulse.lake.ParquetLake;
import com.callpulse.lake.QuarantineRecord;
import com.callpulse.model.Event;
import com.callpulse.model.Stream;
import com.callpulse.privacy.Pseudonymize;
import com.callpulse.reconcile.Outcome;
import com.callpulse.reconcile.TallyDelta;
import com.callpulse.reconcile.TallyOperator;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ingestion graph, from raw records to the lake. It takes its source and sinks as arguments, so the same
 * graph runs from files or Kafka, embedded or on a cluster, and in tests.
 *
 * <pre>
 *  source (parse + validate, watermarks) ─ tally read ─ pseudonymize ─ lateness gate ─┬─ refused ───────────────┐
 *   (one chain per source)                                                            └─ keyBy event id         │
 *                                                                   de-duplicate ─┬─ duplicates, too late ──────┤
 *                                                                                 └─ tally accepted ─ split     │
 *                                                                       five fact tables ◄──────────────┘       │
 *                                                                       quarantine table ◄─ tally quarantined ──┘
 *                                          run summary ◄── tally deltas of the three tallies
 * </pre>
 *
 * Personal data is removed in the source's own chain, before the only shuffle, so no phone number ever crosses
 * the network, sits in state or reaches a file.
 */
public final class IngestPipeline {
    private IngestPipeline() {}

    /** Builds ingestion; returns the accepted, pseudonymized events of each stream for the metrics. */
    public static AcceptedEvents build(StreamExecutionEnvironment env, CallPulseConfig config, IngestSource source, LakeSinks sinks) {
        // Chained operators hand records on by reference instead of copying each one (a POJO deep copy per operator).
        // Safe here: every function here finishes changing a record before emitting it and keeps no reference to it.
        env.getConfig().enableObjectReuse();
        List<DataStream<Ingested>> gated = new ArrayList<>();
        List<DataStream<Ingested>> refusedAtGate = new ArrayList<>();
        List<DataStream<TallyDelta>> deltas = new ArrayList<>();
        for (Map.Entry<String, DataStream<Ingested>> e : source.open(env, config).entrySet()) {
            String id = e.getKey();
            DataStream<Ingested> raw = e.getValue();
            SingleOutputStreamOperator<Ingested> read = raw
                    .transform("tally read", TypeInformation.of(Ingested.class), new TallyOperator<Ingested>((r, t) -> t.add(r.stream, Outcome.READ)))
                    .uid("tally-read-" + id)
                    .setParallelism(raw.getParallelism());
            deltas.add(read.getSideOutput(TallyOperator.DELTAS));
            SingleOutputStreamOperator<Ingested> gate = read
                    .map(new Pseudonymize(config.privacy().pseudonymSecret()))
                    .name("pseudonymize")
                    .uid("pseudonymize-" + id)
                    .setParallelism(raw.getParallelism())
                    .process(new LatenessGate(config.ingest().maxOutOfOrderness().toMillis(), config.ingest().allowedLateness().toMillis()))
                    .name("lateness gate")
                    .uid("lateness-gate-" + id)
                    .setParallelism(raw.getParallelism());
            gated.add(gate);
            refusedAtGate.add(gate.getSideOutput(LatenessGate.REFUSED));
        }

        SingleOutputStreamOperator<Ingested> unique = union(gated)
                .keyBy(Ingested::dedupKey)
                .process(new DeduplicateFunction(config.ingest().dedupHorizonMillis()))
                .name("de-duplicate")
                .uid("deduplicate");

        SingleOutputStreamOperator<Ingested> accepted = unique
                .transform("tally accepted", TypeInformation.of(Ingested.class), new TallyOperator<Ingested>((r, t) -> {
                    t.add(r.stream, Outcome.ACCEPTED);
                    if (r.late) {
                        t.add(r.stream, Outcome.LATE_KEPT);
                    }
                }))
                .uid("tally-accepted");
        deltas.add(accepted.getSideOutput(TallyOperator.DELTAS));

        SingleOutputStreamOperator<Ingested> split = accepted.process(new SplitByStream()).name("split by stream").uid("split-by-stream");
        AcceptedEvents events = new AcceptedEvents(split);
        for (Stream s : Stream.values()) {
            write(sinks, s, events.of(s));
        }

        List<DataStream<Ingested>> refused = new ArrayList<>(refusedAtGate);
        refused.add(unique.getSideOutput(DeduplicateFunction.QUARANTINE));
        SingleOutputStreamOperator<Ingested> quarantined = union(refused)
                .transform("tally quarantined", TypeInformation.of(Ingested.class), new TallyOperator<Ingested>((r, t) -> t.add(r.stream, Outcome.of(r.reason))))
                .uid("tally-quarantined");
        deltas.add(quarantined.getSideOutput(TallyOperator.DELTAS));
        sinks.table(ParquetLake.QUARANTINE, QuarantineRecord.class, quarantined.map(QuarantineRecord::of).name("to quarantine rows").uid("to-quarantine-rows"));

        sinks.runSummary(union(deltas));
        return events;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Event> void write(LakeSinks sinks, Stream s, DataStream<E> facts) {
        sinks.table(s.code(), (Class<E>) s.eventClass(), facts);
    }

    private static <T> DataStream<T> union(List<DataStream<T>> streams) {
        DataStream<T> first = streams.get(0);
        if (streams.size() == 1) {
            return first;
        }
        @SuppressWarnings("unchecked")
        DataStream<T>[] rest = streams.subList(1, streams.size()).toArray(new DataStream[0]);
        return first.union(rest);
    }
}
