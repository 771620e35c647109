package com.callpulse.metrics.complaint;

import com.callpulse.config.ComplaintPolicy;
import com.callpulse.model.ComplaintAction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The arithmetic of one complaint, without Flink: from its events to its SLA clock, deadlines, breach, escalations,
 * resolutions and outcome. It is a pure function of the <em>set</em> of events: the same events give the same
 * timeline whatever order they arrived in and however often, which is what makes {@link ComplaintDeadlines}
 * idempotent and lets it correct itself when a late event arrives.
 *
 * <p>The rules (docs/metrics.md, "Complaints", says the same for readers):
 * <ul>
 *   <li>The opening is the earliest {@code opened} (by time, then event id); other {@code opened} events are
 *       repeats and change nothing. Events dated before the opening count as happening at it. Without an opening
 *       there is no clock, no deadline and no escalation by CallPulse.</li>
 *   <li>The clock counts the policy's time (business hours of the tenant or around the clock) while the complaint
 *       is open: from the opening until a resolution, and again from a {@code reopened}. A reopen resumes the clock
 *       where the resolution stopped it; it does not restart it. Where the policy pauses, the clock also stops
 *       between {@code awaiting_customer} and {@code customer_responded} (a resolution or reopen ends a pause).</li>
 *   <li>Thresholds: {@code resolve_within}, then every {@code escalate_every} more, up to {@code max_level} of them.
 *       A deadline is the instant the clock reaches a threshold. Reaching the first one unresolved is the breach.
 *       Reaching threshold k raises the complaint to level k unless it is already there.</li>
 *   <li>A {@code resolved}, or a {@code closed} of an unresolved complaint, is a resolution; a second one while
 *       resolved is a repeat. A resolution is on time when no deadline passed before it (at the deadline itself
 *       counts as on time: events at an instant come before the deadline at that instant).</li>
 *   <li>The source's {@code escalated} events raise the level to theirs, one escalation per level passed; a level
 *       already reached (by the source or by a deadline) is not raised again. So each level is reached once, by
 *       whichever came first.</li>
 * </ul>
 * Deadlines after the last event are projections ({@code projected}): they have happened only once the watermark
 * passes them, and a later event may still move them.
 */
public final class ComplaintTimeline {
    /** An event-dated occurrence and the complaint's escalation level at that moment. */
    public record Mark(long at, int level) {}

    /** A resolution: when, at which level, whether on time (null without a known policy), the SLA clock then. */
    public record Resolution(long at, int level, Boolean onTime, long clockMillis) {}

    /** The first deadline reached unresolved; {@code levelBefore} is the level before the escalation it causes. */
    public record Breach(long at, int levelBefore, boolean projected) {}

    /** A level reached for the first time. */
    public record Escalation(int level, long at, EscalationCause cause, String assignedTo, boolean projected) {}

    private static final Comparator<ComplaintStep> BY_TIME = Comparator.<ComplaintStep>comparingLong(s -> s.occurredAt)
            .thenComparing(s -> s.eventId);

    private final ComplaintStep opening;
    private final ComplaintPolicy policy;
    private final BusinessClock clock;
    private final BusinessClock business;
    private final long[] thresholds;

    private final List<Resolution> resolutions = new ArrayList<>();
    private final List<Mark> reopens = new ArrayList<>();
    private final List<Mark> confirmations = new ArrayList<>();
    private final List<Mark> closes = new ArrayList<>();
    private final List<Escalation> escalations = new ArrayList<>();
    private Breach breach;

    // the walk
    private boolean opened;
    private boolean done;
    private boolean paused;
    private boolean closed;
    private boolean confirmedSinceResolution;
    private int level;
    private int nextThreshold;
    private long clockMillis;
    private long lastStop;
    private String assignee;
    private long firstEventAt = Long.MAX_VALUE;
    private long lastEventAt = Long.MIN_VALUE;
    private long lastActivity = Long.MIN_VALUE;

    private ComplaintTimeline(ComplaintStep opening, ComplaintPolicy policy, BusinessClock clock, BusinessClock business) {
        this.opening = opening;
        this.policy = opening == null ? null : policy;
        this.clock = clock;
        this.business = business;
        if (this.policy == null) {
            thresholds = new long[0];
        } else {
            thresholds = new long[this.policy.maxLevel()];
            for (int k = 0; k < thresholds.length; k++) {
                thresholds[k] = this.policy.resolveWithin().toMillis() + k * this.policy.escalateEvery().toMillis();
            }
        }
    }

    /** The opening among the steps: the earliest {@code opened}; null when none was seen. */
    public static ComplaintStep opening(ComplaintStep[] steps) {
        ComplaintStep first = null;
        for (ComplaintStep s : steps) {
            if (s.action == ComplaintAction.OPENED && (first == null || BY_TIME.compare(s, first) < 0)) {
                first = s;
            }
        }
        return first;
    }

    /**
     * @param policy the opening's deadline policy (null: unknown, no deadlines)
     * @param business the tenant's business hours; a business-hours policy counts them, and time to resolve is
     *     also measured in them
     * @param aroundTheClock the clock of policies that count every hour
     */
    public static ComplaintTimeline of(ComplaintStep[] steps, ComplaintPolicy policy, BusinessClock business, BusinessClock aroundTheClock) {
        ComplaintStep opening = opening(steps);
        BusinessClock clock = policy != null && policy.businessHours() ? business : aroundTheClock;
        ComplaintTimeline t = new ComplaintTimeline(opening, policy, clock, business);
        t.walk(steps);
        return t;
    }

    /** When the step counts: events dated before the opening count as happening at it. */
    private long at(ComplaintStep s) {
        return opening == null ? s.occurredAt : Math.max(s.occurredAt, opening.occurredAt);
    }

    private void walk(ComplaintStep[] unsorted) {
        ComplaintStep[] steps = Arrays.copyOf(unsorted, unsorted.length);
        Arrays.sort(steps, Comparator.<ComplaintStep>comparingLong(this::at)
                .thenComparing(s -> s != opening)
                .thenComparing(BY_TIME));
        long last = Long.MIN_VALUE;
        for (ComplaintStep s : steps) {
            long t = at(s);
            firstEventAt = Math.min(firstEventAt, s.occurredAt);
            lastEventAt = Math.max(lastEventAt, s.occurredAt);
            lastActivity = Math.max(lastActivity, t);
            if (opened) {
                advance(last, t, false);
            }
            apply(s, t);
            last = t;
        }
        if (running()) {
            advance(last, Long.MAX_VALUE, true);
        }
    }

    private boolean running() {
        return opened && policy != null && !done && !paused;
    }

    /** Runs the clock over {@code [from, to)}, noting every threshold it reaches strictly before {@code to}. */
    private void advance(long from, long to, boolean projected) {
        if (!running()) {
            return;
        }
        long at = from;
        long counted = clockMillis;
        while (nextThreshold < thresholds.length) {
            long need = thresholds[nextThreshold] - counted;
            long c = need <= 0 ? at : clock.reach(at, need);
            if (c >= to || c == Long.MAX_VALUE) {
                break;
            }
            reached(nextThreshold + 1, c, projected);
            if (need > 0) {
                counted = thresholds[nextThreshold];
                at = c;
            }
            nextThreshold++;
        }
        if (to != Long.MAX_VALUE) {
            clockMillis += clock.between(from, to);
        }
    }

    private void reached(int k, long at, boolean projected) {
        if (k == 1) {
            breach = new Breach(at, level, projected);
        }
        if (level < k) {
            escalations.add(new Escalation(k, at, EscalationCause.DEADLINE, assignee, projected));
            level = k;
        }
    }

    private void apply(ComplaintStep s, long t) {
        boolean wasRunning = running();
        if (s.assignedTo != null) {
            assignee = s.assignedTo;
        }
        switch (s.action) {
            case OPENED -> {
                if (s == opening) {
                    opened = true;
                    lastStop = t;
                }
            }
            case ESCALATED -> {
                int to = s.level == null ? 0 : s.level;
                for (int k = level + 1; k <= to; k++) {
                    escalations.add(new Escalation(k, t, EscalationCause.SOURCE, assignee, false));
                }
                level = Math.max(level, to);
            }
            case AWAITING_CUSTOMER -> {
                if (policy != null && policy.pauseWhileAwaitingCustomer()) {
                    paused = true;
                }
            }
            case CUSTOMER_RESPONDED -> paused = false;
            case RESOLVED -> {
                paused = false;
                resolve(t);
            }
            case CLOSED -> {
                paused = false;
                resolve(t);
                if (!closed) {
                    closed = true;
                    closes.add(new Mark(t, level));
                }
            }
            case REOPENED -> {
                if (done) {
                    done = false;
                    closed = false;
                    paused = false;
                    confirmedSinceResolution = false;
                    reopens.add(new Mark(t, level));
                }
            }
            case CONFIRMED -> {
                if (done && !confirmedSinceResolution) {
                    confirmedSinceResolution = true;
                    confirmations.add(new Mark(t, level));
                }
            }
            default -> {
                // assigned, customer_contacted: no effect on the clock
            }
        }
        if (wasRunning && !running()) {
            lastStop = t;
        }
    }

    private void resolve(long t) {
        if (done) {
            return;
        }
        done = true;
        confirmedSinceResolution = false;
        Boolean onTime = opening == null || policy == null ? null : breach == null;
        resolutions.add(new Resolution(t, level, onTime, clockMillis));
    }

    /**
     * The facts {@code complaint_intervals} counts, as reported at watermark {@code asOf}. None without an opening: a
     * complaint has no category until its opening is seen.
     */
    public List<ComplaintFact> facts(String tenantId, long asOf, boolean endOfInput) {
        List<ComplaintFact> out = new ArrayList<>();
        if (opening == null || opening.category == null) {
            return out;
        }
        String category = opening.category.code();
        long openedAt = opening.occurredAt;
        if (reported(openedAt, false, asOf, endOfInput)) {
            out.add(new ComplaintFact(tenantId, category, ComplaintFact.Kind.OPENED, openedAt, 0));
        }
        for (Resolution r : resolutions) {
            if (reported(r.at(), false, asOf, endOfInput)) {
                ComplaintFact f = new ComplaintFact(tenantId, category, ComplaintFact.Kind.RESOLVED, r.at(), r.level());
                f.onTime = Boolean.TRUE.equals(r.onTime());
                f.elapsedSeconds = (r.at() - openedAt) / 1000;
                f.businessSeconds = business.between(openedAt, r.at()) / 1000;
                out.add(f);
            }
        }
        marks(out, tenantId, category, ComplaintFact.Kind.REOPENED, reopens, asOf, endOfInput);
        marks(out, tenantId, category, ComplaintFact.Kind.CONFIRMED, confirmations, asOf, endOfInput);
        marks(out, tenantId, category, ComplaintFact.Kind.CLOSED, closes, asOf, endOfInput);
        if (breachReported(asOf, endOfInput)) {
            out.add(new ComplaintFact(tenantId, category, ComplaintFact.Kind.BREACHED, breach.at(), breach.levelBefore()));
        }
        for (Escalation e : reportedEscalations(asOf, endOfInput)) {
            ComplaintFact f = new ComplaintFact(tenantId, category, ComplaintFact.Kind.ESCALATED, e.at(), e.level());
            f.byDeadline = e.cause() == EscalationCause.DEADLINE;
            out.add(f);
        }
        return out;
    }

    private static void marks(List<ComplaintFact> out, String tenantId, String category, ComplaintFact.Kind kind, List<Mark> marks, long asOf,
            boolean endOfInput) {
        for (Mark m : marks) {
            if (reported(m.at(), false, asOf, endOfInput)) {
                out.add(new ComplaintFact(tenantId, category, kind, m.at(), m.level()));
            }
        }
    }

    // ---- what the walk found

    public ComplaintStep opening() {
        return opening;
    }

    public ComplaintPolicy policy() {
        return policy;
    }

    public List<Resolution> resolutions() {
        return Collections.unmodifiableList(resolutions);
    }

    public List<Mark> reopens() {
        return Collections.unmodifiableList(reopens);
    }

    public List<Mark> confirmations() {
        return Collections.unmodifiableList(confirmations);
    }

    public List<Mark> closes() {
        return Collections.unmodifiableList(closes);
    }

    /** Every level reached, projected ones included, in level order. */
    public List<Escalation> escalations() {
        return Collections.unmodifiableList(escalations);
    }

    /** The breach, possibly projected; null when no deadline was (or will be, as things stand) reached unresolved. */
    public Breach breach() {
        return breach;
    }

    /**
     * Whether something dated {@code at} is to be reported at watermark {@code asOf}: once the watermark has passed
     * it (so the events before it are in, and it will rarely change); at the end of the input everything but
     * projections the data never reached.
     */
    public static boolean reported(long at, boolean projected, long asOf, boolean endOfInput) {
        return at <= asOf || (endOfInput && !projected);
    }

    public boolean breachReported(long asOf, boolean endOfInput) {
        return breach != null && reported(breach.at(), breach.projected(), asOf, endOfInput);
    }

    /** The levels reached, as reported at watermark {@code asOf}. */
    public List<Escalation> reportedEscalations(long asOf, boolean endOfInput) {
        List<Escalation> out = new ArrayList<>(escalations.size());
        for (Escalation e : escalations) {
            if (reported(e.at(), e.projected(), asOf, endOfInput)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The earliest thing after {@code asOf} still to be reported (a fact, a level, a projected deadline): when the
     * watermark must look again. MAX_VALUE if none.
     */
    public long nextReport(long asOf) {
        long next = Long.MAX_VALUE;
        if (opening != null && opening.occurredAt > asOf) {
            next = opening.occurredAt;
        }
        for (Resolution r : resolutions) {
            next = after(next, r.at(), asOf);
        }
        for (List<Mark> marks : List.of(reopens, confirmations, closes)) {
            for (Mark m : marks) {
                next = after(next, m.at(), asOf);
            }
        }
        if (breach != null) {
            next = after(next, breach.at(), asOf);
        }
        for (Escalation e : escalations) {
            next = after(next, e.at(), asOf);
        }
        return next;
    }

    private static long after(long next, long at, long asOf) {
        return at > asOf ? Math.min(next, at) : next;
    }

    /** Resolved (or closed) now: the clock is stopped for good unless it is reopened. */
    public boolean resolved() {
        return done;
    }

    public boolean closed() {
        return closed;
    }

    public boolean openingSeen() {
        return opening != null;
    }

    public Long openedAt() {
        return opening == null ? null : opening.occurredAt;
    }

    /** The last resolution, if the complaint is resolved now. */
    public Resolution finalResolution() {
        return done && !resolutions.isEmpty() ? resolutions.get(resolutions.size() - 1) : null;
    }

    public Long closedAt() {
        return closed ? closes.get(closes.size() - 1).at() : null;
    }

    /** The customer's confirmation of the resolution in force, if any. */
    public Long confirmedAt() {
        return done && confirmedSinceResolution ? confirmations.get(confirmations.size() - 1).at() : null;
    }

    /**
     * The deadline in force: the instant of the breach if there is one (a projection while the clock still runs),
     * else where the clock would reach {@code resolve_within} had it kept running after it last stopped. Null
     * without a known policy (or a calendar that never gets there).
     */
    public Long deadlineAt() {
        if (policy == null) {
            return null;
        }
        if (breach != null) {
            return breach.at();
        }
        long at = clock.reach(lastStop, thresholds[0] - clockMillis);
        return at == Long.MAX_VALUE ? null : at;
    }

    /** Business hours of the tenant between two instants, in milliseconds. */
    public long businessMillis(long from, long to) {
        return business.between(from, to);
    }

    public long firstEventAt() {
        return firstEventAt;
    }

    public long lastEventAt() {
        return lastEventAt;
    }

    /** The latest instant anything happened to the complaint: its events and the levels it reached on them. */
    public long lastActivity() {
        return lastActivity;
    }
}
