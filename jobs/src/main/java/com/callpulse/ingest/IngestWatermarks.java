package com.callpulse.ingest;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness on the time an origin has reached ({@link OriginClock}): the watermark of a file or
 * Kafka partition is its second-newest event time minus the bound. Like Flink's own bounded-out-of-orderness
 * generator, except that one event with a clock hours ahead does not drag the watermark (and with it every later
 * window) along. Refused records carry no time and are ignored.
 */
public final class IngestWatermarks implements WatermarkGenerator<Ingested> {
    private final long boundMillis;
    private final OriginClock clock = new OriginClock();

    public IngestWatermarks(long boundMillis) {
        this.boundMillis = boundMillis;
    }

    @Override
    public void onEvent(Ingested r, long timestamp, WatermarkOutput output) {
        if (!r.isRefused()) {
            clock.observe(r.eventTime);
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long t = clock.time();
        if (t != Long.MIN_VALUE) {
            output.emitWatermark(new Watermark(t - boundMillis - 1));
        }
    }
}
