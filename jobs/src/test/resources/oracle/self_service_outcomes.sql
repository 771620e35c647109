-- key: tenant_id, contact_id, leg
-- self_service_outcomes: per agent-handled leg with a self-service recommendation, within S = 72 h (the shipped
-- default) after the leg ended: the caller's first contact that ended self-served on the recommended path (ivr: on
-- voice; sms_link, web, app: on any other channel), and their first inbound contact an agent handled on the same
-- topic. The outcome follows which came first. An answer with nothing found is known only once the tenant's contact
-- records reach past ended_at + S.
WITH recommendations AS (
    SELECT l.*, l.ended_at + to_hours(72) AS window_end, l.ended_at + to_hours(72) <= t.through AS closed
    FROM journey_handled_legs l JOIN journey_tenant_through t USING (tenant_id)
    WHERE l.self_service_recommended IN ('ivr', 'sms_link', 'web', 'app')
),
uses AS (
    SELECT r.tenant_id, r.contact_id, r.leg, c.contact_id AS used_contact_id, c.started_at AS used_at, c.self_served_channel AS used_channel
    FROM recommendations r JOIN journey_contacts c
      ON c.tenant_id = r.tenant_id AND c.caller = r.caller AND c.contact_id <> r.contact_id
     AND c.started_at > r.ended_at AND c.started_at <= r.window_end
     AND CASE WHEN r.self_service_recommended = 'ivr' THEN c.self_served_ivr ELSE c.self_served_digital END
    QUALIFY row_number() OVER (PARTITION BY r.tenant_id, r.contact_id, r.leg ORDER BY c.started_at, c.contact_id) = 1
),
call_backs AS (
    SELECT r.tenant_id, r.contact_id, r.leg, c.contact_id AS called_back_contact_id, c.started_at AS called_back_at
    FROM recommendations r JOIN journey_contacts c
      ON c.tenant_id = r.tenant_id AND c.caller = r.caller AND c.contact_id <> r.contact_id
     AND c.started_at > r.ended_at AND c.started_at <= r.window_end
     AND c.inbound AND list_contains(c.agent_topics, r.topic)
    QUALIFY row_number() OVER (PARTITION BY r.tenant_id, r.contact_id, r.leg ORDER BY c.started_at, c.contact_id) = 1
),
answered AS (
    SELECT r.tenant_id, r.contact_id, r.leg, r.agent_id, r.team_id, r.queue_id, r.topic, r.channel, r.ended_at,
           r.self_service_recommended, 72 AS window_hours,
           CASE WHEN u.used_contact_id IS NOT NULL THEN true WHEN r.closed THEN false END AS used,
           u.used_at, u.used_contact_id, u.used_channel,
           CASE WHEN b.called_back_contact_id IS NOT NULL THEN true WHEN r.topic IS NULL OR r.closed THEN false END AS called_back,
           b.called_back_at, b.called_back_contact_id
    FROM recommendations r
    LEFT JOIN uses u USING (tenant_id, contact_id, leg)
    LEFT JOIN call_backs b USING (tenant_id, contact_id, leg)
),
judged AS (
    SELECT *,
           CASE WHEN called_back AND used AND (used_at < called_back_at OR (used_at = called_back_at AND used_contact_id < called_back_contact_id))
                THEN 'used_then_called_back'
                WHEN called_back THEN 'called_back_without_use'
                WHEN NOT called_back AND used THEN 'succeeded'
                WHEN NOT called_back AND NOT used THEN 'not_used' END AS outcome
    FROM answered
)
SELECT *, used IS NOT NULL AND called_back IS NOT NULL AND outcome IS NOT NULL AS complete FROM judged;
