package com.callpulse.testing;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.IngestConfig;
import com.callpulse.config.KafkaConfig;
import com.callpulse.config.LakeConfig;
import com.callpulse.config.PrivacyConfig;
import com.callpulse.config.TenantConfig;
import com.callpulse.model.AgentState;
import com.callpulse.model.AgentStateEvent;
import com.callpulse.model.Channel;
import com.callpulse.model.ComplaintAction;
import com.callpulse.model.ComplaintCategory;
import com.callpulse.model.ComplaintEvent;
import com.callpulse.model.ContactEvent;
import com.callpulse.model.ContactEventType;
import com.callpulse.model.ContactOutcome;
import com.callpulse.model.ContactRecord;
import com.callpulse.model.Direction;
import com.callpulse.model.Event;
import com.callpulse.model.Severity;
import com.callpulse.model.Stream;
import com.callpulse.model.SurveyResponse;
import com.callpulse.schema.EventJsonWriter;
import com.callpulse.time.BusinessCalendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Fixed instants, a test configuration and event builders shared by the tests. Never {@code Instant.now()}. */
public final class Fixtures {
    /** 09:00 on 2026-11-20 in Shanghai. */
    public static final Instant NINE_AM_SHANGHAI = Instant.parse("2026-11-20T01:00:00Z");
    public static final long T0 = NINE_AM_SHANGHAI.toEpochMilli();
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    public static final String TENANT = "cmcc-ah";
    public static final String EU_TENANT = "roam-eu";
    public static final String SECRET = "test-secret-0123456789abcdef";
    /** The wall clock of tests that need one: two days after the sample day. */
    public static final long NOW = Instant.parse("2026-11-22T00:00:00Z").toEpochMilli();

    private Fixtures() {}

    /** Two tenants, one with DST, quick checkpoints. */
    public static CallPulseConfig config() {
        return new CallPulseConfig(
                List.of(new TenantConfig(TENANT, "Anhui hotline", SHANGHAI), new TenantConfig(EU_TENANT, "EU desk", BERLIN)),
                new IngestConfig(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofDays(30), 262144, 2, 1),
                new LakeConfig(Duration.ofMillis(500), "SNAPPY"),
                new KafkaConfig("localhost:9092", "callpulse-test",
                        Map.of("contact_events", "t.contact-events", "contact_records", "t.contact-records",
                                "agent_state_events", "t.agent-state-events", "complaint_events", "t.complaint-events",
                                "survey_responses", "t.survey-responses"),
                        "earliest", Map.of()),
                new PrivacyConfig(SECRET),
                CallPulseConfig.defaults().metrics());
    }

    /** The ingestion parser with the default limits and the fixed clock {@link #NOW}. */
    public static com.callpulse.ingest.EventParser parser(java.util.Set<String> tenants) {
        return new com.callpulse.ingest.EventParser(tenants, 1, 262144, Duration.ofDays(30).toMillis(), () -> NOW);
    }

    /** JSON the way a producer in the tenant's zone writes it. */
    public static EventJsonWriter jsonWriter(CallPulseConfig config) {
        Map<String, BusinessCalendar> calendars = new java.util.HashMap<>();
        config.tenants().forEach(t -> calendars.put(t.id(), new BusinessCalendar(t.timeZone())));
        return new EventJsonWriter((record, ms) -> {
            BusinessCalendar c = calendars.get(((Event) record).tenantId);
            return c == null ? 0 : c.offsetSeconds(ms);
        });
    }

    private static <E extends Event> E base(E e, String id, long at) {
        e.eventId = id;
        e.tenantId = TENANT;
        e.occurredAt = at;
        e.schemaVersion = 1;
        return e;
    }

    public static ContactEvent contactEvent(String id, long at, String contactId, ContactEventType type) {
        ContactEvent e = base(new ContactEvent(), id, at);
        e.contactId = contactId;
        e.eventType = type;
        e.channel = Channel.VOICE;
        if (type == ContactEventType.ARRIVED) {
            e.callerNumber = "13800138000";
            e.region = "hefei-shushan";
        }
        if (type.ordinal() >= ContactEventType.QUEUED.ordinal()) {
            e.queueId = "general";
        }
        if (type == ContactEventType.OFFERED || type == ContactEventType.ANSWERED || type == ContactEventType.HOLD
                || type == ContactEventType.UNHOLD || type == ContactEventType.TRANSFERRED) {
            e.agentId = "a-0001";
        }
        if (type == ContactEventType.IVR_LEFT) {
            e.selfServed = false;
            e.ivrTopic = "bill_query";
        }
        return e;
    }

    public static ContactRecord contactRecord(String id, long endedAt, String contactId) {
        ContactRecord r = base(new ContactRecord(), id, endedAt + 40_000);
        r.contactId = contactId;
        r.leg = 1;
        r.channel = Channel.VOICE;
        r.direction = Direction.INBOUND;
        r.outcome = ContactOutcome.HANDLED;
        r.callerNumber = "+86 138 0013 8000";
        r.queueId = "general";
        r.agentId = "a-0001";
        r.arrivedAt = endedAt - 300_000;
        r.queuedAt = endedAt - 280_000;
        r.answeredAt = endedAt - 260_000;
        r.endedAt = endedAt;
        r.wrapupEndedAt = endedAt + 40_000;
        r.queueWaitSeconds = 20;
        r.talkSeconds = 250;
        r.acwSeconds = 40;
        r.topic = "bill_query";
        r.transferCount = 0;
        return r;
    }

    public static AgentStateEvent agentState(String id, long at, String agent, AgentState state) {
        AgentStateEvent e = base(new AgentStateEvent(), id, at);
        e.agentId = agent;
        e.state = state;
        e.teamId = "team-1";
        e.siteId = "hefei";
        e.skills = new String[] {"general", "billing"};
        return e;
    }

    public static ComplaintEvent complaintOpened(String id, long at, String complaintId) {
        ComplaintEvent e = base(new ComplaintEvent(), id, at);
        e.complaintId = complaintId;
        e.action = ComplaintAction.OPENED;
        e.category = ComplaintCategory.BILLING_DISPUTE;
        e.severity = Severity.MEDIUM;
        e.deadlinePolicy = "standard-48h";
        e.callerNumber = "13800138000";
        return e;
    }

    public static SurveyResponse survey(String id, long at, String contactId) {
        SurveyResponse s = base(new SurveyResponse(), id, at);
        s.contactId = contactId;
        s.agentId = "a-0001";
        s.csat = 4;
        s.nps = 9;
        s.resolved = true;
        s.comment = "very helpful";
        return s;
    }

    /** The stream an event belongs to. */
    public static Stream streamOf(Event e) {
        return Stream.ofEventClass(e.getClass());
    }
}
