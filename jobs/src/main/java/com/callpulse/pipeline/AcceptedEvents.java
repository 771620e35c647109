package com.callpulse.pipeline;

import com.callpulse.ingest.Ingested;
import com.callpulse.ingest.SplitByStream;
import com.callpulse.model.AgentStateEvent;
import com.callpulse.model.ComplaintEvent;
import com.callpulse.model.ContactEvent;
import com.callpulse.model.ContactRecord;
import com.callpulse.model.Event;
import com.callpulse.model.Stream;
import com.callpulse.model.SurveyResponse;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** The accepted events of each input stream (valid, de-duplicated, pseudonymized): what the metrics count. */
public final class AcceptedEvents {
    private final SingleOutputStreamOperator<Ingested> split;

    AcceptedEvents(SingleOutputStreamOperator<Ingested> split) {
        this.split = split;
    }

    public <E extends Event> DataStream<E> of(Stream s) {
        return split.getSideOutput(SplitByStream.tag(s));
    }

    public DataStream<ContactEvent> contactEvents() {
        return of(Stream.CONTACT_EVENTS);
    }

    public DataStream<ContactRecord> contactRecords() {
        return of(Stream.CONTACT_RECORDS);
    }

    public DataStream<AgentStateEvent> agentStates() {
        return of(Stream.AGENT_STATE_EVENTS);
    }

    public DataStream<ComplaintEvent> complaints() {
        return of(Stream.COMPLAINT_EVENTS);
    }

    public DataStream<SurveyResponse> surveys() {
        return of(Stream.SURVEY_RESPONSES);
    }
}
