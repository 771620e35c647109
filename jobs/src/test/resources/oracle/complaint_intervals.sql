-- key: tenant_id, category, level, interval_start
-- complaint_intervals: every complaint fact (_complaint.sql) counted in the 15-minute interval of its time, per
-- tenant, category and escalation level then.
WITH counted AS (
    SELECT f.tenant_id, f.category, f.level, interval_start(ms_ts(f.at_ms), t.tz, 15) AS interval_start,
           count(*) FILTER (kind = 'opened') AS opened,
           count(*) FILTER (kind = 'resolved') AS resolved,
           count(*) FILTER (kind = 'resolved' AND on_time) AS resolved_on_time,
           count(*) FILTER (kind = 'breached') AS breached,
           count(*) FILTER (kind = 'escalated') AS escalations,
           count(*) FILTER (kind = 'escalated' AND by_deadline) AS deadline_escalations,
           count(*) FILTER (kind = 'reopened') AS reopened,
           count(*) FILTER (kind = 'confirmed') AS confirmed,
           count(*) FILTER (kind = 'closed') AS closed,
           coalesce(sum(elapsed_s) FILTER (kind = 'resolved'), 0) AS resolve_elapsed_seconds,
           coalesce(sum(business_s) FILTER (kind = 'resolved'), 0) AS resolve_business_seconds
    FROM complaint_facts f JOIN tenants t USING (tenant_id)
    GROUP BY ALL
)
SELECT *,
       resolved_on_time / nullif(resolved, 0) AS on_time_rate,
       resolve_elapsed_seconds / 3600.0 / nullif(resolved, 0) AS mean_hours_to_resolve,
       resolve_business_seconds / 3600.0 / nullif(resolved, 0) AS mean_business_hours_to_resolve,
       reopened / nullif(resolved, 0) AS reopen_rate
FROM counted;
