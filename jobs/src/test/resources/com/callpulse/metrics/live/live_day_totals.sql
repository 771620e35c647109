-- key: tenant_id, queue_id, channel, business_date
-- What the live queue state's day block ("today", later "previous_day") of each queue must show once a business day
-- is over: per tenant, queue, channel (and 'total' for the queue), written from the definitions in docs/metrics.md
-- ("Live queue state") over the raw accepted events, not from CallPulse's code. Run after oracle/_raw_views.sql.
--   contact steps count on the business date (tenant's zone) of their occurred_at: entered = queued; a leg leaves
--   the queue as answered, abandoned, flowed_out or callback_requested (offered = all four); transfers = transferred;
--   waits are the event's wait_seconds, "within" compares them with T and Ts inclusively;
--   handle time: contact records of handled legs that entered a queue, on the business date of their ended_at.
-- The service-level settings are the shipped defaults (callpulse-defaults.yaml), written out here.
WITH sl(tenant, queue, threshold, short_abandon, variant, specificity) AS (
    VALUES ('*', '*', 20, 5, 'answered_within', 0),
           ('*', 'vip', 15, 5, 'answered_within', 1),
           ('*', 'complaints', 30, 5, 'short_abandons_ignored', 1),
           ('*', 'digital', 60, 10, 'answered_or_abandoned_within', 1),
           ('*', 'email', 14400, 0, 'answered_within', 1),
           ('roam-eu', '*', 30, 5, 'abandons_within_ignored', 2)
),
steps AS (
    SELECT e.tenant_id, e.queue_id, e.channel, CAST(timezone(t.tz, e.occurred_at) AS DATE) AS business_date, e.event_type,
           coalesce(e.wait_seconds, 0) AS wait
    FROM contact_events_raw e JOIN tenants t USING (tenant_id)
    WHERE e.queue_id IS NOT NULL
      AND e.event_type IN ('queued', 'answered', 'abandoned', 'flowed_out', 'callback_requested', 'transferred')
),
legs AS (
    SELECT r.tenant_id, r.queue_id, r.channel, CAST(timezone(t.tz, r.ended_at) AS DATE) AS business_date,
           coalesce(r.talk_seconds, 0) AS talk, coalesce(r.hold_seconds, 0) AS hold, coalesce(r.acw_seconds, 0) AS acw
    FROM contact_records_raw r JOIN tenants t USING (tenant_id)
    WHERE r.outcome = 'handled' AND r.queue_id IS NOT NULL AND r.queued_at IS NOT NULL
),
queue_config AS (
    SELECT q.tenant_id, q.queue_id, s.threshold, s.short_abandon, s.variant
    FROM (SELECT DISTINCT tenant_id, queue_id FROM steps UNION SELECT DISTINCT tenant_id, queue_id FROM legs) q
    JOIN sl s ON (s.tenant = '*' OR s.tenant = q.tenant_id) AND (s.queue = '*' OR s.queue = q.queue_id)
    QUALIFY row_number() OVER (PARTITION BY q.tenant_id, q.queue_id ORDER BY s.specificity DESC) = 1
),
step_counts AS (
    SELECT s.tenant_id, s.queue_id, coalesce(s.channel, 'total') AS channel, s.business_date,
           count(*) FILTER (event_type = 'queued') AS entered,
           count(*) FILTER (event_type IN ('answered', 'abandoned', 'flowed_out', 'callback_requested')) AS offered,
           count(*) FILTER (event_type = 'answered') AS answered,
           count(*) FILTER (event_type = 'answered' AND wait <= c.threshold) AS answered_within,
           count(*) FILTER (event_type = 'abandoned') AS abandoned,
           count(*) FILTER (event_type = 'abandoned' AND wait <= c.threshold) AS abandoned_within,
           count(*) FILTER (event_type = 'abandoned' AND wait <= c.short_abandon) AS short_abandoned,
           count(*) FILTER (event_type = 'flowed_out') AS flowed_out,
           count(*) FILTER (event_type = 'callback_requested') AS callbacks,
           count(*) FILTER (event_type = 'transferred') AS transfers,
           coalesce(sum(wait) FILTER (event_type = 'answered'), 0) AS answered_wait_seconds,
           coalesce(sum(wait) FILTER (event_type = 'abandoned'), 0) AS abandoned_wait_seconds
    FROM steps s JOIN queue_config c USING (tenant_id, queue_id)
    GROUP BY GROUPING SETS ((s.tenant_id, s.queue_id, s.channel, s.business_date), (s.tenant_id, s.queue_id, s.business_date))
),
leg_counts AS (
    SELECT tenant_id, queue_id, coalesce(channel, 'total') AS channel, business_date,
           count(*) AS handled, sum(talk) AS talk_seconds, sum(hold) AS hold_seconds, sum(acw) AS acw_seconds
    FROM legs
    GROUP BY GROUPING SETS ((tenant_id, queue_id, channel, business_date), (tenant_id, queue_id, business_date))
),
day_totals AS (
    SELECT coalesce(s.tenant_id, l.tenant_id) AS tenant_id, coalesce(s.queue_id, l.queue_id) AS queue_id,
           coalesce(s.channel, l.channel) AS channel, coalesce(s.business_date, l.business_date) AS business_date,
           coalesce(s.entered, 0) AS entered, coalesce(s.offered, 0) AS offered, coalesce(s.answered, 0) AS answered,
           coalesce(s.answered_within, 0) AS answered_within, coalesce(s.abandoned, 0) AS abandoned,
           coalesce(s.abandoned_within, 0) AS abandoned_within, coalesce(s.short_abandoned, 0) AS short_abandoned,
           coalesce(s.flowed_out, 0) AS flowed_out, coalesce(s.callbacks, 0) AS callbacks, coalesce(s.transfers, 0) AS transfers,
           coalesce(s.answered_wait_seconds, 0) AS answered_wait_seconds, coalesce(s.abandoned_wait_seconds, 0) AS abandoned_wait_seconds,
           coalesce(l.handled, 0) AS handled, coalesce(l.talk_seconds, 0) AS talk_seconds, coalesce(l.hold_seconds, 0) AS hold_seconds,
           coalesce(l.acw_seconds, 0) AS acw_seconds
    FROM step_counts s FULL OUTER JOIN leg_counts l
      ON s.tenant_id = l.tenant_id AND s.queue_id = l.queue_id AND s.channel = l.channel AND s.business_date = l.business_date
)
SELECT d.tenant_id, d.queue_id, d.channel, CAST(d.business_date AS VARCHAR) AS business_date,
       d.entered, d.offered, d.answered, d.answered_within, d.abandoned, d.abandoned_within, d.short_abandoned, d.flowed_out,
       d.callbacks, d.transfers, d.answered_wait_seconds, d.abandoned_wait_seconds, d.handled, d.talk_seconds, d.hold_seconds, d.acw_seconds,
       CASE c.variant
           WHEN 'answered_within' THEN d.answered_within / nullif(d.offered, 0)
           WHEN 'answered_or_abandoned_within' THEN (d.answered_within + d.abandoned_within) / nullif(d.offered, 0)
           WHEN 'abandons_within_ignored' THEN d.answered_within / nullif(d.offered - d.abandoned_within, 0)
           WHEN 'short_abandons_ignored' THEN d.answered_within / nullif(d.offered - d.short_abandoned, 0)
       END AS service_level,
       d.answered_wait_seconds / nullif(d.answered, 0) AS asa_seconds,
       d.abandoned / nullif(d.offered, 0) AS abandonment_rate,
       (d.talk_seconds + d.hold_seconds + d.acw_seconds) / nullif(d.handled, 0) AS aht_seconds
FROM day_totals d JOIN queue_config c USING (tenant_id, queue_id)
ORDER BY 1, 2, 3, 4;
