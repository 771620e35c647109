-- key: alert_id, dimension, value
-- topic_alert_drivers: per alert, the regions and queues whose contacts in the 15 minutes that raised it exceed
-- (surge) or fall short of (drop) their expectation the most: expected15 of the topic x the value's EWMA share of
-- the topic's contacts before the start minute (learnt and frozen like the topic's own EWMA). Top 5 each.
WITH starts AS (
    SELECT tenant_id, topic, m AS start_minute, kind, exp15,
           tenant_id || ':' || topic || ':' || kind || ':' || strftime(to_timestamp(m * 60) AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%MZ') AS alert_id
    FROM topic_steps WHERE kind_before IS NULL AND kind IS NOT NULL
),
learning AS (
    -- how the topic's EWMA numerator was multiplied up to and including each minute (in logs): by (1 - alpha) in a
    -- learning minute, by g in a frozen one
    SELECT t.tenant_id, t.topic, t.m, t.learning,
           sum(CASE WHEN t.learning THEN ln(1 - st.alpha) ELSE ln(t.g) END) OVER (PARTITION BY t.tenant_id, t.topic ORDER BY t.m) AS learnt
    FROM topic_steps t CROSS JOIN topic_settings st
),
values_ AS (
    SELECT tenant_id, topic, minute, 'region' AS dimension, region AS value FROM topic_contacts
    UNION ALL
    SELECT tenant_id, topic, minute, 'queue', queue_id FROM topic_contacts
),
per_minute AS (
    SELECT tenant_id, topic, minute, dimension, value, count(*) AS c FROM values_ GROUP BY ALL
),
weights AS (
    -- EWMA numerator of each value entering the start minute: what each learning minute added, multiplied since
    SELECT s.alert_id, v.dimension, v.value,
           sum(st.alpha * v.c * exp(e.learnt - l.learnt)) AS s_value
    FROM starts s
    CROSS JOIN topic_settings st
    JOIN per_minute v ON v.tenant_id = s.tenant_id AND v.topic = s.topic AND v.minute < s.start_minute
    JOIN learning l ON l.tenant_id = v.tenant_id AND l.topic = v.topic AND l.m = v.minute AND l.learning
    JOIN learning e ON e.tenant_id = s.tenant_id AND e.topic = s.topic AND e.m = s.start_minute - 1
    GROUP BY ALL
),
topic_weight AS (
    SELECT s.alert_id, t.s AS s_topic FROM starts s JOIN topic_steps t ON t.tenant_id = s.tenant_id AND t.topic = s.topic AND t.m = s.start_minute - 1
),
observed AS (
    SELECT s.alert_id, v.dimension, v.value, sum(v.c) AS observed15
    FROM starts s JOIN per_minute v ON v.tenant_id = s.tenant_id AND v.topic = s.topic AND v.minute BETWEEN s.start_minute - 14 AND s.start_minute
    GROUP BY ALL
),
candidates AS (
    SELECT s.tenant_id, s.alert_id, s.start_minute, s.kind, coalesce(o.dimension, w.dimension) AS dimension, coalesce(o.value, w.value) AS value,
           coalesce(o.observed15, 0) AS observed15,
           CASE WHEN tw.s_topic > 0 THEN s.exp15 * (coalesce(w.s_value, 0) / tw.s_topic) ELSE 0.0 END AS expected15
    FROM starts s
    JOIN topic_weight tw USING (alert_id)
    JOIN (SELECT alert_id, dimension, value FROM observed UNION SELECT alert_id, dimension, value FROM weights) dv USING (alert_id)
    LEFT JOIN observed o ON o.alert_id = dv.alert_id AND o.dimension = dv.dimension AND o.value IS NOT DISTINCT FROM dv.value
    LEFT JOIN weights w ON w.alert_id = dv.alert_id AND w.dimension = dv.dimension AND w.value IS NOT DISTINCT FROM dv.value
),
gaps AS (
    SELECT *, CASE WHEN kind = 'surge' THEN observed15 - expected15 ELSE expected15 - observed15 END AS gap FROM candidates
),
positive AS (
    SELECT *, gap / sum(gap) OVER (PARTITION BY alert_id, dimension) AS share,
           row_number() OVER (PARTITION BY alert_id, dimension ORDER BY gap DESC, value ASC NULLS LAST) AS rank
    FROM gaps WHERE gap > 0
)
SELECT tenant_id, alert_id, dimension, value, rank, 1 AS version, to_timestamp(start_minute * 60) AS started_at,
       observed15, expected15, share
FROM positive CROSS JOIN topic_settings st
WHERE rank <= st.drivers
