package com.callpulse.pipeline;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.lake.LakeSinks;
import com.callpulse.live.LiveSink;
import com.callpulse.metrics.MetricsPipeline;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The whole job: ingestion into the fact tables, and the metrics computed from the accepted events into the lake
 * and, for the live ones, the live sink.
 */
public final class CallPulsePipeline {
    private CallPulsePipeline() {}

    public static void build(StreamExecutionEnvironment env, CallPulseConfig config, IngestSource source, LakeSinks lake, LiveSink live) {
        AcceptedEvents events = IngestPipeline.build(env, config, source, lake);
        MetricsPipeline.build(config, events, lake, live);
    }
}
