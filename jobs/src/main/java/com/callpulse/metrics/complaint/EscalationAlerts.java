package com.callpulse.metrics.complaint;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.TenantConfig;
import com.callpulse.live.LiveMessage;
import com.callpulse.time.BusinessCalendar;
import com.callpulse.time.Timestamps;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Complaint escalations as live messages for the supervisors' alerts panel (topic ALERTS), in the envelope every
 * alert shares ({@code type, version, alert_id, state, tenant_id, occurred_at}), keyed {@code <tenant>|<alert_id>}
 * with alert id {@code complaint_escalation:<escalation_id>}. One per operator instance: the JSON writer is built
 * once. Not thread-safe.
 */
final class EscalationAlerts {
    static final String TYPE = "complaint_escalation";

    private final ObjectWriter writer;
    private final Map<String, BusinessCalendar> calendars = new HashMap<>();
    private final Alert alert = new Alert();
    private final StringBuilder text = new StringBuilder(32);

    EscalationAlerts(CallPulseConfig config) {
        writer = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .writerFor(Alert.class);
        for (TenantConfig t : config.tenants()) {
            calendars.put(t.id(), new BusinessCalendar(t.timeZone()));
        }
    }

    static String alertId(String complaintId, int level) {
        return TYPE + ":" + ComplaintDeadlines.escalationId(complaintId, level);
    }

    static String key(String tenantId, String complaintId, int level) {
        return tenantId + "|" + alertId(complaintId, level);
    }

    /** The escalation has happened (it may still be withdrawn by a late event until its row is written). */
    LiveMessage raised(ComplaintEscalation e) {
        alert.clear();
        alert.state = "raised";
        alert.alertId = alertId(e.complaintId, e.level);
        alert.occurredAt = instant(e.tenantId, e.escalatedAt);
        alert.occurredAtMs = e.escalatedAt;
        alert.tenantId = e.tenantId;
        alert.complaintId = e.complaintId;
        alert.escalationId = e.escalationId;
        alert.level = e.level;
        alert.escalatedAt = instant(e.tenantId, e.escalatedAt);
        alert.raisedBy = e.raisedBy.code();
        alert.deadlineAt = e.deadlineAt == null ? null : instant(e.tenantId, e.deadlineAt);
        alert.hoursOverdue = e.hoursOverdue;
        alert.category = e.category.code();
        alert.severity = e.severity.code();
        alert.deadlinePolicy = e.deadlinePolicy;
        alert.assignedTo = e.assignedTo;
        return new LiveMessage(e.tenantId, key(e.tenantId, e.complaintId, e.level), e.escalatedAt, json());
    }

    /** A late event showed that the level was not reached after all (resolved or paused in time). */
    LiveMessage withdrawn(String tenantId, String complaintId, int level, long at) {
        alert.clear();
        alert.state = "withdrawn";
        alert.alertId = alertId(complaintId, level);
        alert.occurredAt = instant(tenantId, at);
        alert.occurredAtMs = at;
        alert.tenantId = tenantId;
        alert.complaintId = complaintId;
        alert.escalationId = ComplaintDeadlines.escalationId(complaintId, level);
        alert.level = level;
        return new LiveMessage(tenantId, key(tenantId, complaintId, level), at, json());
    }

    private String instant(String tenantId, long at) {
        BusinessCalendar c = calendars.get(tenantId);
        text.setLength(0);
        return Timestamps.format(at, c == null ? 0 : c.offsetSeconds(at), text).toString();
    }

    private String json() {
        try {
            return writer.writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON of an alert (docs/metrics.md, "Live sink"); absent fields are left out. */
    static final class Alert {
        public final String type = TYPE;
        public final int version = 1;
        public String alertId;
        public String state;
        public String tenantId;
        public String occurredAt;
        public Long occurredAtMs;
        public String complaintId;
        public String escalationId;
        public Integer level;
        public String escalatedAt;
        public String raisedBy;
        public String deadlineAt;
        public Double hoursOverdue;
        public String category;
        public String severity;
        public String deadlinePolicy;
        public String assignedTo;

        void clear() {
            alertId = null;
            state = null;
            occurredAt = null;
            occurredAtMs = null;
            tenantId = null;
            complaintId = null;
            escalationId = null;
            level = null;
            escalatedAt = null;
            raisedBy = null;
            deadlineAt = null;
            hoursOverdue = null;
            category = null;
            severity = null;
            deadlinePolicy = null;
            assignedTo = null;
        }
    }
}
