package com.callpulse.metrics.complaint;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.ComplaintPolicy;
import com.callpulse.config.TenantConfig;
import com.callpulse.live.LiveMessage;
import com.callpulse.model.ComplaintEvent;
import com.callpulse.schema.RecordSchema;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Complaint deadlines in event time, keyed by {@code <tenant>|<complaint_id>}. Each complaint's events are kept
 * (deduplicated by event id) and its {@link ComplaintTimeline} is computed again from all of them on every event and
 * every timer; what changed since the last time is sent on. So a re-delivered or repeated event changes nothing, and
 * a late one corrects what was sent.
 *
 * <p>What happened at an instant is reported once the watermark has passed it (so the events before it are in, and
 * events read ahead of the watermark from another file cannot make it flap):
 * <ul>
 *   <li>Main output: {@link ComplaintFact}s for {@code complaint_intervals}, as differences (+1 new, -1 taken back).</li>
 *   <li>{@link #ALERTS}: a live message when a level is reached (a deadline passed, or the source escalated), and a
 *       withdrawal if a late event undoes it before its row is written.</li>
 *   <li>{@link #ESCALATIONS}: {@code complaint_escalations} rows, once final: the watermark has passed the
 *       escalation by the ingestion horizon ({@code ingest.max_out_of_orderness + ingest.allowed_lateness}), so no
 *       accepted event can be older (ingestion refuses those) and the row never changes.</li>
 *   <li>{@link #OUTCOMES}: a {@code complaint_outcomes} row when the watermark passes the close, again (next version)
 *       whenever the row would change, and at the end of a bounded input for every complaint not written.</li>
 * </ul>
 * One event-time timer per complaint: the next thing to report, the next escalation to become final, the close, or
 * the clean-up. State and timer are gone after the close plus {@code metrics.restatement_horizon} (at least the
 * ingestion horizon), or {@link #STALE_AFTER} after the last event of a complaint that never closes; an event after
 * that starts the complaint afresh, as one whose opening was not seen.
 *
 * <p>The end of a bounded input advances the watermark to {@code Long.MAX_VALUE}: that is not time passing. The
 * complaint's events are all in, so everything between them is reported, but no deadline after them that the
 * watermark had not reached; the complaint is written as it stands ({@code still_open} if not closed) and dropped.
 */
public class ComplaintDeadlines extends KeyedProcessFunction<String, ComplaintEvent, ComplaintFact> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ComplaintDeadlines.class);

    public static final OutputTag<ComplaintEscalation> ESCALATIONS = new OutputTag<>("complaint escalations", TypeInformation.of(ComplaintEscalation.class));
    public static final OutputTag<ComplaintOutcome> OUTCOMES = new OutputTag<>("complaint outcomes", TypeInformation.of(ComplaintOutcome.class));
    public static final OutputTag<LiveMessage> ALERTS = new OutputTag<>("complaint escalation alerts", TypeInformation.of(LiveMessage.class));

    /** A complaint keeps at most this many events; more (a source repeating itself) are counted and dropped. */
    static final int MAX_STEPS = 256;
    /** A complaint that is never closed is written (still open) and dropped this long after its last event. */
    static final long STALE_AFTER = Duration.ofDays(30).toMillis();
    private static final double HOUR = 3_600_000.0;

    private final CallPulseConfig config;
    private final long finalAfter;
    private final long retention;
    private transient ValueState<ComplaintState> state;
    private transient Map<String, BusinessClock> businessHours;
    private transient BusinessClock aroundTheClock;
    private transient EscalationAlerts alerts;
    private transient RecordSchema<ComplaintOutcome> outcomeSchema;
    private transient Counter beforeOpening;
    private transient Counter repeated;
    private transient Counter unknownPolicy;
    private transient Counter dropped;
    private transient Counter revisedAfterWrite;
    private transient Counter expiredOpen;

    public ComplaintDeadlines(CallPulseConfig config) {
        this.config = config;
        this.finalAfter = config.ingest().dedupHorizonMillis();
        this.retention = Math.max(config.metrics().restatementHorizon().toMillis(), finalAfter);
    }

    static String escalationId(String complaintId, int level) {
        return complaintId + "-L" + level;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("complaint", ComplaintState.class));
        businessHours = new HashMap<>();
        for (TenantConfig t : config.tenants()) {
            businessHours.put(t.id(), BusinessClock.of(t));
        }
        aroundTheClock = BusinessClock.aroundTheClock();
        alerts = new EscalationAlerts(config);
        outcomeSchema = RecordSchema.of(ComplaintOutcome.class);
        var metrics = getRuntimeContext().getMetricGroup();
        beforeOpening = metrics.counter("complaintEventsBeforeOpening");
        repeated = metrics.counter("complaintEventsRepeated");
        unknownPolicy = metrics.counter("complaintUnknownPolicy");
        dropped = metrics.counter("complaintEventsDropped");
        revisedAfterWrite = metrics.counter("complaintEscalationsRevisedAfterWrite");
        expiredOpen = metrics.counter("complaintsExpiredOpen");
    }

    @Override
    public void processElement(ComplaintEvent e, Context ctx, Collector<ComplaintFact> out) throws Exception {
        if (!businessHours.containsKey(e.tenantId)) {
            return; // not a configured tenant: ingestion refuses those, so this cannot happen
        }
        ComplaintState st = state.value();
        if (st == null) {
            st = ComplaintState.create(e.tenantId, e.complaintId);
        }
        for (ComplaintStep s : st.steps) {
            if (s.eventId.equals(e.eventId)) {
                repeated.inc(); // a re-delivery past the de-duplication horizon: it changes nothing
                return;
            }
        }
        if (st.steps.length >= MAX_STEPS) {
            st.stepsDropped++;
            dropped.inc();
            state.update(st);
            return;
        }
        ComplaintStep[] steps = Arrays.copyOf(st.steps, st.steps.length + 1);
        steps[st.steps.length] = ComplaintStep.of(e);
        st.steps = steps;
        ComplaintTimeline timeline = timeline(st);
        if (timeline.opening() == null) {
            beforeOpening.inc();
        } else if (timeline.opening().eventId.equals(e.eventId) && timeline.policy() == null) {
            unknownPolicy.inc();
            if (unknownPolicy.getCount() == 1 || unknownPolicy.getCount() % 1000 == 0) {
                LOG.warn("{} complaint(s) name a deadline policy that is not in metrics.complaint_policies and get no deadline, e.g. {} of {}: '{}'",
                        unknownPolicy.getCount(), e.complaintId, e.tenantId, e.deadlinePolicy);
            }
        }
        evaluate(st, timeline, ctx.timerService(), ctx, out, false);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ComplaintFact> out) throws Exception {
        ComplaintState st = state.value();
        if (st == null) {
            return;
        }
        st.timer = Long.MIN_VALUE; // it just fired
        boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
        evaluate(st, timeline(st), ctx.timerService(), ctx, out, endOfInput);
    }

    private ComplaintTimeline timeline(ComplaintState st) {
        ComplaintStep opening = ComplaintTimeline.opening(st.steps);
        ComplaintPolicy policy = opening == null ? null : config.metrics().complaintPolicies().get(opening.deadlinePolicy);
        return ComplaintTimeline.of(st.steps, policy, businessHours.get(st.tenantId), aroundTheClock);
    }

    /** Sends what changed, writes what became final, and sets the next timer (or cleans up). */
    private void evaluate(ComplaintState st, ComplaintTimeline t, TimerService timers, Context ctx, Collector<ComplaintFact> out, boolean endOfInput)
            throws Exception {
        long watermark = timers.currentWatermark();
        if (!endOfInput) {
            st.asOf = Math.max(st.asOf, watermark);
        }
        long asOf = st.asOf;
        sendFactChanges(st, t.facts(st.tenantId, asOf, endOfInput), out);

        List<ComplaintTimeline.Escalation> reported = t.opening() == null ? List.of() : t.reportedEscalations(asOf, endOfInput);
        int reached = 0;
        for (ComplaintTimeline.Escalation e : reported) {
            reached |= 1 << e.level();
        }
        long pendingFinal = Long.MAX_VALUE;
        for (ComplaintTimeline.Escalation e : reported) {
            int bit = 1 << e.level();
            ComplaintEscalation row = null;
            if ((st.alertedLevels & bit) == 0) {
                row = escalationRow(st, t, e);
                ctx.output(ALERTS, alerts.raised(row));
                st.alertedLevels |= bit;
            }
            if ((st.writtenLevels & bit) == 0) {
                if (endOfInput || e.at() + finalAfter <= watermark) {
                    ctx.output(ESCALATIONS, row != null ? row : escalationRow(st, t, e));
                    st.writtenLevels |= bit;
                } else {
                    pendingFinal = Math.min(pendingFinal, e.at() + finalAfter);
                }
            }
        }
        int gone = st.alertedLevels & ~reached;
        for (int level = 1; gone != 0; level++) {
            int bit = 1 << level;
            if ((gone & bit) != 0) {
                gone &= ~bit;
                st.alertedLevels &= ~bit;
                if ((st.writtenLevels & bit) != 0) {
                    // only an event older than the ingestion horizon could do this, and ingestion refuses those
                    revisedAfterWrite.inc();
                    LOG.warn("escalation {} was written as final but a later event undid it; the row stands", escalationId(st.complaintId, level));
                } else {
                    ctx.output(ALERTS, alerts.withdrawn(st.tenantId, st.complaintId, level, Math.max(asOf, t.lastEventAt())));
                }
            }
        }

        Long closedAt = t.closedAt();
        long cleanupAt = t.closed() ? t.lastActivity() + retention : t.lastActivity() + STALE_AFTER;
        boolean expired = endOfInput || watermark >= cleanupAt;
        if (expired || (closedAt != null && closedAt <= asOf)) {
            writeOutcomeIfChanged(st, t, asOf, endOfInput, ctx);
        }
        if (expired) {
            if (!endOfInput && !t.closed()) {
                expiredOpen.inc();
            }
            if (st.timer != Long.MIN_VALUE) {
                timers.deleteEventTimeTimer(st.timer);
            }
            state.clear();
            return;
        }
        long next = Math.min(cleanupAt, Math.min(pendingFinal, t.nextReport(asOf)));
        if (closedAt != null && closedAt > asOf) {
            next = Math.min(next, closedAt);
        }
        if (next != st.timer) {
            if (st.timer != Long.MIN_VALUE) {
                timers.deleteEventTimeTimer(st.timer);
            }
            timers.registerEventTimeTimer(next);
            st.timer = next;
        }
        state.update(st);
    }

    /** Sends the facts that are new (+1) and takes back (-1) those no longer true. */
    private static void sendFactChanges(ComplaintState st, List<ComplaintFact> now, Collector<ComplaintFact> out) {
        boolean[] kept = new boolean[st.facts.length];
        boolean changed = false;
        for (ComplaintFact f : now) {
            boolean found = false;
            for (int i = 0; i < st.facts.length && !found; i++) {
                if (!kept[i] && st.facts[i].sameAs(f)) {
                    kept[i] = true;
                    found = true;
                }
            }
            if (!found) {
                out.collect(f.withSign(1));
                changed = true;
            }
        }
        for (int i = 0; i < st.facts.length; i++) {
            if (!kept[i]) {
                out.collect(st.facts[i].withSign(-1));
                changed = true;
            }
        }
        if (changed) {
            st.facts = now.toArray(new ComplaintFact[0]);
        }
    }

    private ComplaintEscalation escalationRow(ComplaintState st, ComplaintTimeline t, ComplaintTimeline.Escalation e) {
        ComplaintStep o = t.opening();
        ComplaintEscalation r = new ComplaintEscalation();
        r.tenantId = st.tenantId;
        r.complaintId = st.complaintId;
        r.level = e.level();
        r.escalationId = escalationId(st.complaintId, e.level());
        r.escalatedAt = e.at();
        r.raisedBy = e.cause();
        ComplaintTimeline.Breach b = t.breach();
        if (b != null && b.at() <= e.at()) {
            r.deadlineAt = b.at();
            r.hoursOverdue = (e.at() - b.at()) / HOUR;
        }
        r.category = o.category;
        r.severity = o.severity;
        r.deadlinePolicy = o.deadlinePolicy;
        r.openedAt = o.occurredAt;
        r.assignedTo = e.assignedTo();
        return r;
    }

    private void writeOutcomeIfChanged(ComplaintState st, ComplaintTimeline t, long asOf, boolean endOfInput, Context ctx) {
        ComplaintOutcome row = outcome(st, t, asOf, endOfInput);
        ComplaintOutcome last = st.outcome;
        if (last != null) {
            row.version = last.version;
            if (outcomeSchema.sameValues(row, last)) {
                return;
            }
            row.version = last.version + 1;
        }
        st.outcome = row;
        ctx.output(OUTCOMES, outcomeSchema.copy(row));
    }

    private static ComplaintOutcome outcome(ComplaintState st, ComplaintTimeline t, long asOf, boolean endOfInput) {
        ComplaintOutcome r = new ComplaintOutcome();
        r.tenantId = st.tenantId;
        r.complaintId = st.complaintId;
        r.version = 1;
        r.openedSeen = t.openingSeen();
        r.stillOpen = !t.closed();
        ComplaintStep o = t.opening();
        if (o != null) {
            r.openedAt = o.occurredAt;
            r.category = o.category;
            r.severity = o.severity;
            r.deadlinePolicy = o.deadlinePolicy;
            r.channel = o.channel;
            r.deadlineAt = t.deadlineAt();
        }
        r.breached = t.breachReported(asOf, endOfInput);
        r.breachedAt = r.breached ? t.breach().at() : null;
        ComplaintTimeline.Resolution res = t.finalResolution();
        if (res != null) {
            r.resolvedAt = res.at();
            r.onTime = res.onTime();
            if (o != null) {
                r.elapsedHoursToResolve = (res.at() - o.occurredAt) / HOUR;
                r.businessHoursToResolve = t.businessMillis(o.occurredAt, res.at()) / HOUR;
                r.clockHoursToResolve = t.policy() == null ? null : res.clockMillis() / HOUR;
            }
        }
        r.closedAt = t.closedAt();
        r.confirmedAt = t.confirmedAt();
        for (ComplaintTimeline.Escalation e : t.reportedEscalations(asOf, endOfInput)) {
            r.levelReached = Math.max(r.levelReached, e.level());
            if (e.cause() == EscalationCause.DEADLINE) {
                r.deadlineEscalations++;
            }
        }
        r.reopenCount = t.reopens().size();
        r.eventCount = st.steps.length + st.stepsDropped;
        r.firstEventAt = t.firstEventAt();
        r.lastEventAt = t.lastEventAt();
        return r;
    }
}
