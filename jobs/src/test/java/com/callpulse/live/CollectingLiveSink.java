package com.callpulse.live;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.streaming.api.datastream.DataStream;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A live sink for tests on a MiniCluster in this JVM: the messages of each topic, in the order each sink subtask
 * received them (so a key's messages keep their order), kept in memory under an id of this sink.
 */
public final class CollectingLiveSink implements LiveSink, AutoCloseable {
    private static final long serialVersionUID = 1L;
    private static final Map<String, ConcurrentLinkedQueue<LiveMessage>> RECEIVED = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();
    private final Map<LiveTopic, Integer> publishers = new EnumMap<>(LiveTopic.class);

    @Override
    public void publish(LiveTopic topic, DataStream<LiveMessage> messages) {
        int n = publishers.merge(topic, 1, Integer::sum);
        String key = id + "/" + topic;
        RECEIVED.putIfAbsent(key, new ConcurrentLinkedQueue<>());
        messages.sinkTo(new Collect(key)).name("collect " + topic).uid("collect-" + topic.code() + "-" + n);
    }

    public List<LiveMessage> messages(LiveTopic topic) {
        ConcurrentLinkedQueue<LiveMessage> q = RECEIVED.get(id + "/" + topic);
        return q == null ? List.of() : new ArrayList<>(q);
    }

    @Override
    public void close() {
        RECEIVED.keySet().removeIf(k -> k.startsWith(id + "/"));
    }

    private static final class Collect implements Sink<LiveMessage> {
        private static final long serialVersionUID = 1L;
        private final String key;

        Collect(String key) {
            this.key = key;
        }

        @Override
        public SinkWriter<LiveMessage> createWriter(WriterInitContext context) {
            ConcurrentLinkedQueue<LiveMessage> q = RECEIVED.get(key);
            return new SinkWriter<>() {
                @Override
                public void write(LiveMessage m, Context ctx) {
                    q.add(new LiveMessage(m.tenantId, m.key, m.eventTime, m.json));
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
