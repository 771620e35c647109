package com.callpulse.metrics.live;

import com.callpulse.model.AgentState;
import com.callpulse.model.NotReadyReason;

/**
 * An agent's current state, from its state events: the newest event decides (an older one arriving late changes
 * nothing), and the skills of its newest {@code login} say which queues it counts in (skills are queue ids).
 * Plain Java; Flink state (public fields).
 */
public class LiveAgent {
    public static final long NONE = Long.MIN_VALUE;

    public AgentState state;
    public NotReadyReason reason;
    /** Event time of the newest state event (which decides the state). */
    public long since = NONE;
    /** When the current state (and reason) began: a repeated state event does not restart it. */
    public long stateSince = NONE;
    /** Team of the newest event that named one; null while none did. */
    public String teamId;
    public long teamAt = NONE;
    /** Skills of the newest login; null while no login was seen. */
    public String[] skills;
    public long skillsAt = NONE;
    public long lastAt = NONE;

    public LiveAgent() {}

    /** Applies a state event: true when the agent's current state, the start of that state or its skills changed. */
    public boolean apply(AgentState newState, NotReadyReason newReason, String[] loginSkills, long at) {
        lastAt = Math.max(lastAt, at);
        boolean changed = false;
        if (newState == AgentState.LOGIN && loginSkills != null && at >= skillsAt) {
            skills = loginSkills.clone();
            skillsAt = at;
            changed = true;
        }
        if (at >= since) {
            boolean other = state != newState || reason != newReason;
            if (other || stateSince == NONE) {
                stateSince = at;
            }
            changed |= other;
            state = newState;
            reason = newReason;
            since = at;
        } else if ((state != newState || reason != newReason) && at > stateSince) {
            // a late event of another state inside the current run: the state began again after it, at the newest
            // repeat at the latest
            stateSince = since;
            changed = true;
        }
        return changed;
    }

    /** Takes the team of an event at {@code at} if it is the newest that names one: true when the team changed. */
    public boolean team(String team, long at) {
        if (team == null || (teamId != null && at < teamAt)) {
            return false;
        }
        teamAt = at;
        boolean changed = !team.equals(teamId);
        teamId = team;
        return changed;
    }

    public boolean loggedIn() {
        return state != null && state != AgentState.LOGOUT;
    }

    public boolean hasSkill(String queue) {
        if (skills != null) {
            for (String s : skills) {
                if (s.equals(queue)) {
                    return true;
                }
            }
        }
        return false;
    }
}
