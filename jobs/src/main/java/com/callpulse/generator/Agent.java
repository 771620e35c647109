package com.callpulse.generator;

import com.callpulse.model.NotReadyReason;

import java.util.ArrayDeque;
import java.util.Comparator;

/** An agent: who they are (fixed) and what they are doing right now. */
final class Agent {
    enum State { OFFLINE, LOGGING_IN, IDLE, BUSY, WRAP_UP, NOT_READY }

    /** Longest idle first; the sequence number breaks ties so the order never depends on identity hashes. */
    static final Comparator<Agent> LONGEST_IDLE = Comparator.<Agent>comparingLong(a -> a.idleSince).thenComparingInt(a -> a.seq);

    /** A planned not-ready period. */
    record Pause(long start, long durationMillis, NotReadyReason reason) {}

    final TenantState tenant;
    final int seq;
    final String id;
    final int group;
    final QueueState[] skills;
    final String[] skillCodes;
    final TenantProfile.Site site;
    final String teamId;
    /** How well the agent resolves and pleases callers, around 0. */
    final double quality;
    /** Multiplier on talk time. */
    final double pace;

    State state = State.OFFLINE;
    long idleSince;
    Contact contact;
    long freeFrom = Long.MIN_VALUE;
    int shiftToken;
    int pauseToken;
    boolean logoutDue;
    /** On the run's last shift: keeps taking contacts past its end until its queues are empty. */
    boolean draining;
    final ArrayDeque<Pause> duePauses = new ArrayDeque<>();

    Agent(TenantState tenant, int seq, String id, int group, QueueState[] skills, TenantProfile.Site site, String teamId, double quality, double pace) {
        this.tenant = tenant;
        this.seq = seq;
        this.id = id;
        this.group = group;
        this.skills = skills;
        this.skillCodes = new String[skills.length];
        for (int i = 0; i < skills.length; i++) {
            skillCodes[i] = skills[i].def.id();
        }
        this.site = site;
        this.teamId = teamId;
        this.quality = quality;
        this.pace = pace;
    }
}
