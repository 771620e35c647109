package com.callpulse.metrics.live;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.lake.LakeSinks;
import com.callpulse.live.LiveMessage;
import com.callpulse.live.LiveSink;
import com.callpulse.live.LiveTopic;
import com.callpulse.pipeline.AcceptedEvents;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Live queue state for supervisors (docs/metrics.md, "Live queue state"): contact events, handled contact records
 * and agent state events, cut down to {@link LiveInput} in their own chains, keyed by tenant (the only shuffle),
 * into {@link LiveQueueStateFunction}; queue state to {@link LiveTopic#QUEUE_STATE}, service-level breaches to
 * {@link LiveTopic#ALERTS}, agents' states to {@link LiveTopic#AGENTS}, queue exits to {@link LiveTopic#CONTACTS}.
 */
public final class LiveMetrics {
    private LiveMetrics() {}

    public static void build(CallPulseConfig config, AcceptedEvents events, LakeSinks lake, LiveSink live) {
        DataStream<LiveInput> contactEvents = events.contactEvents()
                .filter(e -> LiveInput.counts(e.eventType)).name("live: queue steps").uid("live-queue-steps")
                .map(LiveInput::of).returns(LiveInput.class).name("live: from contact events").uid("live-from-contact-events");
        DataStream<LiveInput> handledLegs = events.contactRecords()
                .filter(LiveInput::counts).name("live: handled legs").uid("live-handled-legs")
                .map(LiveInput::of).returns(LiveInput.class).name("live: from contact records").uid("live-from-contact-records");
        DataStream<LiveInput> agentStates = events.agentStates()
                .map(LiveInput::of).returns(LiveInput.class).name("live: from agent states").uid("live-from-agent-states");
        SingleOutputStreamOperator<LiveMessage> state = contactEvents.union(handledLegs, agentStates)
                .keyBy(in -> in.tenantId)
                .process(new LiveQueueStateFunction(config))
                .returns(TypeInformation.of(LiveMessage.class))
                .name("live queue state")
                .uid("live-queue-state");
        live.publish(LiveTopic.QUEUE_STATE, state);
        live.publish(LiveTopic.ALERTS, state.getSideOutput(LiveQueueStateFunction.ALERTS));
        live.publish(LiveTopic.AGENTS, state.getSideOutput(LiveQueueStateFunction.AGENTS));
        live.publish(LiveTopic.CONTACTS, state.getSideOutput(LiveQueueStateFunction.CONTACTS));
    }
}
