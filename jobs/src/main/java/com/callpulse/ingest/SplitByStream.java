package com.callpulse.ingest;

import com.callpulse.model.AgentStateEvent;
import com.callpulse.model.ComplaintEvent;
import com.callpulse.model.ContactEvent;
import com.callpulse.model.ContactRecord;
import com.callpulse.model.Event;
import com.callpulse.model.Stream;
import com.callpulse.model.SurveyResponse;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.util.EnumMap;
import java.util.Map;

/** Unwraps accepted records into one typed stream per input stream (side outputs; the main output stays empty). */
public class SplitByStream extends ProcessFunction<Ingested, Ingested> {
    private static final long serialVersionUID = 1L;

    private static final Map<Stream, OutputTag<? extends Event>> TAGS = new EnumMap<>(Stream.class);

    static {
        TAGS.put(Stream.CONTACT_EVENTS, new OutputTag<>("contact_events", TypeInformation.of(ContactEvent.class)));
        TAGS.put(Stream.CONTACT_RECORDS, new OutputTag<>("contact_records", TypeInformation.of(ContactRecord.class)));
        TAGS.put(Stream.AGENT_STATE_EVENTS, new OutputTag<>("agent_state_events", TypeInformation.of(AgentStateEvent.class)));
        TAGS.put(Stream.COMPLAINT_EVENTS, new OutputTag<>("complaint_events", TypeInformation.of(ComplaintEvent.class)));
        TAGS.put(Stream.SURVEY_RESPONSES, new OutputTag<>("survey_responses", TypeInformation.of(SurveyResponse.class)));
    }

    @SuppressWarnings("unchecked")
    public static <E extends Event> OutputTag<E> tag(Stream s) {
        return (OutputTag<E>) TAGS.get(s);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processElement(Ingested r, Context ctx, Collector<Ingested> out) {
        ctx.output((OutputTag<Event>) TAGS.get(r.stream), r.event());
    }
}
