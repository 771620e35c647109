package com.callpulse.lake;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.config.TenantConfig;
import com.callpulse.model.Event;
import com.callpulse.model.Partitioned;
import com.callpulse.model.Stream;
import com.callpulse.reconcile.RunSummary;
import com.callpulse.reconcile.RunSummaryOperator;
import com.callpulse.reconcile.TallyDelta;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Parquet lake: one directory per table under the lake root, Hive-partitioned by tenant and business date,
 * written exactly-once by Flink's FileSink (files are committed when a checkpoint completes; readers glob
 * {@code *.parquet}, which never matches an uncommitted in-progress file). Part file names carry a random id per
 * writer, so runs append to the same lake without clashing.
 */
public class ParquetLake implements LakeSinks {
    public static final String QUARANTINE = "quarantine";

    private final String root;
    private final CallPulseConfig config;
    private final String runId;
    private final String sourceDescription;
    private final Instant startedAt;

    public ParquetLake(String root, CallPulseConfig config, String runId, String sourceDescription, Instant startedAt) {
        this.root = root;
        this.config = config;
        this.runId = runId;
        this.sourceDescription = sourceDescription;
        this.startedAt = startedAt;
    }

    /** Where the summary of a run lives. */
    public static String summaryPath(String lakeRoot, String runId) {
        return new Path(new Path(lakeRoot, RunSummary.RUNS_DIR), runId + ".json").toString();
    }

    @Override
    public <T extends Partitioned> void table(String name, Class<T> rowClass, DataStream<T> rows) {
        rows.sinkTo(fileSink(name, rowClass)).name("lake table " + name).uid("lake-" + name);
    }

    @Override
    public void runSummary(DataStream<TallyDelta> deltas) {
        deltas.transform("run summary", Types.VOID, new RunSummaryOperator(summaryPath(root, runId), runId, sourceDescription, startedAt))
                .uid("run-summary")
                .setParallelism(1)
                .setMaxParallelism(1)
                .sinkTo(new DiscardingSink<>())
                .name("run summary (written on checkpoints)")
                .setParallelism(1);
    }

    private <T extends Partitioned> FileSink<T> fileSink(String table, Class<T> type) {
        return FileSink.forBulkFormat(new Path(root, table), PojoParquet.writerFactory(type, config.lake().compression()))
                .withBucketAssigner(new TenantDateBucketAssigner<T>(zones()))
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".parquet").build())
                .build();
    }

    private Map<String, ZoneId> zones() {
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        for (TenantConfig t : config.tenants()) {
            zones.put(t.id(), t.timeZone());
        }
        return zones;
    }
}
