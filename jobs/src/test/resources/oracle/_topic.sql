-- Hot topics, written from the definition in docs/metrics.md ("Hot topics"), over the raw contact events.
-- Settings: the shipped defaults (metrics.hot_topics in callpulse-defaults.yaml, ingest bounds), written out here.
CREATE OR REPLACE TABLE topic_settings AS
SELECT 5.0::DOUBLE AS min_expected, 3.0::DOUBLE AS surge_z, 1.5::DOUBLE AS clear_z, 5 AS clear_minutes, 5 AS top_k, 0.02::DOUBLE AS alpha,
       240 AS freeze_minutes, 1440 AS end_tail_minutes, 0.05::DOUBLE AS divert_min_share, 5 AS drivers;

-- A contact counts once per topic its ivr_left or queued events carry in ivr_topic, at the earliest of them; with
-- the region of its arrived event, the queue of its first queued event when that came at most 15 s after the
-- topic time, and whether an ivr_left on that topic was self-served.
CREATE OR REPLACE VIEW topic_contacts AS
WITH topic_times AS (
    SELECT tenant_id, contact_id, ivr_topic AS topic, min(occurred_at) AS at,
           coalesce(bool_or(event_type = 'ivr_left' AND self_served), false) AS ivr_self_served
    FROM contact_events_raw
    WHERE event_type IN ('ivr_left', 'queued') AND ivr_topic IS NOT NULL
    GROUP BY ALL
),
arrivals AS (
    SELECT tenant_id, contact_id, arg_min(region, occurred_at) AS region
    FROM contact_events_raw WHERE event_type = 'arrived' GROUP BY ALL
),
first_queue AS (
    SELECT tenant_id, contact_id, min(occurred_at) AS queued_at, arg_min(queue_id, occurred_at) AS queue_id
    FROM contact_events_raw WHERE event_type = 'queued' AND queue_id IS NOT NULL GROUP BY ALL
)
SELECT t.tenant_id, t.contact_id, t.topic, t.at, epoch_ms(t.at) // 60000 AS minute, a.region,
       CASE WHEN q.queued_at <= t.at + INTERVAL 15 SECOND THEN q.queue_id END AS queue_id, t.ivr_self_served
FROM topic_times t
LEFT JOIN arrivals a USING (tenant_id, contact_id)
LEFT JOIN first_queue q USING (tenant_id, contact_id);

-- Contacts per tenant, topic and (epoch) minute.
CREATE OR REPLACE TABLE topic_counts AS
SELECT tenant_id, topic, minute, count(*)::BIGINT AS c, count(*) FILTER (ivr_self_served)::BIGINT AS ss
FROM topic_contacts GROUP BY ALL;

-- Minute by minute per tenant, all its topics together (the traffic factor and the frozen EWMAs couple them),
-- from the minute before the tenant's first contact (all zero) until 59 minutes after its last one and every alert
-- has cleared. Each row is a topic's minute m and its state after it: the EWMA (s / w) learnt (or, frozen in a
-- surge, scaled by g), the last 60 baseline rates and counts, and its alert (kind, start minute, calm minutes).
CREATE OR REPLACE TABLE topic_steps AS
WITH RECURSIVE steps AS (
    SELECT t.tenant_id, t.topic, sp.first_minute - 1 AS m, sp.first_minute, sp.last_minute,
           0.0::DOUBLE AS s, 0.0::DOUBLE AS w,
           list_resize([]::DOUBLE[], 60, 0.0::DOUBLE) AS ring_b, list_resize([]::BIGINT[], 60, 0::BIGINT) AS ring_c,
           NULL::VARCHAR AS kind, NULL::BIGINT AS alert_start, 0 AS calm,
           NULL::BIGINT AS c, NULL::BIGINT AS o15, NULL::BIGINT AS o60, NULL::DOUBLE AS b, NULL::DOUBLE AS e15, NULL::DOUBLE AS e60,
           NULL::DOUBLE AS f15, NULL::DOUBLE AS f60, NULL::DOUBLE AS exp15, NULL::DOUBLE AS exp60, NULL::DOUBLE AS z15, NULL::DOUBLE AS z60,
           NULL::VARCHAR AS kind_before, NULL::BOOLEAN AS learning, NULL::DOUBLE AS g
    FROM (SELECT DISTINCT tenant_id, topic FROM topic_counts) t
    JOIN (SELECT tenant_id, min(minute) AS first_minute, max(minute) AS last_minute FROM topic_counts GROUP BY ALL) sp USING (tenant_id)
    UNION ALL
    SELECT tenant_id, topic, m, first_minute, last_minute,
           CASE WHEN learning THEN s_learnt ELSE s * g END,
           CASE WHEN learning THEN w_learnt ELSE w END,
           ring_b, ring_c, kind, alert_start, calm,
           c, o15, o60, b, e15, e60, f15, f60, exp15, exp60, z15, z60, kind_before, learning, g
    FROM (
        -- a frozen topic's EWMA moves as much as the learning topics' baselines moved together this minute
        -- (shrunk towards 1 by k / 15 per minute, like the traffic factor)
        SELECT *, (coalesce(b_after, 0) + kappa / 15) / (coalesce(b_before, 0) + kappa / 15) AS g
        FROM (
            SELECT *,
                   sum(CASE WHEN learning AND w > 0 THEN s / w END) OVER (PARTITION BY tenant_id) AS b_before,
                   sum(CASE WHEN learning AND w > 0 THEN s_learnt / w_learnt END) OVER (PARTITION BY tenant_id) AS b_after
            FROM (
                SELECT *, (1 - alpha) * s + alpha * c AS s_learnt, (1 - alpha) * w + alpha AS w_learnt
                FROM (
        SELECT *,
               NOT coalesce(kind = 'surge' AND m - alert_start < freeze_minutes, false) AS learning
        FROM (
            SELECT tenant_id, topic, m, first_minute, last_minute, s, w, ring_b, ring_c, alpha, freeze_minutes, kappa,
                   c, o15, o60, b, e15, e60, f15, f60, exp15, exp60, z15, z60, kind_before,
                   CASE WHEN kind_before IS NULL THEN CASE WHEN z15 >= surge_z THEN 'surge' WHEN z15 <= -surge_z THEN 'drop' END
                        WHEN calm_after >= clear_minutes THEN NULL ELSE kind_before END AS kind,
                   CASE WHEN kind_before IS NULL THEN CASE WHEN abs(z15) >= surge_z THEN m END
                        WHEN calm_after >= clear_minutes THEN NULL ELSE prev_alert_start END AS alert_start,
                   CASE WHEN kind_before IS NULL OR calm_after >= clear_minutes THEN 0 ELSE calm_after END AS calm
            FROM (
                SELECT *,
                       CASE WHEN kind_before IS NULL THEN 0
                            WHEN z15 IS NULL OR (kind_before = 'surge' AND z15 < clear_z) OR (kind_before = 'drop' AND z15 > -clear_z) THEN prev_calm + 1
                            ELSE 0 END AS calm_after
                FROM (
                    SELECT *,
                           e15 * f15 AS exp15, e60 * f60 AS exp60,
                           CASE WHEN m - first_minute >= 60 AND e15 * f15 > 0 AND e15 * f15 >= min_expected
                                THEN (o15 - e15 * f15) / sqrt(e15 * f15) END AS z15,
                           CASE WHEN m - first_minute >= 60 AND e60 * f60 > 0 AND e60 * f60 >= min_expected
                                THEN (o60 - e60 * f60) / sqrt(e60 * f60) END AS z60
                    FROM (
                        SELECT *,
                               CASE WHEN surging THEN (calm_o15 + kappa) / (calm_e15 + kappa)
                                    ELSE (calm_o15 - o15 + kappa) / (calm_e15 - e15 + kappa) END AS f15,
                               CASE WHEN surging THEN (calm_o60 + kappa) / (calm_e60 + kappa)
                                    ELSE (calm_o60 - o60 + kappa) / (calm_e60 - e60 + kappa) END AS f60
                        FROM (
                            SELECT *,
                                   sum(CASE WHEN surging THEN 0 ELSE o15 END) OVER tenant_minute AS calm_o15,
                                   sum(CASE WHEN surging THEN 0 ELSE e15 END) OVER tenant_minute AS calm_e15,
                                   sum(CASE WHEN surging THEN 0 ELSE o60 END) OVER tenant_minute AS calm_o60,
                                   sum(CASE WHEN surging THEN 0 ELSE e60 END) OVER tenant_minute AS calm_e60
                            FROM (
                                SELECT p.tenant_id, p.topic, p.m + 1 AS m, p.first_minute, p.last_minute, p.s, p.w,
                                       p.kind AS kind_before, p.alert_start AS prev_alert_start, p.calm AS prev_calm,
                                       coalesce(k.c, 0) AS c, p.b_next AS b,
                                       list_append(list_slice(p.ring_b, 2, 60), p.b_next) AS ring_b,
                                       list_append(list_slice(p.ring_c, 2, 60), coalesce(k.c, 0)) AS ring_c,
                                       list_sum(list_slice(list_append(list_slice(p.ring_b, 2, 60), p.b_next), 46, 60)) AS e15,
                                       list_sum(list_append(list_slice(p.ring_b, 2, 60), p.b_next)) AS e60,
                                       list_sum(list_slice(list_append(list_slice(p.ring_c, 2, 60), coalesce(k.c, 0)), 46, 60)) AS o15,
                                       list_sum(list_append(list_slice(p.ring_c, 2, 60), coalesce(k.c, 0))) AS o60,
                                       p.kind = 'surge' AS surging,
                                       greatest(st.min_expected, 1.0) AS kappa, st.*
                                FROM (SELECT *, CASE WHEN w > 0 THEN s / w ELSE 0.0 END AS b_next,
                                             bool_or(kind IS NOT NULL) OVER (PARTITION BY tenant_id) AS any_open
                                      FROM steps) p
                                CROSS JOIN topic_settings st
                                LEFT JOIN topic_counts k ON k.tenant_id = p.tenant_id AND k.topic = p.topic AND k.minute = p.m + 1
                                WHERE (p.m + 1 <= p.last_minute + 59 OR p.any_open) AND p.m + 1 <= p.last_minute + 59 + st.end_tail_minutes
                            )
                            WINDOW tenant_minute AS (PARTITION BY tenant_id)
                        )
                    )
                )
            )
        )
                )
            )
        )
    )
)
SELECT tenant_id, topic, m, first_minute, last_minute, s, w, kind, alert_start, calm, c, o15, o60, b, e15, e60, f15, f60,
       exp15, exp60, z15, z60, kind_before, learning, g
FROM steps WHERE c IS NOT NULL;
