package com.callpulse.lake;

import com.callpulse.model.Partitioned;
import com.callpulse.time.BusinessCalendar;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Hive-style partitions {@code tenant=<id>/date=<yyyy-MM-dd>}, the date being the business date in the tenant's
 * time zone. Rows of no known tenant (only in quarantine) go to {@code tenant=_unknown} with UTC dates; rows with
 * no time at all (a first line that is not JSON) to the date they were processed.
 */
public final class TenantDateBucketAssigner<T extends Partitioned> implements BucketAssigner<T, String> {
    private static final long serialVersionUID = 1L;
    public static final String UNKNOWN_TENANT = "_unknown";

    private final Map<String, ZoneId> zones;
    private transient Map<String, Partitions> byTenant;
    private transient Partitions unknown;

    public TenantDateBucketAssigner(Map<String, ZoneId> zones) {
        this.zones = Map.copyOf(zones);
    }

    @Override
    public String getBucketId(T row, Context context) {
        if (byTenant == null) {
            byTenant = new HashMap<>();
            zones.forEach((t, z) -> byTenant.put(t, new Partitions(t, z)));
            unknown = new Partitions(UNKNOWN_TENANT, ZoneOffset.UTC);
        }
        String tenant = row.partitionTenant();
        Partitions p = tenant == null ? unknown : byTenant.getOrDefault(tenant, unknown);
        long t = row.partitionTime();
        return p.bucket(t == Long.MIN_VALUE ? context.currentProcessingTime() : t);
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }

    /** One tenant's bucket ids, the current day's cached so the usual lookup allocates nothing. */
    private static final class Partitions {
        private final String prefix;
        private final BusinessCalendar calendar;
        private String lastDate;
        private String lastBucket;

        Partitions(String tenant, ZoneId zone) {
            this.prefix = "tenant=" + tenant + "/date=";
            this.calendar = new BusinessCalendar(zone);
        }

        String bucket(long epochMillis) {
            String date = calendar.date(epochMillis);
            if (date != lastDate) {
                lastDate = date;
                lastBucket = prefix + date;
            }
            return lastBucket;
        }
    }
}
