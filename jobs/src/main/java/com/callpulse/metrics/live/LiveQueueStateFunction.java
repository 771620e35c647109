package com.callpulse.metrics.live;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.ServiceLevelConfig;
import com.callpulse.config.TenantConfig;
import com.callpulse.live.LiveMessage;
import com.callpulse.model.AgentState;
import com.callpulse.model.ContactEventType;
import com.callpulse.time.BusinessCalendar;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live state of a tenant's queues, keyed by tenant: one instance holds all of a tenant's queues, waiting
 * contacts and agents, so an agent with several skills counts in each of its queues without a second shuffle.
 *
 * <ul>
 *   <li>Contact events change the queues at once: {@code queued} adds a waiting contact; {@code answered},
 *       {@code abandoned}, {@code flowed_out} and {@code callback_requested} end its wait and count the leg as
 *       offered (with its wait, against the queue's T and Ts); {@code transferred} counts a transfer; {@code ended}
 *       ends a wait whose exit never came. Contact records (handled legs) add talk, hold and ACW at the leg's end.
 *       Agent state events set each agent's state; the skills of its {@code login} say which queues it counts in.</li>
 *   <li>Counting is by each event's own time, into per-minute buckets (trailing 15 and 30 minutes) and its business
 *       day in the tenant's zone; the tenant's clock ({@link LiveTenant}) says which minutes and day are "now".</li>
 *   <li>Every change marks its queue; marked queues are written together by a processing-time timer, at most once
 *       per {@code metrics.live_emit_interval}, never waiting for the watermark. Before a day (or a channel's
 *       counters) leaves the messages, pending changes are written first, so every day's last numbers are sent.</li>
 *   <li>An event-time timer at each minute (the watermark moves it in quiet periods) rolls the windows and clears
 *       what is over: contacts and agents once no late event of theirs can come ({@code ingest} bound + lateness
 *       after their last event), waits longer than a cap, logged-out agents, and the previous day.</li>
 * </ul>
 * Queue state messages go to the main output, service-level breach alerts to {@link #ALERTS}; for the wallboard's
 * drill-down, each change of an agent's state to {@link #AGENTS} and each contact leaving a queue to {@link #CONTACTS},
 * at once (they are few and not coalesced: a supervisor watches one agent's state or the abandoned contacts).
 */
public class LiveQueueStateFunction extends KeyedProcessFunction<String, LiveInput, LiveMessage> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<LiveMessage> ALERTS = new OutputTag<>("live alerts", TypeInformation.of(LiveMessage.class));
    public static final OutputTag<LiveMessage> AGENTS = new OutputTag<>("live agents", TypeInformation.of(LiveMessage.class));
    public static final OutputTag<LiveMessage> CONTACTS = new OutputTag<>("live queue exits", TypeInformation.of(LiveMessage.class));
    static final long MINUTE = 60_000;
    /** A wait longer than this (and than {@link #WAIT_CAP_THRESHOLDS} times the queue's T) is taken as lost: its exit and end never came. */
    static final long MIN_WAIT_CAP = 2 * 3_600_000L;
    static final int WAIT_CAP_THRESHOLDS = 6;
    /** An agent without any state event for this long is taken as logged out (its logout was lost). */
    static final long AGENT_SILENCE_CAP = 24 * 3_600_000L;

    private static final long NONE = Long.MIN_VALUE;

    private final CallPulseConfig config;
    private final long emitIntervalMillis;
    private final long horizonMillis;

    private transient ValueState<LiveTenant> tenantState;
    private transient MapState<String, LiveQueue> queues;
    private transient MapState<String, QueueWindows> windows;
    private transient MapState<String, LiveContact> contacts;
    private transient MapState<String, LiveWait> waiting;
    private transient MapState<String, LiveAgent> agents;

    private transient Map<String, BusinessCalendar> calendars;
    private transient Map<String, ServiceLevelConfig> serviceLevels;
    private transient LiveJsonWriter json;
    private transient long[] delta;
    /** Per call: whether a queue was marked, the tenant, its calendar, the timers and where messages go. */
    private transient boolean dirtied;
    private transient String tenant;
    private transient BusinessCalendar calendar;
    private transient TimerService timers;
    private transient Collector<LiveMessage> collector;
    private transient Context context;

    private transient Counter unattributed;
    private transient Counter outsideWindows;
    private transient Counter waitUnknown;
    private transient Counter endedWhileWaiting;
    private transient Counter waitsOverCap;
    private transient Counter agentEventsWithoutSkills;
    private transient Counter silentAgents;
    private transient Counter messages;
    private transient Counter alerts;
    private transient Counter agentMessages;
    private transient Counter exitMessages;

    public LiveQueueStateFunction(CallPulseConfig config) {
        this.config = config;
        this.emitIntervalMillis = config.metrics().liveEmitInterval().toMillis();
        this.horizonMillis = config.ingest().dedupHorizonMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        tenantState = getRuntimeContext().getState(new ValueStateDescriptor<>("live tenant", TypeInformation.of(LiveTenant.class)));
        queues = getRuntimeContext().getMapState(new MapStateDescriptor<>("live queues", Types.STRING, TypeInformation.of(LiveQueue.class)));
        windows = getRuntimeContext().getMapState(new MapStateDescriptor<>("live queue windows", Types.STRING, TypeInformation.of(QueueWindows.class)));
        contacts = getRuntimeContext().getMapState(new MapStateDescriptor<>("live contacts", Types.STRING, TypeInformation.of(LiveContact.class)));
        waiting = getRuntimeContext().getMapState(new MapStateDescriptor<>("live waiting contacts", Types.STRING, TypeInformation.of(LiveWait.class)));
        agents = getRuntimeContext().getMapState(new MapStateDescriptor<>("live agents", Types.STRING, TypeInformation.of(LiveAgent.class)));
        calendars = new HashMap<>();
        for (TenantConfig t : config.tenants()) {
            calendars.put(t.id(), new BusinessCalendar(t.timeZone()));
        }
        serviceLevels = new HashMap<>();
        json = new LiveJsonWriter();
        delta = new long[QueueWindows.COUNTERS];
        var metrics = getRuntimeContext().getMetricGroup();
        unattributed = metrics.counter("liveUnattributed");
        outsideWindows = metrics.counter("liveOutsideWindows");
        waitUnknown = metrics.counter("liveWaitUnknown");
        endedWhileWaiting = metrics.counter("liveEndedWhileWaiting");
        waitsOverCap = metrics.counter("liveWaitsOverCap");
        agentEventsWithoutSkills = metrics.counter("liveAgentEventsWithoutSkills");
        silentAgents = metrics.counter("liveSilentAgents");
        messages = metrics.counter("liveQueueStateMessages");
        alerts = metrics.counter("liveServiceLevelAlerts");
        agentMessages = metrics.counter("liveAgentMessages");
        exitMessages = metrics.counter("liveQueueExitMessages");
    }

    @Override
    public void processElement(LiveInput in, Context ctx, Collector<LiveMessage> out) throws Exception {
        if (!calendars.containsKey(in.tenantId)) {
            return; // not a configured tenant: ingestion refuses those
        }
        bind(in.tenantId, ctx, out);
        LiveTenant t = tenantState.value();
        if (t == null) {
            t = new LiveTenant();
        }
        t.lastSeen = Math.max(t.lastSeen, in.time);
        switch (in.kind) {
            case CONTACT_EVENT:
                advanceClock(t, t.observe(in.time));
                contactEvent(in, t);
                break;
            case CONTACT_RECORD:
                handledLeg(in, t);
                break;
            default:
                agentState(in);
        }
        if (t.tickAt == NONE) {
            t.tickAt = (Math.floorDiv(Math.max(t.asOf(), in.time), MINUTE) + 1) * MINUTE;
            timers.registerEventTimeTimer(t.tickAt);
        }
        scheduleEmission(t);
        tenantState.update(t);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<LiveMessage> out) throws Exception {
        LiveTenant t = tenantState.value();
        if (t == null) {
            return;
        }
        bind(ctx.getCurrentKey(), ctx, out);
        if (ctx.timeDomain() == org.apache.flink.streaming.api.TimeDomain.PROCESSING_TIME) {
            if (timestamp == t.emitAt) {
                t.emitAt = NONE;
                emit(t, timers.currentProcessingTime());
                tenantState.update(t);
            }
            return;
        }
        if (timestamp != t.tickAt) {
            return;
        }
        t.tickAt = NONE;
        long watermark = timers.currentWatermark();
        if (watermark == Long.MAX_VALUE) {
            // the input has ended: the clock may take the newest contact event (no second one will come to confirm it,
            // unless it is further ahead than any late event could be); write what is pending (processing-time timers
            // would not fire any more)
            if (t.newest != NONE && (t.clock == NONE || t.newest - t.clock <= horizonMillis)) {
                moveClock(t, t.newest);
            }
            emitNow(t);
            tenantState.update(t);
            return;
        }
        advanceClock(t, NONE);
        if (housekeeping(t)) {
            t.tickAt = (Math.floorDiv(Math.max(t.asOf(), watermark), MINUTE) + 1) * MINUTE;
            timers.registerEventTimeTimer(t.tickAt);
            scheduleEmission(t);
            tenantState.update(t);
        } else {
            if (t.emitAt != NONE) {
                timers.deleteProcessingTimeTimer(t.emitAt);
            }
            tenantState.clear();
        }
    }

    private void bind(String tenantId, Context ctx, Collector<LiveMessage> out) {
        tenant = tenantId;
        calendar = calendars.get(tenantId);
        timers = ctx.timerService();
        collector = out;
        context = ctx;
        dirtied = false;
    }

    // ------------------------------------------------------------------ the clock

    /**
     * Moves the tenant's clock to the later of {@code candidate} and the watermark. A queue whose trailing windows
     * lose a counted minute is marked; a new business day marks every queue (after writing what was pending, so the
     * old day's last numbers go out).
     */
    private void advanceClock(LiveTenant t, long candidate) throws Exception {
        long next = Math.max(candidate, timers.currentWatermark());
        if (next != Long.MAX_VALUE) {
            moveClock(t, next);
        }
    }

    private void moveClock(LiveTenant t, long next) throws Exception {
        if (next == NONE || next <= t.clock) {
            return;
        }
        long old = t.clock;
        if (old == NONE) {
            t.clock = next;
            return;
        }
        boolean newDay = calendar.epochDay(old) != calendar.epochDay(next);
        if (newDay) {
            emitNow(t);
        }
        t.clock = next;
        long oldMinute = Math.floorDiv(old, MINUTE);
        long newMinute = Math.floorDiv(next, MINUTE);
        if (newDay) {
            for (String q : list(queues.keys())) {
                markDirty(q);
            }
        } else if (newMinute > oldMinute) {
            for (QueueWindows w : windows.values()) {
                if (w.hasCountsIn(oldMinute - QueueWindows.LONG_WINDOW + 1, newMinute - QueueWindows.LONG_WINDOW)
                        || w.hasCountsIn(oldMinute - QueueWindows.SHORT_WINDOW + 1, newMinute - QueueWindows.SHORT_WINDOW)) {
                    markDirty(w.queueId);
                }
            }
        }
    }

    // ------------------------------------------------------------------ inputs

    private void contactEvent(LiveInput in, LiveTenant t) throws Exception {
        ContactEventType type = in.contactEvent;
        String channel = in.channel.code();
        LiveContact c = contacts.get(in.contactId);
        switch (type) {
            case QUEUED: {
                if (in.queueId == null) {
                    unattributed.inc();
                    return;
                }
                if (c == null) {
                    c = new LiveContact();
                }
                String before = c.waiting ? c.queueId : null;
                if (c.onQueued(in.queueId, channel, in.time)) {
                    syncWait(in.contactId, c, before);
                }
                contacts.put(in.contactId, c);
                count(in.queueId, channel, in.time, QueueWindows.ENTERED, t);
                return;
            }
            case ANSWERED:
            case ABANDONED:
            case FLOWED_OUT:
            case CALLBACK_REQUESTED: {
                String queue = in.queueId != null ? in.queueId : c != null ? c.queueId : null;
                if (queue == null) {
                    unattributed.inc();
                    return;
                }
                if (c == null) {
                    c = new LiveContact();
                }
                int wait = in.waitSeconds != LiveInput.UNKNOWN ? in.waitSeconds : c.waitedSeconds(queue, in.time);
                long queuedAt = queue.equals(c.queueId) && c.queuedAt <= in.time ? c.queuedAt : NONE;
                String before = c.waiting ? c.queueId : null;
                if (c.onExit(queue, in.time)) {
                    syncWait(in.contactId, c, before);
                }
                contacts.put(in.contactId, c);
                exit(type, queue, channel, in.time, wait, t);
                String agent = type == ContactEventType.ANSWERED ? in.agentId : null;
                context.output(CONTACTS, new LiveMessage(tenant, tenant + "|" + in.contactId, in.time, json.queueExit(tenant, in.contactId, queue,
                        channel, type.code(), wait, agent, queuedAt, in.time, timers.currentProcessingTime(), calendar)));
                exitMessages.inc();
                return;
            }
            case TRANSFERRED: {
                String queue = in.queueId != null ? in.queueId : c != null ? c.queueId : null;
                if (queue == null) {
                    unattributed.inc();
                    return;
                }
                count(queue, channel, in.time, QueueWindows.TRANSFERS, t);
                return;
            }
            case ENDED: {
                if (c == null) {
                    if (in.queueId == null) {
                        return; // never reached a queue (IVR, self-service): nothing to remember
                    }
                    c = new LiveContact(); // remembered, so an event of it arriving late does not start a wait
                }
                String before = c.waiting ? c.queueId : null;
                if (c.onEnded(in.time)) {
                    endedWhileWaiting.inc();
                    syncWait(in.contactId, c, before);
                }
                contacts.put(in.contactId, c);
                return;
            }
            default:
        }
    }

    /** Puts the contact's waiting entry in line with {@link LiveContact#waiting}, marking the queues it leaves and enters. */
    private void syncWait(String contactId, LiveContact c, String queueBefore) throws Exception {
        if (queueBefore != null) {
            markDirty(queueBefore);
        }
        if (c.waiting) {
            waiting.put(contactId, new LiveWait(c.queueId, c.channel, c.queuedAt));
            markDirty(c.queueId);
        } else {
            waiting.remove(contactId);
        }
    }

    /** Counts a leg leaving its queue: offered, its outcome, and its wait against the queue's T and Ts. */
    private void exit(ContactEventType type, String queue, String channel, long at, int wait, LiveTenant t) throws Exception {
        java.util.Arrays.fill(delta, 0);
        delta[QueueWindows.OFFERED] = 1;
        ServiceLevelConfig sl = serviceLevel(queue, calendar.epochDay(at));
        int w = wait;
        if (w == LiveInput.UNKNOWN && type != ContactEventType.CALLBACK_REQUESTED) {
            waitUnknown.inc();
            w = 0; // as queue_intervals counts a leg without a wait
        }
        if (w != LiveInput.UNKNOWN) {
            delta[QueueWindows.MAX_WAIT] = w;
        }
        switch (type) {
            case ANSWERED:
                delta[QueueWindows.ANSWERED] = 1;
                delta[QueueWindows.ANSWERED_WITHIN] = w <= sl.thresholdSeconds() ? 1 : 0;
                delta[QueueWindows.ANSWERED_WAIT] = w;
                break;
            case ABANDONED:
                delta[QueueWindows.ABANDONED] = 1;
                delta[QueueWindows.ABANDONED_WITHIN] = w <= sl.thresholdSeconds() ? 1 : 0;
                delta[QueueWindows.SHORT_ABANDONED] = w <= sl.shortAbandonSeconds() ? 1 : 0;
                delta[QueueWindows.ABANDONED_WAIT] = w;
                break;
            case FLOWED_OUT:
                delta[QueueWindows.FLOWED_OUT] = 1;
                break;
            default:
                delta[QueueWindows.CALLBACKS] = 1;
        }
        add(queue, channel, at, t);
    }

    private void handledLeg(LiveInput in, LiveTenant t) throws Exception {
        java.util.Arrays.fill(delta, 0);
        delta[QueueWindows.HANDLED] = 1;
        delta[QueueWindows.TALK] = in.talkSeconds;
        delta[QueueWindows.HOLD] = in.holdSeconds;
        delta[QueueWindows.ACW] = in.acwSeconds;
        add(in.queueId, in.channel.code(), in.time, t);
    }

    private void count(String queue, String channel, long at, int counter, LiveTenant t) throws Exception {
        java.util.Arrays.fill(delta, 0);
        delta[counter] = 1;
        add(queue, channel, at, t);
    }

    /** Adds {@link #delta} to the queue and channel at {@code at}: its minute if in the trailing range, its day if shown. */
    private void add(String queue, String channel, long at, LiveTenant t) throws Exception {
        String key = queue + "|" + channel;
        QueueWindows w = windows.get(key);
        if (w == null) {
            w = QueueWindows.create(queue, channel);
        }
        long now = t.clock != NONE ? t.clock : at;
        boolean counted = w.addToMinute(Math.floorDiv(at, MINUTE), Math.floorDiv(now, MINUTE), delta);
        long day = calendar.epochDay(at);
        long today = calendar.epochDay(now);
        if (day == today || day == today + 1 || (day == today - 1 && previousDayKept(now))) {
            w.addToDay(day, delta);
            counted = true;
        }
        if (counted) {
            windows.put(key, w);
            markDirty(queue);
        } else {
            outsideWindows.inc();
        }
    }

    /** The previous day stays (late events still change it) until the watermark is the ingestion horizon into today. */
    private boolean previousDayKept(long now) {
        return timers.currentWatermark() < calendar.dayStart(now) + horizonMillis;
    }

    private void agentState(LiveInput in) throws Exception {
        LiveAgent a = agents.get(in.agentId);
        if (a == null) {
            a = new LiveAgent();
        }
        String[] skillsBefore = a.skills;
        boolean changed = a.team(in.teamId, in.time);
        if (a.apply(in.agentState, in.reason, in.skills, in.time)) {
            changed = true;
            if (skillsBefore != null && skillsBefore != a.skills) {
                for (String q : skillsBefore) {
                    markDirty(q);
                }
            }
            if (a.skills != null) {
                for (String q : a.skills) {
                    markDirty(q);
                }
            }
        }
        if (a.skills == null && in.agentState != AgentState.LOGOUT) {
            agentEventsWithoutSkills.inc();
        }
        agents.put(in.agentId, a);
        if (changed) {
            emitAgent(in.agentId, a, in.time);
        }
    }

    /** The agent's state to {@link #AGENTS}, as of a change at {@code at} (event time). */
    private void emitAgent(String agentId, LiveAgent a, long at) {
        context.output(AGENTS, new LiveMessage(tenant, tenant + "|" + agentId, at, json.agentState(tenant, agentId, a, at,
                timers.currentProcessingTime(), calendar)));
        agentMessages.inc();
    }

    private void markDirty(String queue) throws Exception {
        LiveQueue q = queues.get(queue);
        if (q == null) {
            q = new LiveQueue(queue);
        } else if (q.dirty) {
            return;
        }
        q.dirty = true;
        queues.put(queue, q);
        dirtied = true;
    }

    // ------------------------------------------------------------------ emission

    /** A processing-time timer for the marked queues: now, or one emit interval after the last emission. */
    private void scheduleEmission(LiveTenant t) {
        if (!dirtied || t.emitAt != NONE) {
            return;
        }
        long now = timers.currentProcessingTime();
        t.emitAt = t.lastEmitAt == NONE ? now : Math.max(now, t.lastEmitAt + emitIntervalMillis);
        timers.registerProcessingTimeTimer(t.emitAt);
    }

    /** Writes the marked queues at once, before something they show goes away (a day, the end of the input). */
    private void emitNow(LiveTenant t) throws Exception {
        if (t.emitAt != NONE) {
            timers.deleteProcessingTimeTimer(t.emitAt);
            t.emitAt = NONE;
        }
        emit(t, timers.currentProcessingTime());
    }

    /** One message per marked queue: its waiting contacts, agents and windows, per channel and in total; then its breach check. */
    private void emit(LiveTenant t, long processingTime) throws Exception {
        Map<String, QueueStateView> views = new HashMap<>();
        List<LiveQueue> marked = new ArrayList<>();
        for (LiveQueue q : queues.values()) {
            if (q.dirty) {
                marked.add(q);
            }
        }
        if (marked.isEmpty()) {
            return;
        }
        long asOf = t.asOf();
        long clockDay = calendar.epochDay(asOf);
        long minute = Math.floorDiv(asOf, MINUTE);
        long previousDay = hasPreviousDay(clockDay) ? clockDay - 1 : NONE;
        for (LiveQueue q : marked) {
            QueueStateView v = new QueueStateView();
            v.tenantId = tenant;
            v.queueId = q.queueId;
            v.asOf = asOf;
            v.emittedAt = processingTime;
            v.clockDay = clockDay;
            v.previousDay = previousDay;
            v.serviceLevel = serviceLevel(q.queueId, clockDay);
            v.breachId = q.breachId;
            v.breachSince = q.breachSince;
            views.put(q.queueId, v);
        }
        for (LiveWait w : waiting.values()) {
            QueueStateView v = views.get(w.queueId);
            if (v != null) {
                v.total.waiting(w.queuedAt);
                v.channel(w.channel).waiting(w.queuedAt);
            }
        }
        for (LiveAgent a : agents.values()) {
            if (!a.loggedIn() || a.skills == null) {
                continue;
            }
            for (String skill : a.skills) {
                QueueStateView v = views.get(skill);
                if (v != null) {
                    countAgent(v, a);
                }
            }
        }
        for (QueueWindows w : windows.values()) {
            QueueStateView v = views.get(w.queueId);
            if (v == null) {
                continue;
            }
            QueueStateView.ChannelView c = v.channel(w.channel);
            long last = minute + QueueWindows.RING - QueueWindows.LONG_WINDOW;
            w.addMinutesTo(minute - QueueWindows.SHORT_WINDOW + 1, last, c.trailing15);
            w.addMinutesTo(minute - QueueWindows.LONG_WINDOW + 1, last, c.trailing30);
            w.addDayTo(clockDay, c.today);
            if (previousDay != NONE) {
                w.addDayTo(previousDay, c.previousDay);
            }
            w.addMinutesTo(minute - QueueWindows.SHORT_WINDOW + 1, last, v.total.trailing15);
            w.addMinutesTo(minute - QueueWindows.LONG_WINDOW + 1, last, v.total.trailing30);
            w.addDayTo(clockDay, v.total.today);
            if (previousDay != NONE) {
                w.addDayTo(previousDay, v.total.previousDay);
            }
        }
        for (LiveQueue q : marked) {
            QueueStateView v = views.get(q.queueId);
            breachCheck(q, v);
            q.dirty = false;
            queues.put(q.queueId, q);
            collector.collect(new LiveMessage(tenant, tenant + "|" + q.queueId, asOf, json.queueState(v, calendar)));
            messages.inc();
        }
        t.lastEmitAt = processingTime;
    }

    /** Whether any pair still holds the day before {@code clockDay} (it is shown until the housekeeping drops it). */
    private boolean hasPreviousDay(long clockDay) throws Exception {
        for (QueueWindows w : windows.values()) {
            if (w.hasDay(clockDay - 1)) {
                return true;
            }
        }
        return false;
    }

    private static void countAgent(QueueStateView v, LiveAgent a) {
        v.agents[QueueStateView.LOGGED_IN]++;
        switch (a.state) {
            case READY:
                v.agents[QueueStateView.AVAILABLE]++;
                break;
            case ON_CONTACT:
                v.agents[QueueStateView.ON_CONTACT]++;
                break;
            case AFTER_CONTACT_WORK:
                v.agents[QueueStateView.AFTER_CONTACT_WORK]++;
                break;
            case NOT_READY:
                v.agents[QueueStateView.NOT_READY]++;
                if (a.reason != null) {
                    v.notReadyByReason[a.reason.ordinal()]++;
                }
                break;
            default:
                v.agents[QueueStateView.LOGGING_IN]++;
        }
    }

    private void breachCheck(LiveQueue q, QueueStateView v) {
        long[] window = v.total.trailing15;
        Double level = QueueWindows.serviceLevel(window, v.serviceLevel.variant());
        ServiceLevelBreach.Decision d = ServiceLevelBreach.evaluate(q.breachId != null, level, window[QueueWindows.OFFERED], v.serviceLevel.target());
        if (d == ServiceLevelBreach.Decision.NONE) {
            return;
        }
        long from = (Math.floorDiv(v.asOf, MINUTE) - QueueWindows.SHORT_WINDOW + 1) * MINUTE;
        String id;
        long raisedAt;
        String state;
        if (d == ServiceLevelBreach.Decision.RAISE) {
            raisedAt = v.asOf;
            id = "service_level_breach:" + q.queueId + ":" + raisedAt;
            q.breachId = id;
            q.breachSince = raisedAt;
            v.breachId = id;
            v.breachSince = raisedAt;
            state = "raised";
        } else {
            id = q.breachId;
            raisedAt = q.breachSince;
            q.breachId = null;
            q.breachSince = LiveQueue.NONE;
            v.breachId = null;
            state = "cleared";
        }
        context.output(ALERTS, new LiveMessage(v.tenantId, v.tenantId + "|" + id, v.asOf, json.breach(state, id, v, raisedAt, level, window, from, calendar)));
        alerts.inc();
    }

    // ------------------------------------------------------------------ housekeeping

    /**
     * Ends waits over the cap, forgets contacts and logged-out agents no late event can reach any more, drops the
     * previous day once the watermark is the ingestion horizon into today, and drops empty pairs and queues. Returns
     * whether the tenant still has state.
     */
    private boolean housekeeping(LiveTenant t) throws Exception {
        long watermark = timers.currentWatermark();
        long now = t.asOf();
        for (Map.Entry<String, LiveWait> e : list(waiting.entries())) {
            LiveWait w = e.getValue();
            if (now - w.queuedAt > waitCap(w.queueId, now)) {
                waitsOverCap.inc();
                waiting.remove(e.getKey());
                LiveContact c = contacts.get(e.getKey());
                if (c != null) {
                    c.waiting = false;
                    contacts.put(e.getKey(), c);
                }
                markDirty(w.queueId);
            }
        }
        for (Map.Entry<String, LiveContact> e : list(contacts.entries())) {
            LiveContact c = e.getValue();
            if (!c.waiting && c.lastAt + horizonMillis < watermark) {
                contacts.remove(e.getKey());
            }
        }
        Set<String> used = new HashSet<>();
        for (Map.Entry<String, LiveAgent> e : list(agents.entries())) {
            LiveAgent a = e.getValue();
            if (a.loggedIn() && now - a.lastAt > AGENT_SILENCE_CAP) {
                silentAgents.inc();
                a.state = AgentState.LOGOUT;
                a.reason = null;
                a.stateSince = now;
                agents.put(e.getKey(), a);
                emitAgent(e.getKey(), a, now); // the wallboard drops it too
                if (a.skills != null) {
                    for (String q : a.skills) {
                        markDirty(q);
                    }
                }
            }
            if (!a.loggedIn() && a.lastAt + horizonMillis < watermark) {
                agents.remove(e.getKey());
            } else if (a.loggedIn() && a.skills != null) {
                used.addAll(java.util.Arrays.asList(a.skills));
            }
        }
        long today = calendar.epochDay(now);
        boolean dropDays = !previousDayKept(now);
        long fromMinute = Math.floorDiv(now, MINUTE) - QueueWindows.LONG_WINDOW + 1;
        boolean flushed = false;
        for (Map.Entry<String, QueueWindows> e : list(windows.entries())) {
            QueueWindows w = e.getValue();
            if (dropDays && hasDayBefore(w, today)) {
                if (!flushed) {
                    emitNow(t); // the previous day's last numbers go out before it leaves the messages
                    flushed = true;
                }
                w.dropDaysBefore(today);
                markDirty(w.queueId);
            }
            if (w.isEmpty(fromMinute)) {
                windows.remove(e.getKey());
            } else {
                windows.put(e.getKey(), w);
                used.add(w.queueId);
            }
        }
        for (LiveWait w : waiting.values()) {
            used.add(w.queueId);
        }
        for (LiveQueue q : list(queues.values())) {
            if (!used.contains(q.queueId) && !q.dirty && q.breachId == null) {
                queues.remove(q.queueId);
            }
        }
        return !queues.isEmpty() || !contacts.isEmpty() || !agents.isEmpty() || !windows.isEmpty();
    }

    private static boolean hasDayBefore(QueueWindows w, long day) {
        for (long d : w.days) {
            if (d != QueueWindows.NONE && d < day) {
                return true;
            }
        }
        return false;
    }

    private long waitCap(String queue, long now) {
        return Math.max(MIN_WAIT_CAP, WAIT_CAP_THRESHOLDS * 1000L * serviceLevel(queue, calendar.epochDay(now)).thresholdSeconds());
    }

    /** The service level in force for a queue on a business day (looked up once per queue and day). */
    private ServiceLevelConfig serviceLevel(String queue, long epochDay) {
        String key = tenant + "|" + queue + "@" + epochDay;
        ServiceLevelConfig sl = serviceLevels.get(key);
        if (sl == null) {
            if (serviceLevels.size() > 10_000) {
                serviceLevels.clear();
            }
            sl = config.metrics().serviceLevel(tenant, queue, LocalDate.ofEpochDay(epochDay));
            serviceLevels.put(key, sl);
        }
        return sl;
    }

    private static <T> List<T> list(Iterable<T> items) {
        List<T> out = new ArrayList<>();
        for (T i : items) {
            out.add(i);
        }
        return out;
    }
}
