package com.callpulse.pipeline;

import com.callpulse.config.IngestConfig;
import com.callpulse.ingest.IngestWatermarks;
import com.callpulse.ingest.Ingested;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/** The one watermark strategy of ingestion, applied inside every source, per split. */
public final class Watermarks {
    private Watermarks() {}

    /**
     * Bounded out-of-orderness ({@code ingest.max_out_of_orderness}) on occurred_at, per file or partition, robust to
     * a single event from a clock far ahead ({@link IngestWatermarks}). Refused records get no timestamp and never
     * move the watermark.
     *
     * @param idleness whether silent splits stop holding the watermark back: yes for live Kafka partitions, no for
     *     replays, whose splits end by themselves
     */
    public static WatermarkStrategy<Ingested> forIngest(IngestConfig config, boolean idleness) {
        long bound = config.maxOutOfOrderness().toMillis();
        WatermarkStrategy<Ingested> s = WatermarkStrategy.<Ingested>forGenerator(ctx -> new IngestWatermarks(bound))
                .withTimestampAssigner((r, previous) -> r.isRefused() ? Long.MIN_VALUE : r.eventTime);
        // No watermark alignment: Flink 2.2.1 fails a restarted job whose aligned source had already finished
        // (FinishedOperatorChain.dispatchOperatorEvent throws on the coordinator's alignment event). Without it a
        // stream with fewer events can run ahead in a replay; the watermark stays the slowest stream's, which is
        // correct, and only the de-duplication state holds the faster streams' ids a little longer.
        return idleness ? s.withIdleness(config.idleness()) : s;
    }
}
