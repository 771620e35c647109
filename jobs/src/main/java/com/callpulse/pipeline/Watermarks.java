package com.callpulse.pipeline;

import com.callpulse.config.IngestConfig;
import com.callpulse.ingest.Ingested;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;


/** The one watermark strategy of ingestion, applied inside every source. */
public final class Watermarks {
    private Watermarks() {}

    /**
     * Bounded out-of-orderness on occurred_at. Refused records carry no usable time ({@link Long#MIN_VALUE}) and so
     * never move the watermark.
     *
     * @param idleness whether silent splits stop holding the watermark back: yes for live Kafka partitions, no
     *     for file replay, where a reader paused by alignment must not be mistaken for an idle one
     */
    public static WatermarkStrategy<Ingested> forIngest(IngestConfig config, boolean idleness) {
        WatermarkStrategy<Ingested> s = WatermarkStrategy.<Ingested>forBoundedOutOfOrderness(config.maxOutOfOrderness())
                .withTimestampAssigner((r, previous) -> r.eventTime);
        if (idleness) {
            s = s.withIdleness(config.idleness());
        }
        // No watermark alignment: Flink 2.2.1 fails a restarted job whose aligned source had already finished
        // (FinishedOperatorChain.dispatchOperatorEvent throws on the coordinator's alignment event). Without it a
        // stream with fewer events can run ahead in a replay; the watermark stays the slowest stream's, which is
        // correct, and only the de-duplication state holds the faster streams' ids a little longer.
        return s;
    }
}
