package com.callpulse.generator;

import java.util.ArrayDeque;
import java.util.TreeSet;

/** A queue: contacts waiting in arrival order, and the idle agents who have its skill, longest idle first. */
final class QueueState {
    final TenantProfile.QueueDef def;
    final ArrayDeque<Contact> waiting = new ArrayDeque<>();
    final TreeSet<Agent> idle = new TreeSet<>(Agent.LONGEST_IDLE);
    /** Contacts waiting now ({@link #waiting} may still hold some that left). */
    int waitingCount;
    /** Agents logged in with this skill. */
    int staffed;

    QueueState(TenantProfile.QueueDef def) {
        this.def = def;
    }

    /**
     * The ACD stops queueing voice callers when the estimated wait passes about a minute and a half: a backlog of a
     * third of the agents who could take them, at some five minutes per contact.
     */
    boolean full() {
        return waitingCount >= Math.max(4, staffed / 3);
    }

    /** The oldest contact still waiting; contacts that gave up meanwhile are dropped on the way. */
    Contact peekWaiting() {
        Contact c;
        while ((c = waiting.peekFirst()) != null && (!c.waiting || c.queue != this)) {
            waiting.pollFirst();
        }
        return c;
    }
}
