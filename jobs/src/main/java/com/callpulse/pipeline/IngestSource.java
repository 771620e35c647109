package com.callpulse.pipeline;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.ingest.Ingested;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.Serializable;
import java.util.List;

/**
 * Where raw records come from. An implementation creates its Flink sources with their watermark strategy
 * (timestamps are assigned in the source, per split, which is what keeps watermarks right when splits are
 * read at different speeds) and returns one stream per source; the pipeline chains its first steps to each.
 */
public interface IngestSource extends Serializable {
    List<DataStream<Ingested>> open(StreamExecutionEnvironment env, CallPulseConfig config);

    /** For the run summary and logs, e.g. {@code files:/data/day} or {@code kafka:broker:9092}. */
    String describe();

    /** True when the source ends by itself (files, bounded Kafka), false for a live feed. */
    boolean bounded();
}
