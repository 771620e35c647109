package com.callpulse.pipeline;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.ingest.Ingested;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Where raw records come from. An implementation creates its Flink sources with their watermark strategy
 * (timestamps are assigned in the source, per split, which is what keeps watermarks right when splits are
 * read at different speeds) and returns one stream per source, by a stable name; the pipeline chains its first
 * steps to each and derives their operator ids from the name, so state finds its operator again after a restart.
 */
public interface IngestSource extends Serializable {
    Map<String, DataStream<Ingested>> open(StreamExecutionEnvironment env, CallPulseConfig config);

    /**
     * What is read, for the run summary and to recognize a run to resume: {@code files:/data/day}, or
     * {@code kafka:broker:9092 topics=... group=...}.
     */
    String describe();

    /** The inputs as they are now (file, size, modification time), to refuse resuming a run whose input changed. */
    default List<String> inputs() {
        return List.of();
    }

    /** True when the source ends by itself (files, bounded Kafka), false for a live feed. */
    boolean bounded();
}
