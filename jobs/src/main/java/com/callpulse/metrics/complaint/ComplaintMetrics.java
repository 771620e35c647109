package com.callpulse.metrics.complaint;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.lake.LakeSinks;
import com.callpulse.live.LiveSink;
import com.callpulse.live.LiveTopic;
import com.callpulse.metrics.MetricsPipeline;
import com.callpulse.pipeline.AcceptedEvents;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Complaint deadlines on the business calendar, escalations and outcomes (docs/metrics.md, "Complaints"): one keyed
 * function per complaint ({@link ComplaintDeadlines}) feeding three lake tables and the live alerts.
 * <ul>
 *   <li>{@code complaint_escalations}: a row per level a complaint reached, once final;</li>
 *   <li>{@code complaint_outcomes}: a row per complaint, at its close (and at the end of a bounded input);</li>
 *   <li>{@code complaint_intervals}: opened, resolved, on time, breached, escalations... per tenant, category and
 *       level in the interval of each event;</li>
 *   <li>live topic ALERTS: each escalation as it happens.</li>
 * </ul>
 */
public final class ComplaintMetrics {
    public static final String ESCALATIONS = "complaint_escalations";
    public static final String OUTCOMES = "complaint_outcomes";
    public static final String INTERVALS = "complaint_intervals";

    private ComplaintMetrics() {}

    public static void build(CallPulseConfig config, AcceptedEvents events, LakeSinks lake, LiveSink live) {
        SingleOutputStreamOperator<ComplaintFact> facts = events.complaints()
                .keyBy(e -> e.tenantId + "|" + e.complaintId)
                .process(new ComplaintDeadlines(config))
                .name("complaint deadlines")
                .uid("complaint-deadlines");
        lake.table(ESCALATIONS, ComplaintEscalation.class, facts.getSideOutput(ComplaintDeadlines.ESCALATIONS));
        lake.table(OUTCOMES, ComplaintOutcome.class, facts.getSideOutput(ComplaintDeadlines.OUTCOMES));
        live.publish(LiveTopic.ALERTS, facts.getSideOutput(ComplaintDeadlines.ALERTS));
        MetricsPipeline.intervals(INTERVALS, facts, new ComplaintIntervals(), config, lake);
    }
}
