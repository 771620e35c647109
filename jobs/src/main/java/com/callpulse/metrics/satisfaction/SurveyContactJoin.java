package com.callpulse.metrics.satisfaction;

import com.callpulse.model.ContactRecord;
import com.callpulse.model.SurveyResponse;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins each survey response to its contact's records, keyed by tenant and contact id, in event time.
 *
 * <ul>
 *   <li>A record keeps the contact's facts for {@code contactRetention} after the contact ended (surveys by e-mail
 *       come up to two days later); a survey arriving meanwhile is joined at once.</li>
 *   <li>A survey whose record has not arrived (an IVR survey is answered before the agent finishes wrap-up, and
 *       the record comes after) waits for it up to {@code surveyWait} of event time; then it counts without topic
 *       and channel ({@code contact_found = false}) rather than never. The wait is the restatement horizon, so
 *       a survey that waited still reaches its interval, as a restatement if the interval was already final.</li>
 * </ul>
 * State per contact: its facts (until they expire) and the surveys waiting for them; both cleared by timers.
 */
public class SurveyContactJoin extends KeyedCoProcessFunction<String, ContactRecord, SurveyResponse, SurveyedContact> {
    private static final long serialVersionUID = 1L;

    private final long contactRetentionMillis;
    private final long surveyWaitMillis;
    private transient ValueState<ContactFacts> facts;
    private transient MapState<String, SurveyedContact> waiting;
    private transient Counter withoutContact;

    public SurveyContactJoin(long contactRetentionMillis, long surveyWaitMillis) {
        this.contactRetentionMillis = contactRetentionMillis;
        this.surveyWaitMillis = surveyWaitMillis;
    }

    /** The contact key both inputs are keyed by. */
    public static String contactKey(String tenantId, String contactId) {
        return tenantId + '|' + contactId;
    }

    @Override
    public void open(OpenContext openContext) {
        facts = getRuntimeContext().getState(new ValueStateDescriptor<>("contact facts", TypeInformation.of(ContactFacts.class)));
        waiting = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("surveys waiting for their contact", Types.STRING, TypeInformation.of(SurveyedContact.class)));
        withoutContact = getRuntimeContext().getMetricGroup().counter("surveysWithoutContactRecord");
    }

    @Override
    public void processElement1(ContactRecord r, Context ctx, Collector<SurveyedContact> out) throws Exception {
        ContactFacts f = facts.value();
        if (f == null) {
            f = new ContactFacts();
        }
        if (r.topic != null && (f.topic == null || r.leg < f.topicLeg)) {
            f.topic = r.topic;
            f.topicLeg = r.leg;
        }
        if (r.queueId != null && (f.queueId == null || r.leg > f.queueLeg)) {
            f.queueId = r.queueId;
            f.queueLeg = r.leg;
        }
        f.channel = r.channel.code();
        long expires = (r.wrapupEndedAt != null ? r.wrapupEndedAt : r.endedAt) + contactRetentionMillis;
        if (expires > f.expiresAt) {
            f.expiresAt = expires;
            ctx.timerService().registerEventTimeTimer(expires);
        }
        facts.update(f);
        if (!waiting.isEmpty()) {
            for (SurveyedContact s : waiting.values()) {
                out.collect(join(s, f));
            }
            waiting.clear();
        }
    }

    @Override
    public void processElement2(SurveyResponse s, Context ctx, Collector<SurveyedContact> out) throws Exception {
        SurveyedContact c = new SurveyedContact();
        c.tenantId = s.tenantId;
        c.contactId = s.contactId;
        c.answeredAt = s.occurredAt;
        c.agentId = s.agentId;
        c.queueId = s.queueId;
        c.method = s.method == null ? null : s.method.code();
        c.csat = s.csat;
        c.nps = s.nps;
        c.resolved = s.resolved;
        ContactFacts f = facts.value();
        if (f != null) {
            out.collect(join(c, f));
            return;
        }
        waiting.put(s.eventId, c);
        ctx.timerService().registerEventTimeTimer(s.occurredAt + surveyWaitMillis);
    }

    private static SurveyedContact join(SurveyedContact s, ContactFacts f) {
        s.contactFound = true;
        s.topic = f.topic;
        s.channel = f.channel;
        if (s.queueId == null) {
            s.queueId = f.queueId;
        }
        return s;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SurveyedContact> out) throws Exception {
        List<String> due = new ArrayList<>();
        for (java.util.Map.Entry<String, SurveyedContact> e : waiting.entries()) {
            if (e.getValue().answeredAt + surveyWaitMillis <= timestamp) {
                due.add(e.getKey());
            }
        }
        for (String id : due) {
            withoutContact.inc();
            out.collect(waiting.get(id));
            waiting.remove(id);
        }
        ContactFacts f = facts.value();
        if (f != null && f.expiresAt <= timestamp) {
            facts.clear();
        }
    }
}
