package com.callpulse.metrics.topic;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.lake.LakeSinks;
import com.callpulse.live.LiveSink;
import com.callpulse.live.LiveTopic;
import com.callpulse.model.ContactEvent;
import com.callpulse.model.ContactEventType;
import com.callpulse.pipeline.AcceptedEvents;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Hot topics: per-minute counts per tenant and IVR-recognized topic against a baseline, surges and drops with
 * hysteresis, explained by region and queue, live and in the lake (docs/metrics.md, "Hot topics").
 *
 * <pre>
 * contact events ─ arrived, ivr_left, queued, ended ─ keyBy tenant|contact ─ count each contact once per topic
 *   ─ keyBy tenant ─ minutes, baselines, alerts ─┬─ topic_minutes
 *                                                 ├─ topic_alerts, topic_alert_drivers
 *                                                 └─ live: alerts
 * </pre>
 */
public final class HotTopicMetrics {
    private HotTopicMetrics() {}

    public static void build(CallPulseConfig config, AcceptedEvents events, LakeSinks lake, LiveSink live) {
        long lateness = config.ingest().maxOutOfOrderness().toMillis() + config.ingest().allowedLateness().toMillis();
        DataStream<TopicContact> contacts = events.contactEvents()
                .filter(HotTopicMetrics::counts).name("hot topics: contact steps").uid("hot-topics-contact-steps")
                .keyBy(e -> e.tenantId + "|" + e.contactId)
                .process(new ContactTopicFunction(lateness))
                .name("hot topics: each contact once per topic").uid("hot-topics-contact-topics");
        SingleOutputStreamOperator<TopicMinute> minutes = contacts
                .keyBy(c -> c.tenantId)
                .process(new HotTopicFunction(config, lateness))
                .name("metric topic_minutes").uid("metric-topic-minutes");
        lake.table("topic_minutes", TopicMinute.class, minutes);
        lake.table("topic_alerts", TopicAlert.class, minutes.getSideOutput(HotTopicFunction.ALERTS));
        lake.table("topic_alert_drivers", TopicAlertDriver.class, minutes.getSideOutput(HotTopicFunction.DRIVERS));
        live.publish(LiveTopic.ALERTS, minutes.getSideOutput(HotTopicFunction.LIVE));
    }

    /** The steps of a contact that tell its topic, region, queue and end. */
    static boolean counts(ContactEvent e) {
        ContactEventType t = e.eventType;
        return e.contactId != null && (t == ContactEventType.ARRIVED || t == ContactEventType.IVR_LEFT || t == ContactEventType.QUEUED
                || t == ContactEventType.ENDED);
    }
}
