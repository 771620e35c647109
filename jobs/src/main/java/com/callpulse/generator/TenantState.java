package com.callpulse.generator;

import com.callpulse.model.Channel;
import com.callpulse.time.BusinessCalendar;

import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/** The simulation state of one tenant: its queues and agents, today's arrivals, and the callers who will call again. */
final class TenantState {
    /**
     * Callers remembered for casual repeat contacts: about a day's callers of the tenant, so the repeat pattern is the
     * same at any volume, bounded so that memory stays in hand at ten million contacts a day.
     */
    private static int recentCallers(long tenantContactsPerDay) {
        return (int) Math.max(20_000, Math.min(tenantContactsPerDay, 2_000_000));
    }

    /** Callers waiting to call again: room for a third of a day's contacts, far above what the simulation plans. */
    private static int maxPendingRepeats(long tenantContactsPerDay) {
        return (int) Math.max(200_000, Math.min(tenantContactsPerDay / 3, 5_000_000));
    }

    /** A caller who will contact the hotline again, no earlier than {@code due}. */
    record Repeat(long due, long seq, Caller caller, Topic topic, Channel channel, boolean selfServe) {}

    final int index;
    final TenantProfile profile;
    final ZoneRules zone;
    final BusinessCalendar calendar;
    final QueueState[] queues;
    private final Map<String, QueueState> queueById = new HashMap<>();
    final List<Agent> agents = new ArrayList<>();
    /** Agents so far per site and group, to fill teams of twelve. */
    final Map<String, Integer> agentsPerSiteGroup = new HashMap<>();
    final TenantProfile.District surgeDistrict;

    /** End of the tenant's last simulated business day: no shift runs past it. */
    long horizonEnd;
    Arrivals arrivals;
    int day;
    long contactSeq;
    long callbackSeq;
    long complaintSeq;

    private final Caller[] recent;
    private final int maxPendingRepeats;
    private int recentCount;
    private int recentNext;
    private final PriorityQueue<Repeat> repeats = new PriorityQueue<>((a, b) -> a.due() != b.due() ? Long.compare(a.due(), b.due()) : Long.compare(a.seq(), b.seq()));
    private long repeatSeq;

    TenantState(int index, TenantProfile profile, long tenantContactsPerDay) {
        this.index = index;
        this.profile = profile;
        this.recent = new Caller[recentCallers(tenantContactsPerDay)];
        this.maxPendingRepeats = maxPendingRepeats(tenantContactsPerDay);
        this.zone = profile.tenant.timeZone().getRules();
        this.calendar = new BusinessCalendar(profile.tenant.timeZone());
        this.queues = new QueueState[profile.queues.size()];
        for (int i = 0; i < queues.length; i++) {
            queues[i] = new QueueState(profile.queues.get(i));
            queueById.put(queues[i].def.id(), queues[i]);
        }
        this.surgeDistrict = profile.districts.items().get(0);
    }

    String id() {
        return profile.tenant.id();
    }

    QueueState queue(String id) {
        QueueState q = queueById.get(id);
        if (q == null) {
            throw new IllegalStateException("tenant " + id() + " has no queue " + id);
        }
        return q;
    }

    void remember(Caller c) {
        recent[recentNext] = c;
        recentNext = (recentNext + 1) % recent.length;
        recentCount = Math.min(recentCount + 1, recent.length);
    }

    /** A recently seen caller, or null when none is remembered yet. */
    Caller recentCaller(SplittableRandom r) {
        return recentCount == 0 ? null : recent[r.nextInt(recentCount)];
    }

    void callAgain(long due, Caller caller, Topic topic, Channel channel, boolean selfServe) {
        if (repeats.size() < maxPendingRepeats) {
            repeats.add(new Repeat(due, repeatSeq++, caller, topic, channel, selfServe));
        }
    }

    /** The earliest repeat caller due by {@code now}, removed; or null. */
    Repeat dueRepeat(long now) {
        Repeat head = repeats.peek();
        return head != null && head.due() <= now ? repeats.poll() : null;
    }
}
