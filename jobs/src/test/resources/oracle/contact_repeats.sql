-- key: tenant_id, contact_id, leg, window_hours
-- contact_repeats: per agent-handled leg and repeat window W (the shipped defaults 24 h, 72 h, 7 d, written out here),
-- backward (another counting contact began in [start - W, start) of this contact) and forward (another counting
-- contact began in (ended_at, ended_at + W] of this leg), also restricted to contacts with a leg on this leg's topic.
-- A forward answer with nothing found is known only once the tenant's contact records reach past ended_at + W.
WITH windows(window_hours) AS (VALUES (24), (72), (168)),
legs AS (
    SELECT l.*, w.window_hours, to_hours(w.window_hours) AS w, l.ended_at + to_hours(w.window_hours) AS window_end,
           l.ended_at + to_hours(w.window_hours) <= t.through AS closed
    FROM journey_handled_legs l CROSS JOIN windows w JOIN journey_tenant_through t USING (tenant_id)
),
previous AS (
    SELECT l.tenant_id, l.contact_id, l.leg, l.window_hours, c.contact_id AS previous_contact_id, c.started_at AS previous_contact_at
    FROM legs l JOIN journey_counting_contacts c
      ON c.tenant_id = l.tenant_id AND c.caller = l.caller AND c.contact_id <> l.contact_id
     AND c.started_at >= l.contact_started_at - l.w AND c.started_at < l.contact_started_at
    QUALIFY row_number() OVER (PARTITION BY l.tenant_id, l.contact_id, l.leg, l.window_hours ORDER BY c.started_at DESC, c.contact_id DESC) = 1
),
previous_same_topic AS (
    SELECT DISTINCT l.tenant_id, l.contact_id, l.leg, l.window_hours
    FROM legs l JOIN journey_counting_contacts c
      ON c.tenant_id = l.tenant_id AND c.caller = l.caller AND c.contact_id <> l.contact_id
     AND c.started_at >= l.contact_started_at - l.w AND c.started_at < l.contact_started_at
     AND list_contains(c.topics, l.topic)
),
next AS (
    SELECT l.tenant_id, l.contact_id, l.leg, l.window_hours, c.contact_id AS next_contact_id, c.started_at AS next_contact_at
    FROM legs l JOIN journey_counting_contacts c
      ON c.tenant_id = l.tenant_id AND c.caller = l.caller AND c.contact_id <> l.contact_id
     AND c.started_at > l.ended_at AND c.started_at <= l.window_end
    QUALIFY row_number() OVER (PARTITION BY l.tenant_id, l.contact_id, l.leg, l.window_hours ORDER BY c.started_at, c.contact_id) = 1
),
next_same_topic AS (
    SELECT l.tenant_id, l.contact_id, l.leg, l.window_hours, c.contact_id AS next_same_topic_contact_id, c.started_at AS next_same_topic_contact_at
    FROM legs l JOIN journey_counting_contacts c
      ON c.tenant_id = l.tenant_id AND c.caller = l.caller AND c.contact_id <> l.contact_id
     AND c.started_at > l.ended_at AND c.started_at <= l.window_end
     AND list_contains(c.topics, l.topic)
    QUALIFY row_number() OVER (PARTITION BY l.tenant_id, l.contact_id, l.leg, l.window_hours ORDER BY c.started_at, c.contact_id) = 1
)
SELECT l.tenant_id, l.contact_id, l.leg, l.window_hours, l.agent_id, l.team_id, l.queue_id, l.topic, l.channel, l.direction,
       l.contact_started_at, l.ended_at,
       p.previous_contact_id IS NOT NULL AS is_repeat, p.previous_contact_id, p.previous_contact_at,
       ps.contact_id IS NOT NULL AS is_repeat_same_topic,
       CASE WHEN n.next_contact_id IS NOT NULL THEN true WHEN l.closed THEN false END AS followed_by_repeat,
       n.next_contact_id, n.next_contact_at,
       CASE WHEN ns.next_same_topic_contact_id IS NOT NULL THEN true WHEN l.topic IS NULL OR l.closed THEN false END AS followed_by_repeat_same_topic,
       ns.next_same_topic_contact_id, ns.next_same_topic_contact_at,
       (n.next_contact_id IS NOT NULL OR l.closed) AND (ns.next_same_topic_contact_id IS NOT NULL OR l.topic IS NULL OR l.closed) AS complete
FROM legs l
LEFT JOIN previous p USING (tenant_id, contact_id, leg, window_hours)
LEFT JOIN previous_same_topic ps USING (tenant_id, contact_id, leg, window_hours)
LEFT JOIN next n USING (tenant_id, contact_id, leg, window_hours)
LEFT JOIN next_same_topic ns USING (tenant_id, contact_id, leg, window_hours);
