package com.callpulse.metrics.topic;

import com.callpulse.model.ContactEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts each contact once per IVR-recognized topic (see {@link ContactTopics}), from the contact's arrived, ivr_left,
 * queued and ended events, keyed by tenant and contact. Emits {@link TopicContact} counts (and their corrections when
 * late events change them); keeps a contact until no accepted event of it can arrive any more.
 */
public class ContactTopicFunction extends KeyedProcessFunction<String, ContactEvent, TopicContact> {
    private static final long serialVersionUID = 1L;
    /** A contact whose ended event never arrives (quarantined, or still open at the end of a replay) is forgotten this long after its latest event. */
    static final long FALLBACK_MILLIS = 24 * 3_600_000L;

    private final long latenessMillis;
    private transient ValueState<ContactTopics> state;
    private transient Collector<TopicContact> out;

    /** @param latenessMillis how far behind the watermark an accepted event can be (ingest bound + allowed lateness) */
    public ContactTopicFunction(long latenessMillis) {
        this.latenessMillis = latenessMillis;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("contact topics", TypeInformation.of(ContactTopics.class)));
    }

    @Override
    public void processElement(ContactEvent e, Context ctx, Collector<TopicContact> collector) throws Exception {
        ContactTopics c = state.value();
        if (c == null) {
            c = new ContactTopics();
        }
        long due = c.observe(e);
        long watermark = ctx.timerService().currentWatermark();
        if (due != Long.MIN_VALUE && due > watermark) {
            ctx.timerService().registerEventTimeTimer(due);
        }
        out = collector;
        c.reconcile(watermark, this::emit);
        long cleanup = c.cleanupTime(latenessMillis, FALLBACK_MILLIS);
        if (cleanup != c.cleanupAt) {
            if (c.cleanupAt != Long.MIN_VALUE) {
                ctx.timerService().deleteEventTimeTimer(c.cleanupAt);
            }
            c.cleanupAt = cleanup;
            ctx.timerService().registerEventTimeTimer(cleanup);
        }
        state.update(c);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<TopicContact> collector) throws Exception {
        ContactTopics c = state.value();
        if (c == null) {
            return;
        }
        out = collector;
        c.reconcile(ctx.timerService().currentWatermark(), this::emit);
        if (timestamp >= c.cleanupAt) {
            state.clear();
        } else {
            state.update(c);
        }
    }

    private void emit(TopicContact t) {
        out.collect(t);
    }
}
