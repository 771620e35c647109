package com.callpulse.metrics.journey;

import com.callpulse.model.ContactRecord;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

import java.util.HashMap;
import java.util.Map;

/**
 * Reports how far each tenant's contact records have come ({@link TenantProgress}): the newest occurred_at seen, sent
 * just before each watermark it forwards and only when it moved, so downstream it is never behind the watermark that
 * follows it and costs a few messages a second. Chained behind the contact records; holds no state worth saving
 * (after a restore the journey operator still has the last values, and they only grow).
 */
public class TenantProgressOperator extends AbstractStreamOperator<TenantProgress> implements OneInputStreamOperator<ContactRecord, TenantProgress> {
    private static final long serialVersionUID = 1L;

    /** Per tenant: {newest seen, last sent}. */
    private transient Map<String, long[]> tenants;

    @Override
    public void open() throws Exception {
        super.open();
        tenants = new HashMap<>();
    }

    @Override
    public void processElement(StreamRecord<ContactRecord> element) {
        ContactRecord r = element.getValue();
        long[] t = tenants.get(r.tenantId);
        if (t == null) {
            t = new long[] {Long.MIN_VALUE, Long.MIN_VALUE};
            tenants.put(r.tenantId, t);
        }
        t[0] = Math.max(t[0], r.occurredAt);
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        for (Map.Entry<String, long[]> e : tenants.entrySet()) {
            long[] t = e.getValue();
            if (t[0] > t[1]) {
                output.collect(new StreamRecord<>(new TenantProgress(e.getKey(), t[0])));
                t[1] = t[0];
            }
        }
        super.processWatermark(mark);
    }
}
