package com.callpulse.metrics.topic;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.HotTopicConfig;
import com.callpulse.config.TenantConfig;
import com.callpulse.live.LiveMessage;
import com.callpulse.time.Timestamps;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hot topics of one tenant (keyed by tenant: the traffic factor and the top-K ranking need all its topics at once),
 * minute by minute in event time, in two chains over the same counts ({@link HotTopicDetector} does the arithmetic):
 *
 * <ul>
 *   <li>The live chain closes a minute once the watermark has passed its end plus the queue-settle time
 *       ({@link ContactTopics#QUEUE_SETTLE_MILLIS}): alerts start and end on the live sink seconds after the minute,
 *       from what has arrived by then.</li>
 *   <li>The final chain closes it once no accepted event can still change it (ingest bound + allowed lateness
 *       later): {@code topic_minutes}, {@code topic_alerts} and {@code topic_alert_drivers} are written once, exact.
 *       On in-order input both chains agree; late events can make the lake differ from what was signalled live, and
 *       then the lake is right.</li>
 * </ul>
 * A count that reaches a minute the final chain has closed (impossible within the lateness) is counted in
 * {@code topicContactsTooLate} and logged, not silently lost. A tenant's state goes when none of its topics has had a
 * contact for baseline_weeks weeks and a day.
 */
public class HotTopicFunction extends KeyedProcessFunction<String, TopicContact, TopicMinute> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(HotTopicFunction.class);
    public static final OutputTag<TopicAlert> ALERTS = new OutputTag<>("topic alerts") {};
    public static final OutputTag<TopicAlertDriver> DRIVERS = new OutputTag<>("topic alert drivers") {};
    public static final OutputTag<LiveMessage> LIVE = new OutputTag<>("topic alerts live") {};
    static final long MINUTE = HotTopicDetector.MINUTE;
    /** At the end of the input, alerts get this long after the last contact's windows have emptied to clear. */
    static final long END_TAIL_MINUTES = 24 * 60;

    private final CallPulseConfig config;
    private final HotTopicConfig hot;
    private final long latenessMillis;
    private transient ValueState<TenantClock> clocks;
    private transient MapState<String, TopicState> topics;
    private transient MapState<String, SeasonalHistory> histories;
    private transient Map<String, HotTopicDetector> detectors;
    private transient Map<String, ZoneId> zones;
    private transient ObjectMapper json;
    private transient Counter tooLate;
    private transient Counter unknownTenant;

    /** @param latenessMillis how far behind the watermark an accepted event can be (ingest bound + allowed lateness) */
    public HotTopicFunction(CallPulseConfig config, long latenessMillis) {
        this.config = config;
        this.hot = config.metrics().hotTopics();
        this.latenessMillis = latenessMillis;
    }

    @Override
    public void open(OpenContext openContext) {
        clocks = getRuntimeContext().getState(new ValueStateDescriptor<>("hot topic clock", TypeInformation.of(TenantClock.class)));
        topics = getRuntimeContext().getMapState(new MapStateDescriptor<>("hot topics", Types.STRING, TypeInformation.of(TopicState.class)));
        histories = getRuntimeContext().getMapState(new MapStateDescriptor<>("hot topic history", Types.STRING, TypeInformation.of(SeasonalHistory.class)));
        detectors = new HashMap<>();
        zones = new HashMap<>();
        for (TenantConfig t : config.tenants()) {
            detectors.put(t.id(), new HotTopicDetector(t.id(), hot, t.timeZone().getRules()));
            zones.put(t.id(), t.timeZone());
        }
        json = new ObjectMapper();
        tooLate = getRuntimeContext().getMetricGroup().counter("topicContactsTooLate");
        unknownTenant = getRuntimeContext().getMetricGroup().counter("topicContactsUnknownTenant");
    }

    @Override
    public void processElement(TopicContact c, Context ctx, Collector<TopicMinute> out) throws Exception {
        HotTopicDetector detector = detectors.get(c.tenantId);
        if (detector == null) {
            unknownTenant.inc(); // ingestion refuses unconfigured tenants, so this cannot happen
            return;
        }
        long minute = Math.floorDiv(c.at, MINUTE);
        TenantClock clock = clocks.value();
        boolean reschedule = false;
        if (clock == null) {
            clock = new TenantClock(minute);
            reschedule = true;
        }
        if (minute < clock.finalNext) {
            if (clock.finalNext != clock.start) {
                tooLate.inc();
                if (tooLate.getCount() == 1 || tooLate.getCount() % 1000 == 0) {
                    LOG.warn("{} hot-topic count(s) reached minutes already final and are not in topic_minutes, e.g. {}", tooLate.getCount(), c);
                }
                return;
            }
            clock.start = minute; // the final chain has not begun: it begins earlier
            clock.finalNext = minute;
            reschedule = true;
        }
        if (minute < clock.liveNext && clock.liveNext == clock.liveStart) {
            clock.liveStart = minute;
            clock.liveNext = minute;
            reschedule = true;
        }
        TopicState t = topics.get(c.topic);
        if (t == null) {
            t = new TopicState(c.topic);
            t.live.w = detector.initialWeight(clock.liveNext - clock.liveStart);
            t.fin.w = detector.initialWeight(clock.finalNext - clock.start);
        }
        t.add(c, minute);
        topics.put(c.topic, t);
        clock.lastMinute = Math.max(clock.lastMinute, minute);
        clocks.update(clock);
        if (reschedule) {
            ctx.timerService().registerEventTimeTimer(timer(clock.liveNext, true));
            ctx.timerService().registerEventTimeTimer(timer(clock.finalNext, false));
        }
    }

    /** When minute {@code m} of a chain can close. */
    private long timer(long m, boolean live) {
        return (m + 1) * MINUTE + ContactTopics.QUEUE_SETTLE_MILLIS + (live ? 0 : latenessMillis);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<TopicMinute> out) throws Exception {
        TenantClock clock = clocks.value();
        if (clock == null) {
            return;
        }
        String tenant = ctx.getCurrentKey();
        long watermark = ctx.timerService().currentWatermark();
        boolean end = watermark == Long.MAX_VALUE;
        if (!end && timer(clock.liveNext, true) > watermark && timer(clock.finalNext, false) > watermark) {
            return; // nothing to close yet (the other chain's timer)
        }
        List<TopicState> all = new ArrayList<>();
        for (TopicState t : topics.values()) {
            all.add(t);
        }
        all.sort((a, b) -> a.topic.compareTo(b.topic));
        Map<String, SeasonalHistory> history = new HashMap<>();
        for (Map.Entry<String, SeasonalHistory> h : histories.entries()) {
            history.put(h.getKey(), h.getValue());
        }
        HotTopicDetector detector = detectors.get(tenant);
        clock.liveNext = advance(true, clock.liveStart, clock.liveNext, clock, watermark, all, history, detector, ctx, out);
        clock.finalNext = advance(false, clock.start, clock.finalNext, clock, watermark, all, history, detector, ctx, out);

        long keepFrom = clock.finalNext - 59;
        long forgetBefore = clock.finalNext - (7L * hot.baselineWeeks() + 1) * 24 * 60;
        boolean any = false;
        for (TopicState t : all) {
            if (!end && t.lastContactMinute < forgetBefore && t.live.open == null && t.fin.open == null) {
                topics.remove(t.topic);
                histories.remove(t.topic);
                continue;
            }
            any = true;
            t.trim(keepFrom);
            topics.put(t.topic, t);
            SeasonalHistory h = history.get(t.topic);
            if (h != null) {
                histories.put(t.topic, h);
            }
        }
        if (!any) {
            clocks.clear();
            ctx.timerService().deleteEventTimeTimer(timer(clock.liveNext, true));
            ctx.timerService().deleteEventTimeTimer(timer(clock.finalNext, false));
            return;
        }
        clocks.update(clock);
        if (!end) {
            ctx.timerService().registerEventTimeTimer(timer(clock.liveNext, true));
            ctx.timerService().registerEventTimeTimer(timer(clock.finalNext, false));
        } else if (all.stream().anyMatch(t -> t.fin.open != null)) {
            LOG.warn("tenant {}: hot-topic alerts still open {} minutes after the last contact when the input ended; not written to topic_alerts",
                    tenant, END_TAIL_MINUTES);
        }
    }

    /** Closes the chain's minutes up to the watermark (at the end of the input: until its windows are empty and alerts cleared). */
    private long advance(boolean live, long start, long next, TenantClock clock, long watermark, List<TopicState> all,
            Map<String, SeasonalHistory> history, HotTopicDetector detector, OnTimerContext ctx, Collector<TopicMinute> out) throws Exception {
        boolean end = watermark == Long.MAX_VALUE;
        while (true) {
            if (end) {
                boolean open = false;
                for (TopicState t : all) {
                    open |= t.chain(live).open != null;
                }
                if ((next > clock.lastMinute + 59 && !open) || next > clock.lastMinute + 59 + END_TAIL_MINUTES) {
                    return next;
                }
            } else if (timer(next, live) > watermark) {
                return next;
            }
            HotTopicDetector.Minute m = detector.step(live, next, start, all, history, !live);
            if (live) {
                for (HotTopicDetector.Alert a : m.alerts) {
                    ctx.output(LIVE, liveMessage(a));
                }
            } else {
                for (int i = 0; i < m.rows.size(); i++) {
                    if (m.active.get(i)) {
                        out.collect(m.rows.get(i));
                    }
                }
                for (HotTopicDetector.Alert a : m.alerts) {
                    if (a.started) {
                        for (TopicAlertDriver d : a.drivers) {
                            ctx.output(DRIVERS, d);
                        }
                    } else {
                        ctx.output(ALERTS, a.alert);
                    }
                }
            }
            next++;
        }
    }

    /** The live alert: what started or ended, and why (docs/metrics.md, "Live sink"). */
    private LiveMessage liveMessage(HotTopicDetector.Alert e) {
        TopicAlert a = e.alert;
        TopicMinute r = e.row;
        ZoneId zone = zones.get(a.tenantId);
        ObjectNode j = json.createObjectNode();
        long occurredAt = r.minuteStart + MINUTE; // the end of the minute that raised or cleared it
        j.put("type", a.kind.liveType());
        j.put("version", 1);
        j.put("alert_id", a.alertId);
        j.put("state", e.started ? "raised" : "cleared");
        j.put("tenant_id", a.tenantId);
        j.put("occurred_at", time(occurredAt, zone));
        j.put("occurred_at_ms", occurredAt);
        j.put("topic", a.topic);
        j.put("minute", time(r.minuteStart, zone));
        j.put("started_at", time(a.startedAt, zone));
        j.put("window_minutes", 15);
        j.put("observed", r.observed15);
        j.put("expected", r.expected15);
        j.put("z", r.z15);
        j.put("growth", r.growth15);
        j.put("observed_60", r.observed60);
        j.put("expected_60", r.expected60);
        j.put("z_60", r.z60);
        j.put("baseline", r.baseline.code());
        j.put("traffic_factor", r.trafficFactor15);
        j.put("rank", r.growthRank);
        if (e.started) {
            ArrayNode regions = j.putArray("regions");
            ArrayNode queues = j.putArray("queues");
            String lead = null;
            for (TopicAlertDriver d : e.drivers) {
                ObjectNode n = (d.dimension == DriverDimension.REGION ? regions : queues).addObject();
                n.put(d.dimension == DriverDimension.REGION ? "region" : "queue", d.value);
                n.put("observed", d.observed15);
                n.put("expected", d.expected15);
                n.put("share", d.share);
                if (lead == null && d.dimension == DriverDimension.REGION && d.value != null) {
                    lead = d.value + String.format(Locale.ROOT, " (%.0f%%)", 100 * d.share);
                }
            }
            j.put("ivr_self_service_share", a.ivrSelfServiceShare);
            j.put("suggestion", a.suggestion.code());
            j.put("advice", advice(a, lead));
        } else {
            j.put("ended_at", time(a.endedAt, zone));
            j.put("cleared_at", time(a.clearedAt, zone));
            j.put("duration_minutes", a.durationMinutes);
            j.put("peak_at", time(a.peakAt, zone));
            j.put("peak_z", a.peakZ15);
            j.put("observed_total", a.observedTotal);
            j.put("expected_total", a.expectedTotal);
        }
        try {
            return new LiveMessage(a.tenantId, a.tenantId + "|" + a.alertId, occurredAt, json.writeValueAsString(j));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException("cannot write a live alert", ex);
        }
    }

    static String advice(TopicAlert a, String leadRegion) {
        String where = leadRegion == null ? "" : "; most of it from " + leadRegion;
        switch (a.suggestion) {
            case DIVERT_TO_IVR:
                return String.format(Locale.ROOT, "%s is surging (%d contacts in 15 min, %.1f expected%s). The IVR already serves %.0f%% of these callers: "
                        + "announce it at the IVR entry and divert callers to the IVR self-service path.", a.topic, a.observed15, a.expected15, where,
                        100 * a.ivrSelfServiceShare);
            case NO_SELF_SERVICE_PATH:
                return String.format(Locale.ROOT, "%s is surging (%d contacts in 15 min, %.1f expected%s). No self-service path is seen for it (the IVR served "
                        + "%s of its callers in the last hour): staff its queues, or set up an IVR announcement.", a.topic, a.observed15, a.expected15, where,
                        a.ivrSelfServiceShare == null ? "none" : String.format(Locale.ROOT, "%.0f%%", 100 * a.ivrSelfServiceShare));
            default:
                return String.format(Locale.ROOT, "%s has dropped (%d contacts in 15 min, %.1f expected%s): check its IVR option, routing and numbers.",
                        a.topic, a.observed15, a.expected15, where);
        }
    }

    /** The timestamp format of every live message (millisecond precision, the tenant's offset then). */
    private static String time(Long epochMillis, ZoneId zone) {
        return epochMillis == null ? null
                : Timestamps.format(epochMillis, zone.getRules().getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds());
    }
}
