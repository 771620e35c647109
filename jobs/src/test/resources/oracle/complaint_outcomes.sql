-- key: tenant_id, complaint_id
-- complaint_outcomes: every complaint as it stands at the end of the input (_complaint.sql).
WITH last_state AS (
    SELECT * FROM complaint_events_levelled
    QUALIFY row_number() OVER (PARTITION BY tenant_id, complaint_id ORDER BY seq DESC) = 1
),
per_complaint AS (
    SELECT tenant_id, complaint_id,
           count(*) AS event_count, min(occurred_ms) AS first_ms, max(occurred_ms) AS last_ms,
           count(*) FILTER (action = 'reopened' AND done_before) AS reopen_count,
           max(t) FILTER (action IN ('resolved', 'closed') AND NOT done_before) AS last_resolution,
           max(t) FILTER (action = 'closed' AND NOT closed_before) AS last_close
    FROM complaint_states GROUP BY ALL
),
final_confirmation AS (
    SELECT tenant_id, complaint_id, resolutions_so_far, min(t) AS at_ms
    FROM complaint_states WHERE action = 'confirmed' AND done GROUP BY ALL
),
clock AS (
    -- the clock when it last stopped: the total of the finished stretches, and when that was
    SELECT tenant_id, complaint_id, coalesce(sum(run_ms) FILTER (next_t IS NOT NULL), 0) AS clock_ms,
           max(next_t) FILTER (next_t IS NOT NULL) AS stopped_at
    FROM complaint_runs GROUP BY ALL
),
levels AS (
    SELECT tenant_id, complaint_id, max(level) AS level_reached, count(*) FILTER (raised_by = 'deadline') AS deadline_escalations
    FROM complaint_levels GROUP BY ALL
)
SELECT s.tenant_id, s.complaint_id, s.opened_seen, NOT s.closed AS still_open,
       ms_ts(s.opened_ms) AS opened_at, s.category, s.severity, s.deadline_policy, s.channel,
       ms_ts(CASE WHEN s.resolve_within_ms IS NULL THEN NULL
                  WHEN d.at_ms IS NOT NULL THEN d.at_ms
                  ELSE clock_reach(s.tenant_id, s.business_hours, coalesce(c.stopped_at, s.opened_ms), s.resolve_within_ms - coalesce(c.clock_ms, 0))
             END) AS deadline_at,
       b.at_ms IS NOT NULL AS breached, ms_ts(b.at_ms) AS breached_at,
       ms_ts(CASE WHEN s.done THEN p.last_resolution END) AS resolved_at,
       CASE WHEN s.done AND s.opened_seen AND s.resolve_within_ms IS NOT NULL THEN b.at_ms IS NULL END AS on_time,
       ms_ts(CASE WHEN s.closed THEN p.last_close END) AS closed_at,
       ms_ts(CASE WHEN s.done THEN fc.at_ms END) AS confirmed_at,
       coalesce(l.level_reached, 0) AS level_reached, coalesce(l.deadline_escalations, 0) AS deadline_escalations,
       p.reopen_count,
       CASE WHEN s.done AND s.opened_seen THEN (p.last_resolution - s.opened_ms) / 3600000.0 END AS elapsed_hours_to_resolve,
       CASE WHEN s.done AND s.opened_seen
            THEN (business_upto(s.tenant_id, p.last_resolution) - business_upto(s.tenant_id, s.opened_ms)) / 3600000.0 END AS business_hours_to_resolve,
       CASE WHEN s.done AND s.resolve_within_ms IS NOT NULL THEN coalesce(c.clock_ms, 0) / 3600000.0 END AS clock_hours_to_resolve,
       p.event_count, ms_ts(p.first_ms) AS first_event_at, ms_ts(p.last_ms) AS last_event_at
FROM last_state s
JOIN per_complaint p USING (tenant_id, complaint_id)
LEFT JOIN clock c USING (tenant_id, complaint_id)
LEFT JOIN levels l USING (tenant_id, complaint_id)
LEFT JOIN complaint_breaches b USING (tenant_id, complaint_id)
LEFT JOIN complaint_deadlines d ON d.tenant_id = s.tenant_id AND d.complaint_id = s.complaint_id AND d.k = 1
LEFT JOIN final_confirmation fc ON fc.tenant_id = s.tenant_id AND fc.complaint_id = s.complaint_id AND fc.resolutions_so_far = s.resolutions_so_far;
