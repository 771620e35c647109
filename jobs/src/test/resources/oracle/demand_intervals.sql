-- key: tenant_id, demand_category, topic, new_business_item, channel, region, customer_segment, interval_start
-- demand_intervals: every contact once (its first leg's record), in the interval of that leg's end, by what the
-- customer wanted and who and where they are; new-business demand itemized by the product asked for.
WITH contacts AS (
    SELECT r.*, interval_start(r.ended_at, t.tz, 15) AS interval_start,
           CASE WHEN r.demand_category = 'new_business' THEN r.sub_topic END AS new_business_item
    FROM contact_records_raw r JOIN tenants t USING (tenant_id)
    WHERE r.leg = 1
),
counted AS (
    SELECT tenant_id, demand_category, topic, new_business_item, channel, region, customer_segment, interval_start,
           count(*) AS contacts,
           count(*) FILTER (outcome = 'handled') AS handled,
           count(*) FILTER (outcome = 'self_served') AS self_served,
           count(*) FILTER (outcome = 'abandoned') AS abandoned,
           count(*) FILTER (outcome IN ('callback_requested', 'flowed_out')) AS other_outcome,
           count(*) FILTER (outcome = 'handled' AND resolved_on_contact) AS resolved_on_contact,
           count(*) FILTER (outcome = 'handled' AND transfer_count > 0) AS transferred,
           count(*) FILTER (outcome = 'handled' AND coalesce(self_service_recommended, 'none') <> 'none') AS self_service_recommended,
           coalesce(sum(coalesce(talk_seconds, 0) + coalesce(hold_seconds, 0) + coalesce(acw_seconds, 0)) FILTER (outcome = 'handled'), 0)
               AS handle_seconds
    FROM contacts
    GROUP BY ALL
)
SELECT *,
       self_served / contacts AS self_service_rate,
       resolved_on_contact / nullif(handled, 0) AS resolution_rate,
       handle_seconds / nullif(handled, 0) AS aht_seconds
FROM counted;
