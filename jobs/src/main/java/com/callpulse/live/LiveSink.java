package com.callpulse.live;

import org.apache.flink.streaming.api.datastream.DataStream;

import java.io.Serializable;

/**
 * Where live messages go: Kafka topics in production and in the embedded run ({@link KafkaLiveSink}); tests may
 * collect them instead. Like {@link com.callpulse.lake.LakeSinks}, it is handed to the function that builds the graph.
 */
public interface LiveSink extends Serializable {
    /** Messages of one kind; may be called several times for the same topic (several producers of alerts). */
    void publish(LiveTopic topic, DataStream<LiveMessage> messages);

    /** No live output (batch back-fills, tests of other things). */
    static LiveSink none() {
        return (topic, messages) -> {};
    }
}
