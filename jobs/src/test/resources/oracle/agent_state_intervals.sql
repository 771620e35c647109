-- key: tenant_id, agent_id, team_id, site_id, remote_seat, interval_start
-- agent_state_intervals, from the definition: an agent's state event starts a period that lasts until the agent's
-- next state event (same instant: login, ready, not_ready, on_contact, after_contact_work, logout, then reason and
-- event id), at most 12 hours (the cap: a longer one is cut there and counted in capped_states, in the interval of
-- the cut). Logout periods count nowhere. Each period's time is split over the tenant's 15-minute intervals,
-- counted from each local midnight (so 92 or 100 of them on DST days), and counted for the team, site and seat its
-- event names.
WITH events AS (
    SELECT s.*, t.tz,
           CASE s.state WHEN 'login' THEN 0 WHEN 'ready' THEN 1 WHEN 'not_ready' THEN 2 WHEN 'on_contact' THEN 3
                        WHEN 'after_contact_work' THEN 4 WHEN 'logout' THEN 5 END AS state_order
    FROM agent_states_raw s JOIN tenants t USING (tenant_id)
),
periods AS (
    SELECT *, lead(occurred_at) OVER (PARTITION BY tenant_id, agent_id ORDER BY occurred_at, state_order, coalesce(reason, ''), event_id) AS next_at,
           occurred_at + INTERVAL 12 HOUR AS cut_at
    FROM events
),
counted_periods AS (
    SELECT *, CASE WHEN next_at IS NULL OR next_at > cut_at THEN cut_at ELSE next_at END AS ends_at,
           next_at IS NULL OR next_at > cut_at AS capped
    FROM periods
    WHERE state <> 'logout'
),
days AS (
    SELECT DISTINCT tenant_id, tz, CAST(d AS DATE) AS day
    FROM counted_periods, range(date_trunc('day', timezone(tz, occurred_at)), timezone(tz, ends_at) + INTERVAL 1 DAY, INTERVAL 1 DAY) r(d)
),
grid AS (
    SELECT tenant_id, s AS interval_start, least(s + INTERVAL 15 MINUTE, day_end) AS interval_end
    FROM (SELECT tenant_id, timezone(tz, CAST(day AS TIMESTAMP)) AS day_start, timezone(tz, CAST(day + 1 AS TIMESTAMP)) AS day_end FROM days) d,
         range(d.day_start, d.day_end, INTERVAL 15 MINUTE) r(s)
),
pieces AS (
    SELECT p.tenant_id, p.agent_id, p.team_id, p.site_id, p.remote_seat, g.interval_start, p.state, p.reason,
           epoch_ms(least(p.ends_at, g.interval_end)) - epoch_ms(greatest(p.occurred_at, g.interval_start)) AS ms, 0 AS cuts
    FROM counted_periods p JOIN grid g ON g.tenant_id = p.tenant_id AND g.interval_start < p.ends_at AND g.interval_end > p.occurred_at
    UNION ALL
    SELECT p.tenant_id, p.agent_id, p.team_id, p.site_id, p.remote_seat, g.interval_start, p.state, p.reason, 0 AS ms, 1 AS cuts
    FROM counted_periods p JOIN grid g ON g.tenant_id = p.tenant_id AND g.interval_start <= p.cut_at AND g.interval_end > p.cut_at
    WHERE p.capped
),
summed AS (
    SELECT tenant_id, agent_id, team_id, site_id, remote_seat, interval_start,
           sum(ms) AS logged_in_ms,
           coalesce(sum(ms) FILTER (state = 'login'), 0) AS login_ms,
           coalesce(sum(ms) FILTER (state = 'ready'), 0) AS ready_ms,
           coalesce(sum(ms) FILTER (state = 'on_contact'), 0) AS on_contact_ms,
           coalesce(sum(ms) FILTER (state = 'after_contact_work'), 0) AS after_contact_work_ms,
           coalesce(sum(ms) FILTER (state = 'not_ready'), 0) AS not_ready_ms,
           coalesce(sum(ms) FILTER (reason = 'break'), 0) AS break_ms,
           coalesce(sum(ms) FILTER (reason = 'meal'), 0) AS meal_ms,
           coalesce(sum(ms) FILTER (reason = 'training'), 0) AS training_ms,
           coalesce(sum(ms) FILTER (reason = 'meeting'), 0) AS meeting_ms,
           coalesce(sum(ms) FILTER (reason = 'coaching'), 0) AS coaching_ms,
           coalesce(sum(ms) FILTER (reason = 'admin'), 0) AS admin_ms,
           coalesce(sum(ms) FILTER (reason = 'technical'), 0) AS technical_ms,
           coalesce(sum(ms) FILTER (reason = 'personal'), 0) AS personal_ms,
           sum(cuts) AS capped_states
    FROM pieces
    WHERE ms > 0 OR cuts > 0
    GROUP BY ALL
)
SELECT tenant_id, agent_id, team_id, site_id, remote_seat, interval_start,
       logged_in_ms / 1000.0::DOUBLE AS logged_in_seconds,
       login_ms / 1000.0::DOUBLE AS login_seconds,
       ready_ms / 1000.0::DOUBLE AS ready_seconds,
       on_contact_ms / 1000.0::DOUBLE AS on_contact_seconds,
       after_contact_work_ms / 1000.0::DOUBLE AS after_contact_work_seconds,
       not_ready_ms / 1000.0::DOUBLE AS not_ready_seconds,
       break_ms / 1000.0::DOUBLE AS not_ready_break_seconds,
       meal_ms / 1000.0::DOUBLE AS not_ready_meal_seconds,
       training_ms / 1000.0::DOUBLE AS not_ready_training_seconds,
       meeting_ms / 1000.0::DOUBLE AS not_ready_meeting_seconds,
       coaching_ms / 1000.0::DOUBLE AS not_ready_coaching_seconds,
       admin_ms / 1000.0::DOUBLE AS not_ready_admin_seconds,
       technical_ms / 1000.0::DOUBLE AS not_ready_technical_seconds,
       personal_ms / 1000.0::DOUBLE AS not_ready_personal_seconds,
       capped_states,
       (on_contact_ms + after_contact_work_ms) / nullif(on_contact_ms + after_contact_work_ms + ready_ms, 0)::DOUBLE AS occupancy,
       (on_contact_ms + after_contact_work_ms) / nullif(logged_in_ms, 0)::DOUBLE AS utilization
FROM summed;
