package com.callpulse.config;

import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the metrics are computed. See docs/metrics.md for every metric.
 *
 * @param intervalMinutes length of reporting intervals: 15, 30 or 60, aligned to the tenant's local midnight
 * @param allowedLateness an interval is final at its end plus this (it covers after-contact work and delivery)
 * @param restatementHorizon a final interval is kept this long after it became final, so a late event can restate it
 * @param repeatWindows a contact is a repeat when the same caller contacts again within each of these
 * @param selfServiceWindow how long after a recommendation the caller's self-service use (or call-back) counts
 * @param surveyWindow how long after a contact its survey response is still joined to it (for topic and channel)
 * @param agentStateCap an agent state with no next event ends after this (a lost logout must not count for days)
 * @param liveEmitInterval live queue state is pushed at most this often per queue (every change, coalesced)
 */
public record MetricsConfig(int intervalMinutes, Duration allowedLateness, Duration restatementHorizon, List<Duration> repeatWindows,
        Duration selfServiceWindow, Duration surveyWindow, Duration agentStateCap, Duration liveEmitInterval, List<ServiceLevelConfig> serviceLevels, Map<String, ComplaintPolicy> complaintPolicies,
        HotTopicConfig hotTopics) implements Serializable {

    private static final Set<Integer> INTERVALS = Set.of(15, 30, 60);

    public MetricsConfig {
        if (!INTERVALS.contains(intervalMinutes)) {
            throw new IllegalArgumentException("metrics.interval_minutes must be 15, 30 or 60");
        }
        IngestConfig.require(allowedLateness, "metrics.allowed_lateness");
        IngestConfig.require(restatementHorizon, "metrics.restatement_horizon");
        IngestConfig.require(selfServiceWindow, "metrics.self_service_window");
        IngestConfig.require(surveyWindow, "metrics.survey_window");
        IngestConfig.require(agentStateCap, "metrics.agent_state_cap");
        IngestConfig.require(liveEmitInterval, "metrics.live_emit_interval");
        repeatWindows = repeatWindows == null ? List.of() : List.copyOf(repeatWindows);
        serviceLevels = serviceLevels == null ? List.of() : List.copyOf(serviceLevels);
        complaintPolicies = complaintPolicies == null ? Map.of() : Map.copyOf(complaintPolicies);
        if (serviceLevels.stream().noneMatch(s -> s.tenant().equals("*") && s.queue().equals("*"))) {
            throw new IllegalArgumentException("metrics.service_levels needs a default entry with tenant '*' and queue '*'");
        }
        if (hotTopics == null) {
            throw new IllegalArgumentException("metrics.hot_topics is required");
        }
    }

    public long intervalMillis() {
        return intervalMinutes * 60_000L;
    }

    /** The service level in force for a queue on a business date: most specific match, then newest version. */
    public ServiceLevelConfig serviceLevel(String tenant, String queue, LocalDate date) {
        return serviceLevels.stream()
                .filter(s -> s.matches(tenant, queue) && !s.effectiveFrom().isAfter(date))
                .max(Comparator.comparingInt(ServiceLevelConfig::specificity).thenComparing(ServiceLevelConfig::effectiveFrom))
                .orElseThrow(() -> new IllegalStateException("no service level in force for " + tenant + "/" + queue + " on " + date));
    }
}
