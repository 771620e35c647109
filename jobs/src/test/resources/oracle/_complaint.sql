-- Complaints, written from their definition (docs/metrics.md, "Complaints") and not from the Java. Where the Java
-- walks each complaint's events and the calendar day by day, this works with set operations: the state after each
-- event is the last event that sets it, and the SLA clock is read off a cumulative business-time function
-- B(tenant, t) = business milliseconds up to instant t, from a table of every business-hour segment around the data.
-- Times are epoch milliseconds (BIGINT) until the final SELECTs. Settings: the shipped defaults
-- (callpulse-defaults.yaml), written out.

CREATE OR REPLACE TABLE complaint_policies AS
SELECT * FROM (VALUES
    ('standard-48h', 48 * 3600000, false, true, 24 * 3600000, 3),
    ('urgent-24h', 24 * 3600000, false, false, 12 * 3600000, 3),
    ('regulator-5d', 60 * 3600000, true, true, 12 * 3600000, 3)
) p(policy, resolve_within_ms, business_hours, pause, escalate_every_ms, max_level);

CREATE OR REPLACE TABLE tenant_business_hours AS
SELECT * FROM (VALUES
    ('cmcc-ah', TIME '08:00', TIME '20:00'),
    ('mvno-lx', TIME '09:00', TIME '18:00'),
    ('roam-eu', TIME '08:00', TIME '18:00')
) h(tenant_id, open_at, close_at);

CREATE OR REPLACE TABLE tenant_holidays AS
SELECT tenant_id, CAST(day AS DATE) AS day FROM (VALUES
    ('cmcc-ah', '2026-10-01'), ('cmcc-ah', '2026-10-02'), ('cmcc-ah', '2026-10-03'), ('cmcc-ah', '2027-01-01'),
    ('mvno-lx', '2026-10-01'), ('mvno-lx', '2026-10-02'), ('mvno-lx', '2026-10-03'), ('mvno-lx', '2027-01-01'),
    ('roam-eu', '2026-12-25'), ('roam-eu', '2026-12-26'), ('roam-eu', '2027-01-01')
) x(tenant_id, day);

-- One segment per tenant and local day from the opening to the closing time (none on holidays), with the business
-- milliseconds of all earlier segments.
CREATE OR REPLACE TABLE business_segments AS
WITH span AS (
    SELECT CAST(min(occurred_at) AS DATE) - 3 AS lo, CAST(max(occurred_at) AS DATE) + 120 AS hi FROM complaints_raw
),
days AS (
    SELECT CAST(unnest(generate_series(CAST(lo AS TIMESTAMP), CAST(hi AS TIMESTAMP), INTERVAL 1 DAY)) AS DATE) AS day FROM span
),
segments AS (
    SELECT h.tenant_id,
           epoch_ms(timezone(t.tz, d.day + h.open_at)) AS start_ms,
           epoch_ms(timezone(t.tz, CASE WHEN h.open_at = h.close_at THEN d.day + 1 + h.open_at ELSE d.day + h.close_at END)) AS end_ms
    FROM tenant_business_hours h JOIN tenants t USING (tenant_id) CROSS JOIN days d
    WHERE NOT EXISTS (SELECT 1 FROM tenant_holidays x WHERE x.tenant_id = h.tenant_id AND x.day = d.day)
)
SELECT tenant_id AS seg_tenant, start_ms AS seg_start, end_ms - start_ms AS seg_len,
       coalesce(sum(end_ms - start_ms) OVER (PARTITION BY tenant_id ORDER BY start_ms ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS seg_cum
FROM segments;

-- B(tenant, t): business milliseconds up to instant t. (The segment columns have names of their own, so the
-- caller's columns passed in are never taken for them.)
CREATE OR REPLACE MACRO business_upto(tid, t) AS coalesce((
    SELECT max_by(seg_cum + least(t - seg_start, seg_len), seg_start)
    FROM business_segments WHERE seg_tenant = tid AND seg_start <= t), 0);

-- The earliest instant where B(tenant, .) reaches v (v > 0).
CREATE OR REPLACE MACRO business_instant(tid, v) AS (
    SELECT max_by(seg_start + (v - seg_cum), seg_cum)
    FROM business_segments WHERE seg_tenant = tid AND seg_cum < v);

-- A policy's clock: business hours or every millisecond. clock_between(a, b); clock_reach(a, n) = the earliest
-- instant where a clock started at a has counted n more (n > 0).
CREATE OR REPLACE MACRO clock_between(tid, business, a, b) AS
    CASE WHEN business THEN business_upto(tid, b) - business_upto(tid, a) ELSE b - a END;
CREATE OR REPLACE MACRO clock_reach(tid, business, a, n) AS
    CASE WHEN n <= 0 THEN a WHEN business THEN business_instant(tid, business_upto(tid, a) + n) ELSE a + n END;

CREATE OR REPLACE MACRO ms_ts(ms) AS CAST(epoch_ms(CAST(ms AS BIGINT)) AS TIMESTAMPTZ);

-- The end of the input, for deadlines after a complaint's last event: they have passed only if the data reached them.
CREATE OR REPLACE VIEW complaint_as_of AS SELECT max(epoch_ms(occurred_at)) AS as_of FROM complaints_raw;

-- The opening: the earliest opened event; any other opened is a repeat.
CREATE OR REPLACE VIEW complaint_openings AS
SELECT tenant_id, complaint_id, event_id AS opening_id, epoch_ms(occurred_at) AS opened_ms, category, severity, deadline_policy, channel
FROM complaints_raw WHERE action = 'opened'
QUALIFY row_number() OVER (PARTITION BY tenant_id, complaint_id ORDER BY occurred_at, event_id) = 1;

-- Every event with its complaint's opening and policy, in order (t: events before the opening count at it).
CREATE OR REPLACE VIEW complaint_ordered AS
SELECT *, row_number() OVER (PARTITION BY tenant_id, complaint_id ORDER BY t, NOT is_opening, occurred_ms, event_id) AS seq
FROM (
    SELECT e.tenant_id, e.complaint_id, e.event_id, e.action, e.level AS source_level, e.assigned_to,
           epoch_ms(e.occurred_at) AS occurred_ms,
           greatest(epoch_ms(e.occurred_at), coalesce(o.opened_ms, epoch_ms(e.occurred_at))) AS t,
           coalesce(e.event_id = o.opening_id, false) AS is_opening, o.opening_id IS NOT NULL AS opened_seen,
           o.opened_ms, o.category, o.severity, o.deadline_policy, o.channel,
           p.resolve_within_ms, p.business_hours, p.pause, p.escalate_every_ms, p.max_level
    FROM complaints_raw e
    LEFT JOIN complaint_openings o USING (tenant_id, complaint_id)
    LEFT JOIN complaint_policies p ON p.policy = o.deadline_policy
);

-- The state after each event. done: resolved or closed, until reopened. closed: closed, until reopened.
-- paused: awaiting_customer (where the policy pauses) until customer_responded, a resolution, or a reopen.
-- The clock runs after an event when the complaint was opened, has a policy, and is neither done nor paused.
CREATE OR REPLACE VIEW complaint_states AS
WITH d AS (
    SELECT *,
           coalesce(last_value(CASE WHEN action IN ('resolved', 'closed') THEN true WHEN action = 'reopened' THEN false END IGNORE NULLS)
                    OVER upto, false) AS done,
           coalesce(last_value(CASE WHEN action = 'closed' THEN true WHEN action = 'reopened' THEN false END IGNORE NULLS)
                    OVER upto, false) AS closed
    FROM complaint_ordered
    WINDOW upto AS (PARTITION BY tenant_id, complaint_id ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
),
b AS (
    SELECT *, coalesce(lag(done) OVER byseq, false) AS done_before, coalesce(lag(closed) OVER byseq, false) AS closed_before
    FROM d WINDOW byseq AS (PARTITION BY tenant_id, complaint_id ORDER BY seq)
),
p AS (
    SELECT *,
           coalesce(last_value(CASE WHEN action = 'awaiting_customer' AND pause THEN true
                                    WHEN action IN ('customer_responded', 'resolved', 'closed') THEN false
                                    WHEN action = 'reopened' AND done_before THEN false END IGNORE NULLS) OVER upto, false) AS paused,
           last_value(assigned_to IGNORE NULLS) OVER upto AS assignee,
           lead(t) OVER byseq AS next_t,
           coalesce(max(CASE WHEN action = 'escalated' THEN source_level END) OVER upto, 0) AS source_level_so_far,
           sum(CASE WHEN action IN ('resolved', 'closed') AND NOT done_before THEN 1 ELSE 0 END) OVER upto AS resolutions_so_far
    FROM b
    WINDOW upto AS (PARTITION BY tenant_id, complaint_id ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
           byseq AS (PARTITION BY tenant_id, complaint_id ORDER BY seq)
)
SELECT *, opened_seen AND resolve_within_ms IS NOT NULL AND NOT done AND NOT paused AS running FROM p;

-- The stretches the clock runs: from an event after which it runs to the next event (next_t NULL: on and on),
-- with the clock counted before each.
CREATE OR REPLACE VIEW complaint_runs AS
SELECT *, coalesce(sum(run_ms) OVER (PARTITION BY tenant_id, complaint_id ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS clock_start
FROM (SELECT *, clock_between(tenant_id, business_hours, t, next_t) AS run_ms FROM complaint_states WHERE running);

-- Deadline k (k = 1..max_level) is where the clock reaches resolve_within + (k-1) * escalate_every: in the first
-- stretch that gets there strictly before its end (events at an instant come before the deadline at it).
CREATE OR REPLACE VIEW complaint_deadlines AS
WITH candidates AS (
    SELECT r.*, k.k, r.resolve_within_ms + (k.k - 1) * r.escalate_every_ms AS threshold
    FROM complaint_runs r CROSS JOIN generate_series(1, 10) k(k)
    WHERE k.k <= r.max_level
),
timed AS (
    SELECT *, clock_reach(tenant_id, business_hours, t, threshold - clock_start) AS at_ms
    FROM candidates WHERE run_ms IS NULL OR clock_start + run_ms >= threshold
)
SELECT tenant_id, complaint_id, k, at_ms, next_t IS NULL AS projected
FROM timed WHERE at_ms IS NOT NULL AND (next_t IS NULL OR at_ms < next_t)
QUALIFY row_number() OVER (PARTITION BY tenant_id, complaint_id, k ORDER BY seq) = 1;

-- Each level reached: at the earlier of the source's first escalated event to that level or higher, and the
-- deadline of that level (known: before the complaint's last event, or reached by the end of the input).
CREATE OR REPLACE VIEW complaint_levels AS
WITH firsts AS (
    SELECT tenant_id, complaint_id, k.k, min(seq) AS seq
    FROM complaint_states CROSS JOIN generate_series(1, 10) k(k)
    WHERE action = 'escalated' AND source_level >= k.k
    GROUP BY ALL
),
source AS (
    SELECT f.tenant_id, f.complaint_id, f.k, s.t AS at_ms, s.assignee
    FROM firsts f JOIN complaint_states s USING (tenant_id, complaint_id, seq)
),
deadline AS (
    SELECT d.tenant_id, d.complaint_id, d.k, d.at_ms,
           (SELECT max_by(s.assigned_to, s.seq) FROM complaint_states s
            WHERE s.tenant_id = d.tenant_id AND s.complaint_id = d.complaint_id AND s.t <= d.at_ms AND s.assigned_to IS NOT NULL) AS assignee
    FROM complaint_deadlines d, complaint_as_of a
    WHERE NOT d.projected OR d.at_ms <= a.as_of
)
SELECT tenant_id, complaint_id, k AS level,
       CASE WHEN d.at_ms IS NULL OR s.at_ms <= d.at_ms THEN s.at_ms ELSE d.at_ms END AS at_ms,
       CASE WHEN d.at_ms IS NULL OR s.at_ms <= d.at_ms THEN 'source' ELSE 'deadline' END AS raised_by,
       CASE WHEN d.at_ms IS NULL OR s.at_ms <= d.at_ms THEN s.assignee ELSE d.assignee END AS assigned_to
FROM source s FULL JOIN deadline d USING (tenant_id, complaint_id, k);

-- The breach: deadline 1, when known.
CREATE OR REPLACE VIEW complaint_breaches AS
SELECT d.tenant_id, d.complaint_id, d.at_ms,
       coalesce((SELECT max(s.source_level) FROM complaint_states s WHERE s.tenant_id = d.tenant_id AND s.complaint_id = d.complaint_id
                 AND s.action = 'escalated' AND s.t <= d.at_ms), 0) AS level_before
FROM complaint_deadlines d, complaint_as_of a
WHERE d.k = 1 AND (NOT d.projected OR d.at_ms <= a.as_of);

-- The escalation level of the complaint at each event: the source's so far, or a deadline reached before it.
CREATE OR REPLACE VIEW complaint_events_levelled AS
SELECT s.*, greatest(s.source_level_so_far,
                     coalesce((SELECT max(d.k) FROM complaint_deadlines d
                               WHERE d.tenant_id = s.tenant_id AND d.complaint_id = s.complaint_id AND d.at_ms < s.t), 0)) AS level,
       (SELECT d.at_ms FROM complaint_deadlines d WHERE d.tenant_id = s.tenant_id AND d.complaint_id = s.complaint_id AND d.k = 1) AS deadline_1
FROM complaint_states s;

-- Everything complaint_intervals counts, one row each, for complaints whose opening was seen.
CREATE OR REPLACE VIEW complaint_facts AS
WITH confirmations AS (
    SELECT *, row_number() OVER (PARTITION BY tenant_id, complaint_id, resolutions_so_far ORDER BY seq) AS nth
    FROM complaint_events_levelled WHERE action = 'confirmed' AND done
)
SELECT tenant_id, category, 'opened' AS kind, opened_ms AS at_ms, 0 AS level, false AS on_time, 0 AS elapsed_s, 0 AS business_s, false AS by_deadline
FROM complaint_openings
UNION ALL
SELECT tenant_id, category, 'resolved', t, level, resolve_within_ms IS NOT NULL AND (deadline_1 IS NULL OR deadline_1 >= t),
       (t - opened_ms) // 1000, (business_upto(tenant_id, t) - business_upto(tenant_id, opened_ms)) // 1000, false
FROM complaint_events_levelled WHERE opened_seen AND action IN ('resolved', 'closed') AND NOT done_before
UNION ALL
SELECT tenant_id, category, 'reopened', t, level, false, 0, 0, false
FROM complaint_events_levelled WHERE opened_seen AND action = 'reopened' AND done_before
UNION ALL
SELECT tenant_id, category, 'closed', t, level, false, 0, 0, false
FROM complaint_events_levelled WHERE opened_seen AND action = 'closed' AND NOT closed_before
UNION ALL
SELECT tenant_id, category, 'confirmed', t, level, false, 0, 0, false
FROM confirmations WHERE opened_seen AND nth = 1
UNION ALL
SELECT b.tenant_id, o.category, 'breached', b.at_ms, b.level_before, false, 0, 0, false
FROM complaint_breaches b JOIN complaint_openings o USING (tenant_id, complaint_id)
UNION ALL
SELECT l.tenant_id, o.category, 'escalated', l.at_ms, l.level, false, 0, 0, l.raised_by = 'deadline'
FROM complaint_levels l JOIN complaint_openings o USING (tenant_id, complaint_id);
