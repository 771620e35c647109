package com.callpulse.metrics.agent;

import com.callpulse.model.AgentState;
import com.callpulse.time.Intervals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * One agent's recent state changes and how much of their time has been handed on, without Flink: the arithmetic
 * of {@code agent_state_intervals}. Also the keyed state of {@link AgentStateSplitter} (a Flink POJO).
 *
 * <p>The definition it implements: each state event's state lasts from its {@code occurred_at} until the agent's
 * next state event (in {@link StateMark#ORDER}), but at most {@code cap}; a state that reaches the cap is cut there
 * (a missing logout) and the agent counts as logged out from then on. Logout periods count nowhere. Time is split
 * across the tenant's intervals at their boundaries.
 *
 * <p>Time is handed on ({@link #emit}) interval by interval up to {@link #emittedUntil}; a state change that
 * arrives for earlier time ({@link #add}) yields the difference it makes to what was handed on, so the sums stay
 * exact whatever the delivery order.
 */
public class AgentTimeline {
    public static final long NO_TIMER = Long.MIN_VALUE;

    public String tenantId;
    public String agentId;
    /** State changes in {@link StateMark#ORDER}; older ones are pruned, keeping the one in force at the prune time. */
    public StateMark[] marks;
    /** Time before this instant (an interval start) has been handed on. */
    public long emittedUntil;
    /** The one event-time timer pending for this agent, or {@link #NO_TIMER}. */
    public long timer;

    public AgentTimeline() {}

    static AgentTimeline start(String tenantId, String agentId, long from) {
        AgentTimeline t = new AgentTimeline();
        t.tenantId = tenantId;
        t.agentId = agentId;
        t.marks = new StateMark[0];
        t.emittedUntil = from;
        t.timer = NO_TIMER;
        return t;
    }

    /**
     * Adds a state change. When it falls before {@link #emittedUntil} (a late event), the change it makes to the time
     * already handed on goes to {@code out}: negative pieces for the time that no longer holds, positive ones for what
     * holds now, netted per interval.
     *
     * @return the position of the new mark in the timeline
     */
    int add(StateMark m, Intervals iv, long cap, Pieces out) {
        boolean late = m.at < emittedUntil;
        if (late) {
            contribute(m.at, emittedUntil, iv, cap, -1, out); // nothing before m.at changes
        }
        int i = insert(m);
        if (late) {
            contribute(m.at, emittedUntil, iv, cap, 1, out);
        }
        return i;
    }

    /** Hands on the time from {@link #emittedUntil} to {@code to} (an interval boundary). */
    void emit(long to, Intervals iv, long cap, Pieces out) {
        if (to > emittedUntil) {
            contribute(emittedUntil, to, iv, cap, 1, out);
            emittedUntil = to;
        }
    }

    /** When the agent's counted time ends: its last logout, or its last state cut at the cap. */
    long countingEnd(long cap) {
        StateMark last = marks[marks.length - 1];
        return last.state == AgentState.LOGOUT ? last.at : last.at + cap;
    }

    /** True when every counted moment has been handed on: the agent is logged out (or cut off) and emitted past it. */
    boolean finished(long cap) {
        return marks.length == 0 || emittedUntil >= countingEnd(cap);
    }

    /**
     * True when the mark at position {@code i} (not a login or logout) begins a session: nothing before it, or a
     * logout, or a state already cut at the cap. Such a session counts from that event, as if logged in then.
     */
    boolean startsSessionWithoutLogin(int i, long cap) {
        StateMark m = marks[i];
        if (m.state == AgentState.LOGIN || m.state == AgentState.LOGOUT) {
            return false;
        }
        if (i == 0) {
            return true;
        }
        StateMark before = marks[i - 1];
        return before.state == AgentState.LOGOUT || before.at + cap < m.at;
    }

    /**
     * Forgets the marks that cannot matter for time from {@code from} on: all but the last one before it, which
     * stays as the state in force at {@code from}.
     */
    void prune(long from) {
        int keep = 0;
        while (keep + 1 < marks.length && marks[keep + 1].at < from) {
            keep++;
        }
        if (keep > 0) {
            marks = Arrays.copyOfRange(marks, keep, marks.length);
        }
    }

    private int insert(StateMark m) {
        int i = marks.length;
        while (i > 0 && StateMark.ORDER.compare(marks[i - 1], m) > 0) {
            i--;
        }
        StateMark[] next = new StateMark[marks.length + 1];
        System.arraycopy(marks, 0, next, 0, i);
        next[i] = m;
        System.arraycopy(marks, i, next, i + 1, marks.length - i);
        marks = next;
        return i;
    }

    /** Adds {@code sign} times the timeline's time within [from, to) to {@code out}, split at interval boundaries. */
    private void contribute(long from, long to, Intervals iv, long cap, int sign, Pieces out) {
        for (int i = 0; i < marks.length && marks[i].at < to; i++) {
            StateMark m = marks[i];
            if (m.state == AgentState.LOGOUT) {
                continue;
            }
            long next = i + 1 < marks.length ? marks[i + 1].at : Long.MAX_VALUE;
            long cut = m.at + cap;
            long a = Math.max(m.at, from);
            long b = Math.min(Math.min(next, cut), to);
            while (a < b) {
                long start = iv.start(a);
                long end = Math.min(iv.end(start), b);
                out.add(this, m, start, sign * (end - a), 0);
                a = end;
            }
            if (next > cut && cut >= from && cut < to) {
                out.add(this, m, iv.start(cut), 0, sign);
            }
        }
    }

    /**
     * Pieces being gathered for one hand-over, netted per interval, state, reason, team, site and seat, so a late event
     * that changes nothing yields nothing and each interval gets one piece per state. Reused; not thread-safe.
     */
    public static final class Pieces {
        private final List<AgentStatePiece> pieces = new ArrayList<>();

        void add(AgentTimeline t, StateMark m, long intervalStart, long millis, int capped) {
            for (AgentStatePiece p : pieces) {
                if (p.intervalStart == intervalStart && p.state == m.state && p.reason == m.reason && m.sameRow(p.teamId, p.siteId, p.remoteSeat)) {
                    p.millis += millis;
                    p.capped += capped;
                    return;
                }
            }
            AgentStatePiece p = new AgentStatePiece();
            p.tenantId = t.tenantId;
            p.agentId = t.agentId;
            p.teamId = m.teamId;
            p.siteId = m.siteId;
            p.remoteSeat = m.remoteSeat;
            p.intervalStart = intervalStart;
            p.state = m.state;
            p.reason = m.reason;
            p.millis = millis;
            p.capped = capped;
            pieces.add(p);
        }

        /** Hands every piece that changes something to {@code out}, in the order gathered, and starts afresh. */
        int drainTo(Consumer<AgentStatePiece> out) {
            int n = 0;
            for (AgentStatePiece p : pieces) {
                if (p.millis != 0 || p.capped != 0) {
                    out.accept(p);
                    n++;
                }
            }
            pieces.clear();
            return n;
        }
    }
}
