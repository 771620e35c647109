package com.callpulse.metrics.live;

import com.callpulse.config.ServiceLevelConfig;
import com.callpulse.metrics.ServiceLevelVariant;
import com.callpulse.model.NotReadyReason;
import com.callpulse.time.BusinessCalendar;
import com.callpulse.time.Timestamps;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes the live messages' JSON (the contract the wallboard reads; schema in docs/metrics.md, "Live queue state").
 * One per operator instance: it reuses its buffer, so it is not thread-safe.
 */
final class LiveJsonWriter {
    /** Version of the message schema; a reader must check it. */
    static final int VERSION = 1;

    private final JsonFactory factory = new JsonFactory();
    private final StringWriter buffer = new StringWriter(4096);
    private final StringBuilder time = new StringBuilder(32);

    String queueState(QueueStateView v, BusinessCalendar calendar) {
        try (JsonGenerator g = start()) {
            g.writeStartObject();
            g.writeStringField("type", "queue_state");
            g.writeNumberField("version", VERSION);
            g.writeStringField("tenant_id", v.tenantId);
            g.writeStringField("queue_id", v.queueId);
            instant(g, "as_of", v.asOf, calendar);
            g.writeNumberField("emitted_at_ms", v.emittedAt);
            g.writeStringField("business_date", date(v.clockDay));
            serviceLevel(g, v.serviceLevel);
            if (v.breachId == null) {
                g.writeNullField("service_level_breach");
            } else {
                g.writeObjectFieldStart("service_level_breach");
                g.writeStringField("alert_id", v.breachId);
                instant(g, "since", v.breachSince, calendar);
                g.writeEndObject();
            }
            g.writeObjectFieldStart("agents");
            for (int i = 0; i < QueueStateView.AGENT_NAMES.length; i++) {
                g.writeNumberField(QueueStateView.AGENT_NAMES[i], v.agents[i]);
            }
            g.writeObjectFieldStart("not_ready_by_reason");
            for (NotReadyReason r : NotReadyReason.values()) {
                if (v.notReadyByReason[r.ordinal()] > 0) {
                    g.writeNumberField(r.code(), v.notReadyByReason[r.ordinal()]);
                }
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeFieldName("total");
            channel(g, v, v.total, calendar);
            g.writeObjectFieldStart("channels");
            for (Map.Entry<String, QueueStateView.ChannelView> c : v.channels.entrySet()) {
                g.writeFieldName(c.getKey());
                channel(g, v, c.getValue(), calendar);
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString();
    }

    /** A service-level breach alert, raised or cleared. */
    String breach(String state, String alertId, QueueStateView v, long raisedAt, Double serviceLevel, long[] window, long windowFrom,
            BusinessCalendar calendar) {
        ServiceLevelConfig sl = v.serviceLevel;
        try (JsonGenerator g = start()) {
            g.writeStartObject();
            g.writeStringField("type", "service_level_breach");
            g.writeNumberField("version", VERSION);
            g.writeStringField("alert_id", alertId);
            g.writeStringField("state", state);
            g.writeStringField("tenant_id", v.tenantId);
            g.writeStringField("queue_id", v.queueId);
            instant(g, "occurred_at", v.asOf, calendar);
            instant(g, "raised_at", raisedAt, calendar);
            g.writeNumberField("emitted_at_ms", v.emittedAt);
            g.writeStringField("business_date", date(v.clockDay));
            g.writeNumberField("window_minutes", QueueWindows.SHORT_WINDOW);
            instant(g, "window_from", windowFrom, calendar);
            number(g, "service_level", serviceLevel);
            g.writeNumberField("target", sl.target());
            g.writeNumberField("clear_level", ServiceLevelBreach.clearLevel(sl.target()));
            g.writeStringField("variant", sl.variant().code());
            g.writeNumberField("threshold_seconds", sl.thresholdSeconds());
            g.writeNumberField("min_offered", ServiceLevelBreach.MIN_OFFERED);
            for (int i : new int[] {QueueWindows.OFFERED, QueueWindows.ANSWERED, QueueWindows.ANSWERED_WITHIN, QueueWindows.ABANDONED,
                QueueWindows.ABANDONED_WITHIN, QueueWindows.SHORT_ABANDONED}) {
                g.writeNumberField(QueueWindows.NAMES[i], window[i]);
            }
            g.writeNumberField("waiting", v.total.waiting);
            if (v.total.oldestQueuedAt != QueueWindows.NONE) {
                g.writeNumberField("oldest_wait_seconds", Math.max(0, (v.asOf - v.total.oldestQueuedAt) / 1000));
            } else {
                g.writeNullField("oldest_wait_seconds");
            }
            g.writeStringField("explanation", explanation(state, v.queueId, serviceLevel, window, sl));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString();
    }

    /**
     * An agent's current state (topic {@code agents}): the state code as in the events, {@code logged_out} after a
     * logout; {@code since} is when the state began, {@code queues} the skills of its newest login.
     */
    String agentState(String tenantId, String agentId, LiveAgent a, long occurredAt, long emittedAt, BusinessCalendar calendar) {
        try (JsonGenerator g = start()) {
            g.writeStartObject();
            g.writeStringField("type", "agent_state");
            g.writeNumberField("version", VERSION);
            g.writeStringField("tenant_id", tenantId);
            g.writeStringField("agent_id", agentId);
            if (a.teamId != null) {
                g.writeStringField("team_id", a.teamId);
            }
            g.writeStringField("state", a.loggedIn() ? a.state.code() : "logged_out");
            if (a.reason == null) {
                g.writeNullField("reason");
            } else {
                g.writeStringField("reason", a.reason.code());
            }
            instant(g, "since", a.stateSince != LiveAgent.NONE ? a.stateSince : a.since, calendar); // state from before stateSince existed
            g.writeArrayFieldStart("queues");
            if (a.skills != null) {
                for (String q : a.skills) {
                    g.writeString(q);
                }
            }
            g.writeEndArray();
            instant(g, "occurred_at", occurredAt, calendar);
            g.writeNumberField("emitted_at_ms", emittedAt);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString();
    }

    /**
     * A contact leaving a queue (topic {@code contacts}). Only the contact id identifies the caller: no number, no
     * caller key. {@code waitSeconds}, {@code agentId} and {@code queuedAt} are left out when unknown
     * ({@link LiveInput#UNKNOWN}, null, {@link LiveContact#NONE}).
     */
    String queueExit(String tenantId, String contactId, String queueId, String channel, String outcome, int waitSeconds, String agentId,
            long queuedAt, long occurredAt, long emittedAt, BusinessCalendar calendar) {
        try (JsonGenerator g = start()) {
            g.writeStartObject();
            g.writeStringField("type", "queue_exit");
            g.writeNumberField("version", VERSION);
            g.writeStringField("tenant_id", tenantId);
            g.writeStringField("contact_id", contactId);
            g.writeStringField("queue_id", queueId);
            g.writeStringField("channel", channel);
            g.writeStringField("outcome", outcome);
            if (waitSeconds == LiveInput.UNKNOWN) {
                g.writeNullField("wait_seconds");
            } else {
                g.writeNumberField("wait_seconds", waitSeconds);
            }
            if (agentId != null) {
                g.writeStringField("agent_id", agentId);
            }
            if (queuedAt != LiveContact.NONE) {
                instant(g, "queued_at", queuedAt, calendar);
            }
            instant(g, "occurred_at", occurredAt, calendar);
            g.writeNumberField("emitted_at_ms", emittedAt);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString();
    }

    static String explanation(String state, String queue, Double serviceLevel, long[] w, ServiceLevelConfig sl) {
        String level = serviceLevel == null ? "n/a" : percent(serviceLevel);
        String counted = w[QueueWindows.ANSWERED_WITHIN] + " of " + w[QueueWindows.OFFERED] + " offered answered within " + sl.thresholdSeconds()
                + " s, " + w[QueueWindows.ABANDONED] + " abandoned";
        if (state.equals("raised")) {
            return "Queue " + queue + ": service level " + level + " over the last 15 minutes (" + counted + ") is below its target of "
                    + percent(sl.target()) + " (" + sl.variant().code() + ").";
        }
        if (w[QueueWindows.OFFERED] == 0) {
            return "Queue " + queue + ": no contacts offered over the last 15 minutes; the breach is over.";
        }
        return "Queue " + queue + ": service level " + level + " over the last 15 minutes (" + counted + ") is back at or above "
                + percent(ServiceLevelBreach.clearLevel(sl.target())) + ".";
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", share * 100);
    }

    private JsonGenerator start() throws IOException {
        buffer.getBuffer().setLength(0);
        return factory.createGenerator(buffer);
    }

    private void channel(JsonGenerator g, QueueStateView v, QueueStateView.ChannelView c, BusinessCalendar calendar) throws IOException {
        g.writeStartObject();
        g.writeNumberField("waiting", c.waiting);
        if (c.oldestQueuedAt == QueueWindows.NONE) {
            g.writeNullField("oldest_queued_at");
            g.writeNullField("oldest_queued_at_ms");
            g.writeNullField("oldest_wait_seconds");
        } else {
            instant(g, "oldest_queued_at", c.oldestQueuedAt, calendar);
            g.writeNumberField("oldest_wait_seconds", Math.max(0, (v.asOf - c.oldestQueuedAt) / 1000));
        }
        ServiceLevelVariant variant = v.serviceLevel.variant();
        long minute = Math.floorDiv(v.asOf, LiveQueueStateFunction.MINUTE);
        g.writeFieldName("trailing_15m");
        window(g, c.trailing15, variant, (minute - QueueWindows.SHORT_WINDOW + 1) * LiveQueueStateFunction.MINUTE, null, calendar);
        g.writeFieldName("trailing_30m");
        window(g, c.trailing30, variant, (minute - QueueWindows.LONG_WINDOW + 1) * LiveQueueStateFunction.MINUTE, null, calendar);
        g.writeFieldName("today");
        window(g, c.today, variant, calendar.startOfDay(v.clockDay), date(v.clockDay), calendar);
        if (v.previousDay != QueueWindows.NONE) {
            g.writeFieldName("previous_day");
            window(g, c.previousDay, variant, calendar.startOfDay(v.previousDay), date(v.previousDay), calendar);
        }
        g.writeEndObject();
    }

    private void window(JsonGenerator g, long[] c, ServiceLevelVariant variant, long from, String businessDate, BusinessCalendar calendar)
            throws IOException {
        g.writeStartObject();
        if (businessDate != null) {
            g.writeStringField("business_date", businessDate);
        }
        instant(g, "from", from, calendar);
        for (int i = 0; i < QueueWindows.COUNTERS; i++) {
            g.writeNumberField(QueueWindows.NAMES[i], c[i]);
        }
        number(g, "service_level", QueueWindows.serviceLevel(c, variant));
        number(g, "asa_seconds", QueueWindows.asaSeconds(c));
        number(g, "abandonment_rate", QueueWindows.abandonmentRate(c));
        number(g, "aht_seconds", QueueWindows.ahtSeconds(c));
        g.writeEndObject();
    }

    private static void serviceLevel(JsonGenerator g, ServiceLevelConfig sl) throws IOException {
        g.writeObjectFieldStart("service_level_config");
        g.writeStringField("config", sl.version());
        g.writeNumberField("threshold_seconds", sl.thresholdSeconds());
        g.writeNumberField("short_abandon_seconds", sl.shortAbandonSeconds());
        g.writeStringField("variant", sl.variant().code());
        g.writeNumberField("target", sl.target());
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, Double v) throws IOException {
        if (v == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v);
        }
    }

    /** An instant as ISO-8601 in the tenant's offset, and as epoch milliseconds ({@code <name>_ms}). */
    private void instant(JsonGenerator g, String name, long ms, BusinessCalendar calendar) throws IOException {
        time.setLength(0);
        g.writeStringField(name, Timestamps.format(ms, calendar.offsetSeconds(ms), time).toString());
        g.writeNumberField(name + "_ms", ms);
    }

    private String date(long epochDay) {
        time.setLength(0);
        return Timestamps.appendDate(epochDay, time).toString();
    }
}
