package com.callpulse.metrics.agent;

import com.callpulse.metrics.IntervalRow;
import com.callpulse.model.AgentState;
import com.callpulse.model.NotReadyReason;
import com.callpulse.schema.Doc;
import com.callpulse.schema.Required;

/**
 * A row of {@code agent_state_intervals}: the time one agent spent in each state within one interval, from the agent
 * state events, each state's time split across the intervals it spans. Durations are seconds with millisecond
 * precision, summed exactly (every value is a whole number of milliseconds), so a day is the plain sum of its
 * intervals and the ratios of a day come from the summed seconds.
 */
public class AgentStateInterval extends IntervalRow {
    @Required
    @Doc("Agent.")
    public String agentId;

    @Doc("The agent's team as named on the state events (a row per team if it changed).")
    public String teamId;

    @Doc("The agent's site as named on the state events; remote seats have their own site id.")
    public String siteId;

    @Doc("Whether the agent worked from a remote seat, as on the state events (a row per value).")
    public Boolean remoteSeat;

    @Required
    @Doc("Seconds logged in: the sum of login, ready, not ready, on contact and after-contact work seconds.")
    public double loggedInSeconds;

    @Required
    @Doc("Seconds in state login: logged in, before the first ready or not ready.")
    public double loginSeconds;

    @Required
    @Doc("Seconds ready (available and idle, waiting for a contact).")
    public double readySeconds;

    @Required
    @Doc("Seconds on contact, from the offer (ringing included) to the end of the conversation.")
    public double onContactSeconds;

    @Required
    @Doc("Seconds in after-contact work (wrap-up).")
    public double afterContactWorkSeconds;

    @Required
    @Doc("Seconds not ready, whatever the reason.")
    public double notReadySeconds;

    @Required
    @Doc("Seconds not ready for reason break.")
    public double notReadyBreakSeconds;

    @Required
    @Doc("Seconds not ready for reason meal.")
    public double notReadyMealSeconds;

    @Required
    @Doc("Seconds not ready for reason training.")
    public double notReadyTrainingSeconds;

    @Required
    @Doc("Seconds not ready for reason meeting.")
    public double notReadyMeetingSeconds;

    @Required
    @Doc("Seconds not ready for reason coaching.")
    public double notReadyCoachingSeconds;

    @Required
    @Doc("Seconds not ready for reason admin.")
    public double notReadyAdminSeconds;

    @Required
    @Doc("Seconds not ready for reason technical.")
    public double notReadyTechnicalSeconds;

    @Required
    @Doc("Seconds not ready for reason personal.")
    public double notReadyPersonalSeconds;

    @Required
    @Doc("States cut off in this interval because no next state event came within the cap (a missing logout).")
    public long cappedStates;

    @Doc("Occupancy (Amazon Connect): (on_contact + after_contact_work) / (on_contact + after_contact_work + ready).")
    public Double occupancy;

    @Doc("Utilization: (on_contact + after_contact_work) / logged_in.")
    public Double utilization;

    /** Adds {@code millis} (negative to retract) of time in a state. */
    void add(AgentState state, NotReadyReason reason, long millis) {
        loggedInSeconds = plus(loggedInSeconds, millis);
        switch (state) {
            case LOGIN -> loginSeconds = plus(loginSeconds, millis);
            case READY -> readySeconds = plus(readySeconds, millis);
            case ON_CONTACT -> onContactSeconds = plus(onContactSeconds, millis);
            case AFTER_CONTACT_WORK -> afterContactWorkSeconds = plus(afterContactWorkSeconds, millis);
            case NOT_READY -> {
                notReadySeconds = plus(notReadySeconds, millis);
                notReady(reason, millis);
            }
            case LOGOUT -> throw new IllegalArgumentException("logged-out time counts nowhere");
        }
    }

    private void notReady(NotReadyReason reason, long millis) {
        if (reason == null) {
            return; // validation requires a reason with not_ready; the total still counts it
        }
        switch (reason) {
            case BREAK -> notReadyBreakSeconds = plus(notReadyBreakSeconds, millis);
            case MEAL -> notReadyMealSeconds = plus(notReadyMealSeconds, millis);
            case TRAINING -> notReadyTrainingSeconds = plus(notReadyTrainingSeconds, millis);
            case MEETING -> notReadyMeetingSeconds = plus(notReadyMeetingSeconds, millis);
            case COACHING -> notReadyCoachingSeconds = plus(notReadyCoachingSeconds, millis);
            case ADMIN -> notReadyAdminSeconds = plus(notReadyAdminSeconds, millis);
            case TECHNICAL -> notReadyTechnicalSeconds = plus(notReadyTechnicalSeconds, millis);
            case PERSONAL -> notReadyPersonalSeconds = plus(notReadyPersonalSeconds, millis);
        }
    }

    /**
     * Seconds plus milliseconds, exactly: a value here is always the double nearest to a whole number of
     * milliseconds / 1000, from which that number is recovered exactly (up to 2^53 / 1000 ms), so sums never drift
     * and a retracted piece brings a counter back to exactly what it was.
     */
    static double plus(double seconds, long millis) {
        return (Math.round(seconds * 1000) + millis) / 1000.0;
    }

    @Override
    public boolean isEmpty() {
        return loggedInSeconds == 0 && loginSeconds == 0 && readySeconds == 0 && onContactSeconds == 0 && afterContactWorkSeconds == 0
                && notReadySeconds == 0 && cappedStates == 0;
    }

    @Override
    public void complete() {
        double busy = onContactSeconds + afterContactWorkSeconds;
        occupancy = AgentInterval.ratio(busy, busy + readySeconds);
        utilization = AgentInterval.ratio(busy, loggedInSeconds);
    }
}
