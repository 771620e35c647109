-- The raw events the oracle computes from: the accepted lines of the day as JSON text (table raw_lines, loaded by
-- the test), typed here with DuckDB's own JSON and timestamp functions. Nothing of CallPulse's code is involved.
-- Tenants and their zones: table tenants(tenant_id, tz), also loaded by the test.

CREATE OR REPLACE MACRO ts(j, f) AS CAST(json_extract_string(j, f) AS TIMESTAMPTZ);
CREATE OR REPLACE MACRO str(j, f) AS json_extract_string(j, f);
CREATE OR REPLACE MACRO num(j, f) AS CAST(json_extract(j, f) AS BIGINT);
CREATE OR REPLACE MACRO bool(j, f) AS CAST(json_extract(j, f) AS BOOLEAN);

-- Start of the reporting interval containing t: whole interval lengths from the local midnight of t's day in zone z
-- (so DST days have 23 or 25 hours of intervals), as an instant.
CREATE OR REPLACE MACRO local_day_start(t, z) AS timezone(z, date_trunc('day', timezone(z, t)));
CREATE OR REPLACE MACRO interval_start(t, z, minutes) AS
    local_day_start(t, z) + to_milliseconds(floor((epoch_ms(t) - epoch_ms(local_day_start(t, z))) / (minutes * 60000)) * minutes * 60000);

CREATE OR REPLACE VIEW contact_records_raw AS
SELECT str(line, '$.tenant_id') AS tenant_id, str(line, '$.event_id') AS event_id, ts(line, '$.occurred_at') AS occurred_at,
       str(line, '$.contact_id') AS contact_id, num(line, '$.leg') AS leg, str(line, '$.channel') AS channel,
       str(line, '$.direction') AS direction, str(line, '$.outcome') AS outcome, str(line, '$.caller_number') AS caller_number,
       str(line, '$.queue_id') AS queue_id, str(line, '$.agent_id') AS agent_id, str(line, '$.team_id') AS team_id,
       str(line, '$.site_id') AS site_id, bool(line, '$.remote_seat') AS remote_seat, str(line, '$.region') AS region,
       str(line, '$.customer_segment') AS customer_segment, ts(line, '$.arrived_at') AS arrived_at, ts(line, '$.queued_at') AS queued_at,
       ts(line, '$.answered_at') AS answered_at, ts(line, '$.ended_at') AS ended_at, ts(line, '$.wrapup_ended_at') AS wrapup_ended_at,
       num(line, '$.ivr_seconds') AS ivr_seconds, num(line, '$.queue_wait_seconds') AS queue_wait_seconds,
       num(line, '$.talk_seconds') AS talk_seconds, num(line, '$.hold_seconds') AS hold_seconds, num(line, '$.hold_count') AS hold_count,
       num(line, '$.acw_seconds') AS acw_seconds, str(line, '$.topic') AS topic, str(line, '$.sub_topic') AS sub_topic,
       str(line, '$.demand_category') AS demand_category, bool(line, '$.resolved_on_contact') AS resolved_on_contact,
       num(line, '$.transfer_count') AS transfer_count, str(line, '$.self_service_recommended') AS self_service_recommended,
       str(line, '$.offer_product') AS offer_product, str(line, '$.offer_flow_type') AS offer_flow_type, str(line, '$.offer_outcome') AS offer_outcome
FROM raw_lines WHERE stream = 'contact_records';

CREATE OR REPLACE VIEW contact_events_raw AS
SELECT str(line, '$.tenant_id') AS tenant_id, str(line, '$.event_id') AS event_id, ts(line, '$.occurred_at') AS occurred_at,
       str(line, '$.contact_id') AS contact_id, str(line, '$.event_type') AS event_type, str(line, '$.channel') AS channel,
       str(line, '$.queue_id') AS queue_id, str(line, '$.skill') AS skill, str(line, '$.agent_id') AS agent_id,
       str(line, '$.caller_number') AS caller_number, str(line, '$.region') AS region, str(line, '$.ivr_topic') AS ivr_topic,
       bool(line, '$.self_served') AS self_served, num(line, '$.wait_seconds') AS wait_seconds, str(line, '$.target_queue_id') AS target_queue_id
FROM raw_lines WHERE stream = 'contact_events';

CREATE OR REPLACE VIEW agent_states_raw AS
SELECT str(line, '$.tenant_id') AS tenant_id, str(line, '$.event_id') AS event_id, ts(line, '$.occurred_at') AS occurred_at,
       str(line, '$.agent_id') AS agent_id, str(line, '$.state') AS state, str(line, '$.reason') AS reason, str(line, '$.team_id') AS team_id,
       str(line, '$.site_id') AS site_id, bool(line, '$.remote_seat') AS remote_seat, str(line, '$.contact_id') AS contact_id
FROM raw_lines WHERE stream = 'agent_state_events';

CREATE OR REPLACE VIEW complaints_raw AS
SELECT str(line, '$.tenant_id') AS tenant_id, str(line, '$.event_id') AS event_id, ts(line, '$.occurred_at') AS occurred_at,
       str(line, '$.complaint_id') AS complaint_id, str(line, '$.action') AS action, str(line, '$.category') AS category,
       str(line, '$.severity') AS severity, str(line, '$.deadline_policy') AS deadline_policy, str(line, '$.linked_contact_id') AS linked_contact_id,
       str(line, '$.channel') AS channel, str(line, '$.assigned_to') AS assigned_to, num(line, '$.level') AS level
FROM raw_lines WHERE stream = 'complaint_events';

CREATE OR REPLACE VIEW surveys_raw AS
SELECT str(line, '$.tenant_id') AS tenant_id, str(line, '$.event_id') AS event_id, ts(line, '$.occurred_at') AS occurred_at,
       str(line, '$.contact_id') AS contact_id, str(line, '$.agent_id') AS agent_id, str(line, '$.queue_id') AS queue_id,
       str(line, '$.method') AS method, num(line, '$.csat') AS csat, num(line, '$.nps') AS nps, bool(line, '$.resolved') AS resolved
FROM raw_lines WHERE stream = 'survey_responses';
