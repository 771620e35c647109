-- key: tenant_id, topic, minute_start
-- topic_minutes: a row for every minute of a topic that had a contact in the 60 minutes ending with it, or an alert
-- open during it; the growing topics (z15 trusted, growth > 1) ranked by growth per tenant and minute, top_k.
WITH growth AS (
    SELECT *, CASE WHEN exp15 > 0 THEN o15 / exp15 END AS growth15 FROM topic_steps
),
ranked AS (
    SELECT g.*, CASE WHEN r.rn <= st.top_k THEN r.rn END AS growth_rank
    FROM growth g
    CROSS JOIN topic_settings st
    LEFT JOIN (
        SELECT tenant_id, topic, m, row_number() OVER (PARTITION BY tenant_id, m ORDER BY growth15 DESC, topic) AS rn
        FROM growth WHERE z15 IS NOT NULL AND growth15 > 1
    ) r USING (tenant_id, topic, m)
)
SELECT r.tenant_id, r.topic, to_timestamp(r.m * 60) AS minute_start, 1 AS version,
       r.c AS contacts, coalesce(k.ss, 0) AS ivr_self_served, r.o15 AS observed15, r.o60 AS observed60,
       r.b * r.f15 AS expected, r.b AS baseline_rate, 'ewma' AS baseline,
       r.f15 AS traffic_factor15, r.f60 AS traffic_factor60, r.exp15 AS expected15, r.exp60 AS expected60,
       r.z15, r.z60, r.growth15, r.growth_rank, r.kind AS alert,
       CASE WHEN r.kind IS NOT NULL THEN r.tenant_id || ':' || r.topic || ':' || r.kind || ':' || strftime(to_timestamp(r.alert_start * 60) AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%MZ') END AS alert_id
FROM ranked r
LEFT JOIN topic_counts k ON k.tenant_id = r.tenant_id AND k.topic = r.topic AND k.minute = r.m
WHERE r.o60 > 0 OR r.kind_before IS NOT NULL OR r.kind IS NOT NULL
