package com.callpulse.metrics.agent;

/**
 * The row key of both agent tables: tenant, agent, team, site and remote seat, so an agent who changes team or seat
 * during a day gets a row per team and seat, and both tables join on the same columns. Absent parts are encoded
 * apart from any real id.
 */
final class AgentKey {
    private static final char SEPARATOR = '|';
    private static final String ABSENT = "\u0000";

    private AgentKey() {}

    static String of(String tenant, String agent, String team, String site, Boolean remoteSeat) {
        return tenant + SEPARATOR + agent + SEPARATOR + part(team) + SEPARATOR + part(site) + SEPARATOR + (remoteSeat == null ? ABSENT : remoteSeat.toString());
    }

    /** The key of an agent's state timeline: tenant and agent. */
    static String agent(String tenant, String agent) {
        return tenant + SEPARATOR + agent;
    }

    private static String part(String s) {
        return s == null ? ABSENT : s;
    }
}
