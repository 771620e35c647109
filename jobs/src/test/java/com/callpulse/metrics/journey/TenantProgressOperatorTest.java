package com.callpulse.metrics.journey;

import com.callpulse.model.ContactRecord;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.callpulse.metrics.journey.JourneyCase.HOUR;
import static com.callpulse.metrics.journey.JourneyCase.abandoned;
import static com.callpulse.metrics.journey.JourneyCase.at;
import static org.assertj.core.api.Assertions.assertThat;

/** Each tenant's progress goes out before the watermark that follows it, once per change. */
class TenantProgressOperatorTest {
    private OneInputStreamOperatorTestHarness<ContactRecord, TenantProgress> h;

    @BeforeEach
    void open() throws Exception {
        h = new OneInputStreamOperatorTestHarness<>(new TenantProgressOperator());
        h.open();
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private void record(String tenant, long occurredAt) throws Exception {
        ContactRecord r = abandoned("c-" + occurredAt, occurredAt - 120_000);
        r.tenantId = tenant;
        r.occurredAt = occurredAt;
        h.processElement(r, occurredAt);
    }

    /** The output as text: "tenant@time" for progress, "W time" for watermarks. */
    private List<String> output() {
        List<String> out = new ArrayList<>();
        for (Object o : h.getOutput()) {
            if (o instanceof Watermark w) {
                out.add("W " + w.getTimestamp());
            } else {
                TenantProgress p = (TenantProgress) ((StreamRecord<?>) o).getValue();
                out.add(p.tenantId + "@" + p.through);
            }
        }
        return out;
    }

    @Test
    void eachTenantsNewestRecordGoesOutBeforeTheNextWatermarkAndOnlyWhenItMoved() throws Exception {
        long t = at(0);
        record("cmcc-ah", t + HOUR);
        record("roam-eu", t);
        record("cmcc-ah", t + 10);
        h.processWatermark(new Watermark(t));
        record("cmcc-ah", t + 5); // older: cmcc-ah has not moved
        record("roam-eu", t + 2 * HOUR);
        h.processWatermark(new Watermark(t + HOUR));
        h.processWatermark(new Watermark(Long.MAX_VALUE));
        List<String> out = output();
        assertThat(out.subList(0, 2)).containsExactlyInAnyOrder("cmcc-ah@" + (t + HOUR), "roam-eu@" + t);
        assertThat(out.subList(2, out.size()))
                .containsExactly("W " + t, "roam-eu@" + (t + 2 * HOUR), "W " + (t + HOUR), "W " + Long.MAX_VALUE);
    }
}
