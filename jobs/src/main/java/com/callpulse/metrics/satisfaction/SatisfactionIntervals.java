package com.callpulse.metrics.satisfaction;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.metrics.IntervalMetric;

/**
 * {@code satisfaction_intervals}: survey responses per tenant, agent, queue, topic and channel, each in the interval
 * in which it was answered (a survey may come two days after its contact; counting it at its contact's end would
 * restate long-final intervals). CSAT is the top-two-box share, NPS promoters minus detractors.
 */
public final class SatisfactionIntervals implements IntervalMetric<SurveyedContact, SatisfactionInterval> {
    private static final long serialVersionUID = 1L;

    @Override
    public String key(SurveyedContact s) {
        return s.tenantId + '|' + s.agentId + '|' + s.queueId + '|' + s.topic + '|' + s.channel;
    }

    @Override
    public String tenant(SurveyedContact s) {
        return s.tenantId;
    }

    @Override
    public SatisfactionInterval newRow(SurveyedContact s, long intervalStart, String businessDate, CallPulseConfig config) {
        SatisfactionInterval row = new SatisfactionInterval();
        row.tenantId = s.tenantId;
        row.agentId = s.agentId;
        row.queueId = s.queueId;
        row.topic = s.topic;
        row.channel = s.channel;
        return row;
    }

    @Override
    public void add(SurveyedContact s, Rows<SatisfactionInterval> rows) {
        SatisfactionInterval row = rows.at(s.answeredAt);
        row.responses++;
        if (!s.contactFound) {
            row.withoutContactRecord++;
        }
        if (s.csat != null) {
            row.csatResponses++;
            row.csatSum += s.csat;
            if (s.csat >= 4) {
                row.csatSatisfied++;
            }
        }
        if (s.nps != null) {
            row.npsResponses++;
            if (s.nps >= 9) {
                row.promoters++;
            } else if (s.nps >= 7) {
                row.passives++;
            } else {
                row.detractors++;
            }
        }
        if (s.resolved != null) {
            row.resolvedResponses++;
            if (s.resolved) {
                row.resolvedYes++;
            }
        }
    }

    @Override
    public Class<SatisfactionInterval> rowClass() {
        return SatisfactionInterval.class;
    }
}
