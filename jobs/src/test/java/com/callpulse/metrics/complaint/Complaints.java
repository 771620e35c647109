package com.callpulse.metrics.complaint;

import com.callpulse.model.Channel;
import com.callpulse.model.ComplaintAction;
import com.callpulse.model.ComplaintCategory;
import com.callpulse.model.ComplaintEvent;
import com.callpulse.model.Severity;

import java.time.LocalDateTime;
import java.time.ZoneId;

/** Complaint events of one ticket, for the complaint tests. */
final class Complaints {
    static final long MINUTE = 60_000;
    static final long HOUR = 60 * MINUTE;

    private final String tenant;
    private final String complaintId;
    private int seq;

    Complaints(String tenant, String complaintId) {
        this.tenant = tenant;
        this.complaintId = complaintId;
    }

    /** An instant given as local time in a zone, e.g. {@code local("2026-12-25T17:30", BERLIN)}. */
    static long local(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant().toEpochMilli();
    }

    ComplaintEvent opened(long at, String policy) {
        ComplaintEvent e = event(ComplaintAction.OPENED, at);
        e.category = ComplaintCategory.BILLING_DISPUTE;
        e.severity = Severity.HIGH;
        e.deadlinePolicy = policy;
        e.channel = Channel.VOICE;
        e.level = 0;
        return e;
    }

    ComplaintEvent escalated(long at, int level, String to) {
        ComplaintEvent e = event(ComplaintAction.ESCALATED, at);
        e.level = level;
        e.assignedTo = to;
        return e;
    }

    ComplaintEvent assigned(long at, String to) {
        ComplaintEvent e = event(ComplaintAction.ASSIGNED, at);
        e.assignedTo = to;
        return e;
    }

    ComplaintEvent event(ComplaintAction action, long at) {
        ComplaintEvent e = new ComplaintEvent();
        e.eventId = complaintId + "-" + (++seq) + "-" + action.code();
        e.tenantId = tenant;
        e.occurredAt = at;
        e.schemaVersion = 1;
        e.complaintId = complaintId;
        e.action = action;
        return e;
    }

    /** The same event once more, as the source would send a repeated update: a new event id. */
    ComplaintEvent repeat(ComplaintEvent e, long at) {
        ComplaintEvent r = event(e.action, at);
        r.category = e.category;
        r.severity = e.severity;
        r.deadlinePolicy = e.deadlinePolicy;
        r.channel = e.channel;
        r.level = e.level;
        r.assignedTo = e.assignedTo;
        return r;
    }

    static ComplaintStep step(ComplaintEvent e) {
        return ComplaintStep.of(e);
    }
}
