-- key: tenant_id, queue_id, channel, interval_start
-- queue_intervals: every contact-record leg that entered a queue, in the interval of its end, per tenant, queue
-- and channel. The service-level settings are the shipped defaults (callpulse-defaults.yaml), written out here.
WITH sl(tenant, queue, threshold, short_abandon, variant, specificity) AS (
    VALUES ('*', '*', 20, 5, 'answered_within', 0),
           ('*', 'vip', 15, 5, 'answered_within', 1),
           ('*', 'complaints', 30, 5, 'short_abandons_ignored', 1),
           ('*', 'digital', 60, 10, 'answered_or_abandoned_within', 1),
           ('*', 'email', 14400, 0, 'answered_within', 1),
           ('roam-eu', '*', 30, 5, 'abandons_within_ignored', 2)
),
legs AS (
    SELECT r.*, interval_start(r.ended_at, t.tz, 15) AS interval_start, coalesce(r.queue_wait_seconds, 0) AS wait
    FROM contact_records_raw r JOIN tenants t USING (tenant_id)
    WHERE r.queue_id IS NOT NULL AND r.queued_at IS NOT NULL
),
configured AS (
    SELECT l.*, s.threshold, s.short_abandon, s.variant
    FROM legs l JOIN sl s ON (s.tenant = '*' OR s.tenant = l.tenant_id) AND (s.queue = '*' OR s.queue = l.queue_id)
    QUALIFY row_number() OVER (PARTITION BY l.event_id ORDER BY s.specificity DESC) = 1
),
counted AS (
    SELECT tenant_id, queue_id, channel, interval_start, any_value(threshold) AS threshold_seconds,
           any_value(short_abandon) AS short_abandon_seconds, any_value(variant) AS sl_variant,
           count(*) AS offered,
           count(*) FILTER (outcome = 'handled') AS answered,
           count(*) FILTER (outcome = 'handled' AND wait <= threshold) AS answered_within,
           count(*) FILTER (outcome = 'abandoned') AS abandoned,
           count(*) FILTER (outcome = 'abandoned' AND wait <= threshold) AS abandoned_within,
           count(*) FILTER (outcome = 'abandoned' AND wait <= short_abandon) AS short_abandoned,
           count(*) FILTER (outcome = 'flowed_out') AS flowed_out,
           count(*) FILTER (outcome = 'callback_requested') AS callbacks,
           sum(transfer_count) AS transfers,
           coalesce(sum(wait) FILTER (outcome = 'handled'), 0) AS answered_wait_seconds,
           coalesce(sum(wait) FILTER (outcome = 'abandoned'), 0) AS abandoned_wait_seconds,
           max(wait) AS max_wait_seconds,
           coalesce(sum(coalesce(talk_seconds, 0)) FILTER (outcome = 'handled'), 0) AS talk_seconds,
           coalesce(sum(coalesce(hold_seconds, 0)) FILTER (outcome = 'handled'), 0) AS hold_seconds,
           coalesce(sum(coalesce(acw_seconds, 0)) FILTER (outcome = 'handled'), 0) AS acw_seconds
    FROM configured
    GROUP BY ALL
)
SELECT *,
       CASE sl_variant
           WHEN 'answered_within' THEN answered_within / nullif(offered, 0)
           WHEN 'answered_or_abandoned_within' THEN (answered_within + abandoned_within) / nullif(offered, 0)
           WHEN 'abandons_within_ignored' THEN answered_within / nullif(offered - abandoned_within, 0)
           WHEN 'short_abandons_ignored' THEN answered_within / nullif(offered - short_abandoned, 0)
       END AS service_level,
       answered_wait_seconds / nullif(answered, 0) AS asa_seconds,
       (talk_seconds + hold_seconds + acw_seconds) / nullif(answered, 0) AS aht_seconds,
       abandoned / nullif(offered, 0) AS abandonment_rate
FROM counted;
