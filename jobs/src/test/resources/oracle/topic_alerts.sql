-- key: alert_id
-- topic_alerts: each surge or drop from the minute it started to the minute it cleared (clear_minutes calm minutes
-- in a row; the alert covers the minutes before them). Alerts still open when the input ended are not written.
WITH starts AS (
    SELECT tenant_id, topic, m AS start_minute, kind, o15, exp15, z15, o60, exp60, z60,
           tenant_id || ':' || topic || ':' || kind || ':' || strftime(to_timestamp(m * 60) AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%MZ') AS alert_id
    FROM topic_steps WHERE kind_before IS NULL AND kind IS NOT NULL
),
ends AS (
    SELECT tenant_id, topic, m AS clear_minute FROM topic_steps WHERE kind_before IS NOT NULL AND kind IS NULL
),
alerts AS (
    SELECT s.*, min(e.clear_minute) AS clear_minute
    FROM starts s JOIN ends e ON e.tenant_id = s.tenant_id AND e.topic = s.topic AND e.clear_minute > s.start_minute
    GROUP BY ALL
),
spans AS (
    SELECT a.*, a.clear_minute - st.clear_minutes + 1 AS end_minute FROM alerts a CROSS JOIN topic_settings st
),
minutes AS (
    SELECT s.alert_id, t.m, t.c, t.b * t.f15 AS expected, t.z15, t.o15, t.exp15
    FROM spans s JOIN topic_steps t ON t.tenant_id = s.tenant_id AND t.topic = s.topic AND t.m >= s.start_minute AND t.m < s.end_minute
),
peaks AS (
    SELECT n.alert_id, n.m AS peak_minute, n.z15 AS peak_z, n.o15 AS peak_o15, n.exp15 AS peak_exp15
    FROM minutes n JOIN spans s USING (alert_id)
    WHERE n.z15 IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY n.alert_id ORDER BY CASE WHEN s.kind = 'surge' THEN -n.z15 ELSE n.z15 END, n.m) = 1
),
totals AS (
    SELECT alert_id, sum(c) AS observed_total, sum(expected) AS expected_total FROM minutes GROUP BY ALL
),
self_service AS (
    SELECT s.alert_id, sum(k.ss) AS served
    FROM spans s JOIN topic_counts k ON k.tenant_id = s.tenant_id AND k.topic = s.topic AND k.minute BETWEEN s.start_minute - 59 AND s.start_minute
    GROUP BY ALL
),
ranks AS (
    SELECT tenant_id, topic, minute_start, growth_rank FROM (
        SELECT tenant_id, topic, to_timestamp(m * 60) AS minute_start,
               row_number() OVER (PARTITION BY tenant_id, m ORDER BY o15 / exp15 DESC, topic) AS growth_rank
        FROM topic_steps WHERE z15 IS NOT NULL AND exp15 > 0 AND o15 / exp15 > 1
    ) WHERE growth_rank <= (SELECT top_k FROM topic_settings)
)
SELECT s.tenant_id, s.alert_id, s.topic, s.kind, 1 AS version,
       to_timestamp(s.start_minute * 60) AS started_at, to_timestamp(s.end_minute * 60) AS ended_at,
       to_timestamp((s.clear_minute + 1) * 60) AS cleared_at, s.end_minute - s.start_minute AS duration_minutes,
       s.o15 AS observed15, s.exp15 AS expected15, s.z15, s.o15 / s.exp15 AS growth15,
       s.o60 AS observed60, s.exp60 AS expected60, s.z60, 'ewma' AS baseline, r.growth_rank,
       coalesce(ss.served, 0) / nullif(s.o60, 0) AS ivr_self_service_share,
       CASE WHEN s.kind = 'drop' THEN 'check_routing'
            WHEN coalesce(ss.served, 0) / nullif(s.o60, 0) >= st.divert_min_share THEN 'divert_to_ivr'
            ELSE 'no_self_service_path' END AS suggestion,
       to_timestamp(p.peak_minute * 60) AS peak_at, p.peak_z AS peak_z15, p.peak_o15 AS peak_observed15, p.peak_exp15 AS peak_expected15,
       t.observed_total, t.expected_total
FROM spans s
CROSS JOIN topic_settings st
LEFT JOIN peaks p USING (alert_id)
LEFT JOIN totals t USING (alert_id)
LEFT JOIN self_service ss USING (alert_id)
LEFT JOIN ranks r ON r.tenant_id = s.tenant_id AND r.topic = s.topic AND r.minute_start = to_timestamp(s.start_minute * 60)
