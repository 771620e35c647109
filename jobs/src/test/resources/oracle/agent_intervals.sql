-- key: tenant_id, agent_id, team_id, site_id, remote_seat, interval_start
-- agent_intervals: every contact-record leg an agent handled (outcome handled), in the interval of the leg's end,
-- per tenant, agent, team, site and remote seat as the record names them. Ratios from the counters.
WITH legs AS (
    SELECT r.*, interval_start(r.ended_at, t.tz, 15) AS interval_start
    FROM contact_records_raw r JOIN tenants t USING (tenant_id)
    WHERE r.outcome = 'handled' AND r.agent_id IS NOT NULL
),
counted AS (
    SELECT tenant_id, agent_id, team_id, site_id, remote_seat, interval_start,
           count(*) AS handled,
           count(*) FILTER (direction = 'outbound') AS outbound,
           coalesce(sum(talk_seconds), 0) AS talk_seconds,
           coalesce(sum(hold_seconds), 0) AS hold_seconds,
           coalesce(sum(acw_seconds), 0) AS acw_seconds,
           count(*) FILTER (coalesce(hold_count, 0) > 0 OR coalesce(hold_seconds, 0) > 0) AS held,
           coalesce(sum(hold_count), 0) AS holds,
           count(*) FILTER (transfer_count > 0) AS transferred,
           sum(transfer_count) AS transfers,
           count(*) FILTER (resolved_on_contact) AS resolved,
           count(resolved_on_contact) AS resolution_reported,
           count(*) FILTER (self_service_recommended IN ('ivr', 'sms_link', 'web', 'app')) AS self_service_recommended,
           count(*) FILTER (self_service_recommended = 'ivr') AS self_service_ivr,
           count(*) FILTER (self_service_recommended = 'sms_link') AS self_service_sms_link,
           count(*) FILTER (self_service_recommended = 'web') AS self_service_web,
           count(*) FILTER (self_service_recommended = 'app') AS self_service_app,
           count(offer_product) AS offers,
           count(offer_product) FILTER (offer_outcome = 'accepted') AS offers_accepted,
           count(offer_product) FILTER (offer_outcome = 'declined') AS offers_declined,
           count(offer_product) FILTER (offer_outcome = 'undecided') AS offers_undecided,
           count(offer_product) FILTER (offer_flow_type = 'direct_handling') AS offers_direct_handling,
           count(offer_product) FILTER (offer_flow_type = 'appointment') AS offers_appointment,
           count(offer_product) FILTER (offer_flow_type = 'pre_handling_delivery') AS offers_pre_handling_delivery,
           count(offer_product) FILTER (offer_flow_type = 'direct_handling' AND offer_outcome = 'accepted') AS accepted_direct_handling,
           count(offer_product) FILTER (offer_flow_type = 'appointment' AND offer_outcome = 'accepted') AS accepted_appointment,
           count(offer_product) FILTER (offer_flow_type = 'pre_handling_delivery' AND offer_outcome = 'accepted') AS accepted_pre_handling_delivery
    FROM legs
    GROUP BY ALL
)
SELECT *,
       (talk_seconds + hold_seconds + acw_seconds) / nullif(handled, 0) AS aht_seconds,
       talk_seconds / nullif(handled, 0) AS avg_talk_seconds,
       hold_seconds / nullif(handled, 0) AS avg_hold_seconds,
       hold_seconds / nullif(held, 0) AS avg_hold_when_held_seconds,
       acw_seconds / nullif(handled, 0) AS avg_acw_seconds,
       held / nullif(handled, 0) AS hold_rate,
       transferred / nullif(handled, 0) AS transfer_rate,
       resolved / nullif(resolution_reported, 0) AS resolution_rate,
       self_service_recommended / nullif(handled, 0) AS self_service_recommendation_rate,
       offers_accepted / nullif(offers, 0) AS offer_conversion_rate
FROM counted;
