-- Caller journeys (contact_repeats, self_service_outcomes): who the caller is, and each caller's contacts.
--
-- The caller of a contact record is its caller_number as ingestion identifies callers before hashing it (docs/events.md,
-- "Personal data"): without surrounding blanks and an optional 'tel:' prefix; a phone number (digits and the separators
-- + - ( ) . / and blanks, at least 5 digits) is its digits, without an international prefix 00, and without China's
-- country code 86 before an 11-digit mobile number (861xxxxxxxxxx); anything else (a WeChat id, an e-mail address) is
-- the text in lower case. Callers are per tenant.
CREATE OR REPLACE MACRO caller_blank_trimmed(n) AS regexp_replace(n, '^[\x00-\x20]+|[\x00-\x20]+$', '', 'g');
CREATE OR REPLACE MACRO caller_text(n) AS (
    CASE WHEN lower(caller_blank_trimmed(n)) LIKE 'tel%'
         THEN caller_blank_trimmed(regexp_replace(caller_blank_trimmed(n), '^...:?', ''))
         ELSE caller_blank_trimmed(n) END);
CREATE OR REPLACE MACRO caller_digits_of(t) AS regexp_replace(t, '[^0-9]', '', 'g');
CREATE OR REPLACE MACRO caller_without_00(d) AS (CASE WHEN d LIKE '00%' THEN substr(d, 3) ELSE d END);
CREATE OR REPLACE MACRO caller_without_86(d) AS (CASE WHEN length(d) = 13 AND d LIKE '861%' THEN substr(d, 3) ELSE d END);
CREATE OR REPLACE MACRO caller_identity(n) AS (
    CASE WHEN regexp_full_match(caller_text(n), '[0-9+\-() ./\s]*') AND length(caller_digits_of(caller_text(n))) >= 5
         THEN caller_without_86(caller_without_00(caller_digits_of(caller_text(n))))
         ELSE lower(caller_text(n)) END);

-- Contact records that name their caller (the others cannot belong to a journey).
CREATE OR REPLACE VIEW journey_records AS
SELECT r.*, caller_identity(r.caller_number) AS caller
FROM contact_records_raw r
WHERE r.caller_number IS NOT NULL;

-- Each caller's contacts: a contact is a contact_id; it began at the earliest arrived_at of its legs.
CREATE OR REPLACE VIEW journey_contacts AS
SELECT tenant_id, caller, contact_id,
       min(arrived_at) AS started_at,
       bool_and(direction = 'inbound') AS inbound,
       bool_or(outcome = 'self_served' AND channel = 'voice') AS self_served_ivr,
       bool_or(outcome = 'self_served' AND channel <> 'voice') AS self_served_digital,
       any_value(channel) FILTER (outcome = 'self_served') AS self_served_channel,
       coalesce(list(DISTINCT topic) FILTER (topic IS NOT NULL), []) AS topics,
       coalesce(list(DISTINCT topic) FILTER (outcome = 'handled' AND agent_id IS NOT NULL AND topic IS NOT NULL), []) AS agent_topics
FROM journey_records
GROUP BY tenant_id, caller, contact_id;

-- The contacts that count as repeats: of the customer's asking (inbound) and not self-served, any channel, any outcome.
CREATE OR REPLACE VIEW journey_counting_contacts AS
SELECT * FROM journey_contacts WHERE inbound AND NOT self_served_ivr AND NOT self_served_digital;

-- Agent-handled legs: the legs both tables are about.
CREATE OR REPLACE VIEW journey_handled_legs AS
SELECT r.tenant_id, r.caller, r.contact_id, r.leg, r.agent_id, r.team_id, r.queue_id, r.topic, r.channel, r.direction,
       r.ended_at, r.self_service_recommended, c.started_at AS contact_started_at
FROM journey_records r JOIN journey_contacts c USING (tenant_id, caller, contact_id)
WHERE r.outcome = 'handled' AND r.agent_id IS NOT NULL;

-- How far each tenant's contact records reach: a window ending later is not closed (its rows are incomplete).
CREATE OR REPLACE VIEW journey_tenant_through AS
SELECT tenant_id, max(occurred_at) AS through FROM contact_records_raw GROUP BY tenant_id;
