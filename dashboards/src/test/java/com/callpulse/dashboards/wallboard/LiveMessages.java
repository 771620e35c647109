package com.callpulse.dashboards.wallboard;

import java.util.Locale;

/**
 * Live-topic messages as docs/metrics.md documents them ("Live queue state and the live sink", the alert envelopes,
 * the agents and contacts topics), written by hand for the tests that feed the wallboard without the job.
 */
final class LiveMessages {
    /** 2026-11-20 09:15:02.120 +08:00, the documented example's clock. */
    static final long AS_OF = 1795137302120L;

    private LiveMessages() {}

    /** {@code emitted_at_ms} is the writer's wall clock, as the job writes it: a screen ticks the tenant's clock from it. */
    static String queueState(String tenant, String queue, int waiting, long oldestQueuedAtMs, double sl15, double asa15, double abandon15, int offeredToday) {
        String block = String.format(Locale.ROOT, "{\"from_ms\": %d, \"entered\": %d, \"offered\": %d, \"answered\": %d, \"abandoned\": %d,"
                + " \"service_level\": %s, \"asa_seconds\": %s, \"abandonment_rate\": %s, \"aht_seconds\": 273.33}",
                AS_OF - 840_000, offeredToday, offeredToday, offeredToday - 2, 2, sl15, asa15, abandon15);
        return String.format(Locale.ROOT, "{\"type\": \"queue_state\", \"version\": 1, \"tenant_id\": \"%s\", \"queue_id\": \"%s\", \"as_of_ms\": %d,"
                + " \"emitted_at_ms\": %d, \"business_date\": \"2026-11-20\","
                + " \"service_level_config\": {\"config\": \"*/*@2020-01-01\", \"threshold_seconds\": 20, \"short_abandon_seconds\": 5, \"variant\": \"answered_within\", \"target\": 0.8},"
                + " \"service_level_breach\": null,"
                + " \"agents\": {\"logged_in\": 41, \"available\": 3, \"on_contact\": 30, \"after_contact_work\": 5, \"not_ready\": 3, \"logging_in\": 0, \"not_ready_by_reason\": {\"break\": 2, \"meal\": 1}},"
                + " \"total\": {\"waiting\": %d, \"oldest_queued_at_ms\": %d, \"oldest_wait_seconds\": %d, \"trailing_15m\": %s, \"trailing_30m\": %s, \"today\": %s},"
                + " \"channels\": {\"voice\": {\"waiting\": %d, \"oldest_queued_at_ms\": %d, \"oldest_wait_seconds\": %d, \"trailing_15m\": %s, \"trailing_30m\": %s, \"today\": %s}}}",
                tenant, queue, AS_OF, System.currentTimeMillis(), waiting, oldestQueuedAtMs, (AS_OF - oldestQueuedAtMs) / 1000, block, block, block,
                waiting, oldestQueuedAtMs, (AS_OF - oldestQueuedAtMs) / 1000, block, block, block);
    }

    static String agent(String tenant, String agent, String state, String reason, long sinceMs, String... queues) {
        StringBuilder q = new StringBuilder();
        for (String s : queues) {
            q.append(q.length() == 0 ? "" : ", ").append('"').append(s).append('"');
        }
        return String.format(Locale.ROOT, "{\"type\": \"agent_state\", \"tenant_id\": \"%s\", \"agent_id\": \"%s\", \"team_id\": \"team-1\", \"state\": \"%s\","
                + " \"reason\": %s, \"since_ms\": %d, \"queues\": [%s], \"occurred_at_ms\": %d, \"emitted_at_ms\": %d}",
                tenant, agent, state, reason == null ? "null" : "\"" + reason + "\"", sinceMs, q, sinceMs, sinceMs + 200);
    }

    static String exit(String tenant, String contact, String queue, String outcome, int waitSeconds, long atMs) {
        return String.format(Locale.ROOT, "{\"type\": \"queue_exit\", \"tenant_id\": \"%s\", \"contact_id\": \"%s\", \"queue_id\": \"%s\", \"channel\": \"voice\","
                + " \"outcome\": \"%s\", \"wait_seconds\": %d, \"occurred_at_ms\": %d, \"emitted_at_ms\": %d}", tenant, contact, queue, outcome, waitSeconds, atMs, atMs + 100);
    }

    static String surge(String tenant, String id, String state, long atMs) {
        return String.format(Locale.ROOT, "{\"type\": \"topic_surge\", \"version\": 1, \"alert_id\": \"%s\", \"state\": \"%s\", \"tenant_id\": \"%s\","
                + " \"occurred_at_ms\": %d, \"topic\": \"broadband_outage\", \"window_minutes\": 15, \"observed\": 34, \"expected\": 5.5, \"z\": 12.2%s}",
                id, state, tenant, atMs, "raised".equals(state)
                        ? ", \"regions\": [{\"region\": \"hefei-shushan\", \"observed\": 31, \"expected\": 2.1, \"share\": 0.97}], \"queues\": [{\"queue\": \"broadband_tech\", \"observed\": 33, \"expected\": 4.0, \"share\": 0.99}],"
                        + " \"suggestion\": \"divert_to_ivr\", \"advice\": \"Announce the broadband outage in Hefei Shushan in the IVR.\""
                        : ", \"ended_at_ms\": " + atMs);
    }

    static String escalation(String tenant, String complaint, String state, long atMs) {
        return String.format(Locale.ROOT, "{\"type\": \"complaint_escalation\", \"version\": 1, \"alert_id\": \"complaint_escalation:%s-L2\", \"state\": \"%s\", \"tenant_id\": \"%s\","
                + " \"occurred_at_ms\": %d, \"complaint_id\": \"%s\", \"escalation_id\": \"%s-L2\", \"level\": 2, \"category\": \"billing_dispute\", \"severity\": \"high\", \"hours_overdue\": 12.0}",
                complaint, state, tenant, atMs, complaint, complaint);
    }
}
