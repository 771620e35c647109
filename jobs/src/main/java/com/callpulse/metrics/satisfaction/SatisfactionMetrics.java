package com.callpulse.metrics.satisfaction;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.lake.LakeSinks;
import com.callpulse.metrics.MetricsPipeline;
import com.callpulse.model.ContactRecord;
import com.callpulse.model.SurveyResponse;
import com.callpulse.pipeline.AcceptedEvents;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Satisfaction: survey responses joined to their contacts, into {@code satisfaction_intervals}. */
public final class SatisfactionMetrics {
    private SatisfactionMetrics() {}

    public static void build(CallPulseConfig config, AcceptedEvents events, LakeSinks lake) {
        DataStream<ContactRecord> records = events.contactRecords();
        DataStream<SurveyResponse> surveys = events.surveys();
        DataStream<SurveyedContact> surveyed = records
                .connect(surveys)
                .keyBy(r -> SurveyContactJoin.contactKey(r.tenantId, r.contactId), s -> SurveyContactJoin.contactKey(s.tenantId, s.contactId))
                .process(new SurveyContactJoin(config.metrics().surveyWindow().toMillis(), config.metrics().restatementHorizon().toMillis()))
                .returns(TypeInformation.of(SurveyedContact.class))
                .name("surveys joined to contacts")
                .uid("survey-contact-join");
        MetricsPipeline.intervals("satisfaction_intervals", surveyed, new SatisfactionIntervals(), config, lake);
    }
}
