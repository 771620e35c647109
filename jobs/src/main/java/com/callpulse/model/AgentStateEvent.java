package com.callpulse.model;

import com.callpulse.schema.Doc;
import com.callpulse.schema.Required;

/** An agent's state change (stream {@code agent_state_events}). */
@Doc("An agent's state change as reported by the ACD.")
public class AgentStateEvent extends Event {
    @Required
    @Doc("Agent id, unique within the tenant.")
    public String agentId;

    @Required
    @Doc("New state: login, ready, not_ready, on_contact, after_contact_work, logout.")
    public AgentState state;

    @Doc("Why not ready; required with not_ready: break, meal, training, meeting, coaching, admin, technical, personal.")
    public NotReadyReason reason;

    @Doc("The agent's team.")
    public String teamId;

    @Doc("The agent's site; remote seats have their own site id.")
    public String siteId;

    @Doc("True when the agent works from a remote seat.")
    public Boolean remoteSeat;

    @Doc("Skills the agent is logged in with.")
    public String[] skills;

    @Doc("Contact being worked, with on_contact and after_contact_work.")
    public String contactId;

    @Override
    public Problem check() {
        if (state == AgentState.NOT_READY && reason == null) {
            return missingFor("reason", "state is not_ready");
        }
        if (state != null && state != AgentState.NOT_READY && reason != null) {
            return inconsistent("reason is only allowed with state not_ready");
        }
        return null;
    }
}
