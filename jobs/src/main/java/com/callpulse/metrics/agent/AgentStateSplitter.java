package com.callpulse.metrics.agent;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.TenantConfig;
import com.callpulse.model.AgentStateEvent;
import com.callpulse.time.Intervals;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Follows each agent's state in event time and hands on the time spent in each state, interval by interval, for
 * {@code agent_state_intervals}. Keyed by tenant and agent; the arithmetic is {@link AgentTimeline}'s.
 *
 * <ul>
 *   <li>An interval's time is emitted when the watermark passes its end plus {@code metrics.allowed_lateness}, by
 *       an event-time timer, not when the agent's next event comes: a state that lasts for hours reaches every
 *       interval it spans just before that interval is final. Waiting the allowed lateness first means an event
 *       that is late but within it changes nothing already emitted.</li>
 *   <li>A later event (ingestion accepts events up to {@code ingest.max_out_of_orderness + ingest.allowed_lateness}
 *       behind) is put in its place in the timeline and the difference it makes to the time already emitted is
 *       emitted as pieces, negative for what no longer holds: the interval tables restate what it changed.</li>
 *   <li>A state without a next event is cut after {@code cap} (a missing logout) and counted once in
 *       {@code capped_states}. An event that starts a session without a login counts from that event (the job may
 *       start while agents are logged in); counted in {@code sessionsWithoutLogin}.</li>
 *   <li>Once the agent is logged out (or cut off), everything emitted and no accepted event can reach back before
 *       that any more (the ingestion horizon), the agent's state is cleared; there is one timer per agent at most.
 *       Marks older than that horizon are pruned as the agent works.</li>
 *   <li>An event even older than that horizon cannot have been accepted; should one come, it is not counted
 *       ({@code eventsBeyondHorizon}, logged), since the timeline it belongs in is gone.</li>
 * </ul>
 */
public class AgentStateSplitter extends KeyedProcessFunction<String, AgentStateEvent, AgentStatePiece> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AgentStateSplitter.class);

    private final CallPulseConfig config;
    private final long latenessMillis;
    private final long horizonMillis;
    private final long capMillis;
    private transient ValueState<AgentTimeline> state;
    private transient Map<String, Intervals> intervals;
    private transient AgentTimeline.Pieces pieces;
    private transient Counter lateCorrections;
    private transient Counter cappedStates;
    private transient Counter sessionsWithoutLogin;
    private transient Counter beyondHorizon;

    /**
     * @param capMillis a state that lasts longer without a next event is cut here (a missing logout)
     */
    public AgentStateSplitter(CallPulseConfig config, long capMillis) {
        this.config = config;
        this.latenessMillis = config.metrics().allowedLateness().toMillis();
        this.horizonMillis = config.ingest().dedupHorizonMillis();
        this.capMillis = capMillis;
    }

    /** The key: tenant and agent. */
    public static String key(AgentStateEvent e) {
        return AgentKey.agent(e.tenantId, e.agentId);
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("agent state timeline", AgentTimeline.class));
        intervals = new HashMap<>();
        for (TenantConfig t : config.tenants()) {
            intervals.put(t.id(), new Intervals(t.timeZone(), config.metrics().intervalMinutes()));
        }
        pieces = new AgentTimeline.Pieces();
        lateCorrections = getRuntimeContext().getMetricGroup().counter("lateCorrections");
        cappedStates = getRuntimeContext().getMetricGroup().counter("cappedStates");
        sessionsWithoutLogin = getRuntimeContext().getMetricGroup().counter("sessionsWithoutLogin");
        beyondHorizon = getRuntimeContext().getMetricGroup().counter("eventsBeyondHorizon");
    }

    @Override
    public void processElement(AgentStateEvent e, Context ctx, Collector<AgentStatePiece> out) throws Exception {
        Intervals iv = intervals.get(e.tenantId);
        if (iv == null) {
            return; // not a configured tenant: ingestion refuses those, so this cannot happen
        }
        long watermark = ctx.timerService().currentWatermark();
        if (e.occurredAt < horizon(watermark)) {
            beyondHorizon.inc();
            if (beyondHorizon.getCount() == 1 || beyondHorizon.getCount() % 1000 == 0) {
                LOG.warn("{} agent state event(s) older than the ingestion horizon are not counted, e.g. {} of agent {} at {}",
                        beyondHorizon.getCount(), e.state, e.agentId, e.occurredAt);
            }
            return;
        }
        AgentTimeline t = state.value();
        if (t == null) {
            t = AgentTimeline.start(e.tenantId, e.agentId, iv.start(e.occurredAt));
        }
        int at = t.add(StateMark.of(e), iv, capMillis, pieces);
        if (t.startsSessionWithoutLogin(at, capMillis)) {
            sessionsWithoutLogin.inc();
        }
        if (emit(out) > 0) {
            lateCorrections.inc(); // only a late event (before emittedUntil) changes time already emitted
        }
        schedule(t, ctx.timerService(), iv);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AgentStatePiece> out) throws Exception {
        AgentTimeline t = state.value();
        if (t == null) {
            return;
        }
        Intervals iv = intervals.get(t.tenantId);
        if (iv == null) {
            state.clear(); // the tenant is no longer configured (a restart with another configuration)
            return;
        }
        long watermark = Math.max(timestamp, ctx.timerService().currentWatermark());
        t.timer = AgentTimeline.NO_TIMER; // this one has fired
        // every interval whose end plus the allowed lateness the watermark has passed, while anything still counts
        while (!t.finished(capMillis) && iv.end(t.emittedUntil) + latenessMillis <= watermark) {
            t.emit(iv.end(t.emittedUntil), iv, capMillis, pieces);
        }
        emit(out);
        long horizon = horizon(watermark);
        if (t.finished(capMillis) && t.countingEnd(capMillis) < horizon) {
            state.clear(); // logged out, all emitted, and no accepted event can reach back before the logout any more
            return;
        }
        t.prune(Math.min(horizon, t.emittedUntil));
        schedule(t, ctx.timerService(), iv);
    }

    private int emit(Collector<AgentStatePiece> out) {
        return pieces.drainTo(p -> {
            if (p.capped != 0) {
                cappedStates.inc(p.capped);
            }
            out.collect(p);
        });
    }

    /** Keeps exactly one timer: the next emission while anything counts, else the clean-up past the horizon. */
    private void schedule(AgentTimeline t, TimerService timers, Intervals iv) throws Exception {
        long wake = t.finished(capMillis)
                ? t.countingEnd(capMillis) + horizonMillis + 1
                : iv.end(t.emittedUntil) + latenessMillis;
        if (wake != t.timer) {
            if (t.timer != AgentTimeline.NO_TIMER) {
                timers.deleteEventTimeTimer(t.timer);
            }
            timers.registerEventTimeTimer(wake);
            t.timer = wake;
        }
        state.update(t);
    }

    /** The oldest time an accepted event can still have: the watermark less the ingestion horizon. */
    private long horizon(long watermark) {
        return watermark == Long.MIN_VALUE ? Long.MIN_VALUE : watermark - horizonMillis;
    }
}
