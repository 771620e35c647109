-- key: tenant_id, agent_id, queue_id, topic, channel, interval_start
-- satisfaction_intervals: every survey response in the interval it was answered in, with its contact's topic and
-- channel (from the contact's records, first leg that has them) when the contact is known.
WITH facts AS (
    SELECT tenant_id, contact_id,
           arg_min(topic, leg) FILTER (topic IS NOT NULL) AS topic,
           arg_min(channel, leg) AS channel,
           arg_max(queue_id, leg) FILTER (queue_id IS NOT NULL) AS queue_id,
           true AS found
    FROM contact_records_raw
    GROUP BY tenant_id, contact_id
),
surveyed AS (
    SELECT s.tenant_id, s.agent_id, coalesce(s.queue_id, f.queue_id) AS queue_id, f.topic, f.channel,
           interval_start(s.occurred_at, t.tz, 15) AS interval_start, s.csat, s.nps, s.resolved, coalesce(f.found, false) AS found
    FROM surveys_raw s JOIN tenants t USING (tenant_id) LEFT JOIN facts f USING (tenant_id, contact_id)
),
counted AS (
    SELECT tenant_id, agent_id, queue_id, topic, channel, interval_start,
           count(*) AS responses,
           count(*) FILTER (NOT found) AS without_contact_record,
           count(csat) AS csat_responses,
           coalesce(sum(csat), 0) AS csat_sum,
           count(*) FILTER (csat >= 4) AS csat_satisfied,
           count(nps) AS nps_responses,
           count(*) FILTER (nps >= 9) AS promoters,
           count(*) FILTER (nps BETWEEN 7 AND 8) AS passives,
           count(*) FILTER (nps <= 6) AS detractors,
           count(resolved) AS resolved_responses,
           count(*) FILTER (resolved) AS resolved_yes
    FROM surveyed
    GROUP BY ALL
)
SELECT *,
       csat_satisfied / nullif(csat_responses, 0) AS csat,
       csat_sum / nullif(csat_responses, 0) AS csat_average,
       100.0 * (promoters - detractors) / nullif(nps_responses, 0) AS nps,
       resolved_yes / nullif(resolved_responses, 0) AS resolved_rate
FROM counted;
