-- key: tenant_id, complaint_id, level
-- complaint_escalations: each level a complaint whose opening was seen reached (_complaint.sql, complaint_levels).
SELECT l.tenant_id, l.complaint_id, l.level, l.complaint_id || '-L' || l.level AS escalation_id,
       ms_ts(l.at_ms) AS escalated_at, l.raised_by,
       ms_ts(b.at_ms) AS deadline_at, (l.at_ms - b.at_ms) / 3600000.0 AS hours_overdue,
       o.category, o.severity, o.deadline_policy, ms_ts(o.opened_ms) AS opened_at, l.assigned_to
FROM complaint_levels l
JOIN complaint_openings o USING (tenant_id, complaint_id)
LEFT JOIN complaint_breaches b ON b.tenant_id = l.tenant_id AND b.complaint_id = l.complaint_id AND b.at_ms <= l.at_ms;
