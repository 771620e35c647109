-- key: tenant_id, agent_id, team_id, queue_id, offer_product, offer_flow_type, interval_start
-- marketing_intervals: every offer made on a contact leg, in the interval of the leg's end, per agent, queue,
-- product and flow type.
SELECT r.tenant_id, r.agent_id, r.team_id, r.queue_id, r.offer_product, r.offer_flow_type,
       interval_start(r.ended_at, t.tz, 15) AS interval_start,
       count(*) AS offers,
       count(*) FILTER (offer_outcome = 'accepted') AS accepted,
       count(*) FILTER (offer_outcome = 'declined') AS declined,
       count(*) FILTER (offer_outcome = 'undecided') AS undecided,
       count(*) FILTER (offer_outcome = 'accepted') / count(*) AS conversion_rate
FROM contact_records_raw r JOIN tenants t USING (tenant_id)
WHERE r.offer_product IS NOT NULL
GROUP BY ALL;
