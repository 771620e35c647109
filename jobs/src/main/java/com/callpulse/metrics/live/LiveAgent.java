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
    /** Event time of the current state. */
    public long since = NONE;
    /** Skills of the newest login; null while no login was seen. */
    public String[] skills;
    public long skillsAt = NONE;
    public long lastAt = NONE;

    public LiveAgent() {}

    /** Applies a state event: true when the agent's current state or skills changed. */
    public boolean apply(AgentState newState, NotReadyReason newReason, String[] loginSkills, long at) {
        lastAt = Math.max(lastAt, at);
        boolean changed = false;
        if (newState == AgentState.LOGIN && loginSkills != null && at >= skillsAt) {
            skills = loginSkills.clone();
            skillsAt = at;
            changed = true;
        }
        if (at >= since) {
            changed |= state != newState || reason != newReason;
            state = newState;
            reason = newReason;
            since = at;
        }
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
