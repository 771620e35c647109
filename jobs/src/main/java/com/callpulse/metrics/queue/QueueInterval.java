package com.callpulse.metrics.queue;

import com.callpulse.metrics.IntervalRow;
import com.callpulse.metrics.ServiceLevelVariant;
import com.callpulse.schema.Doc;
import com.callpulse.schema.Range;
import com.callpulse.schema.Required;

/**
 * A row of {@code queue_intervals}: what one queue did for one channel in one interval. Counted from contact
 * records (one per leg), each in the interval of the leg's {@code ended_at}. The counters are stored so every
 * service-level variant can be computed again in SQL; the ratios are this queue's configured view of them.
 */
public class QueueInterval extends IntervalRow {
    @Required
    @Doc("Queue.")
    public String queueId;

    @Required
    @Doc("Channel.")
    public String channel;

    @Required
    @Doc("Service-level configuration the row was counted with (tenant/queue@effective_from).")
    public String slConfig;

    @Required
    @Range(min = 1)
    @Doc("Service-level threshold T in seconds.")
    public int thresholdSeconds;

    @Required
    @Range(min = 0)
    @Doc("Short-abandon time Ts in seconds.")
    public int shortAbandonSeconds;

    @Required
    @Doc("Service-level formula of the queue (see docs/metrics.md).")
    public ServiceLevelVariant slVariant;

    @Required
    @Doc("Legs that entered the queue (answered, abandoned, flowed out or turned into a callback).")
    public long offered;

    @Required
    @Doc("Legs answered by an agent.")
    public long answered;

    @Required
    @Doc("Answered with a queue wait <= T.")
    public long answeredWithin;

    @Required
    @Doc("Legs whose caller hung up while waiting.")
    public long abandoned;

    @Required
    @Doc("Abandoned with a queue wait <= T.")
    public long abandonedWithin;

    @Required
    @Doc("Abandoned with a queue wait <= Ts (short abandons).")
    public long shortAbandoned;

    @Required
    @Doc("Legs that left the queue to voicemail or another queue without an answer.")
    public long flowedOut;

    @Required
    @Doc("Legs that left the queue with a callback request.")
    public long callbacks;

    @Required
    @Doc("Transfers made by agents on legs of this queue.")
    public long transfers;

    @Required
    @Doc("Sum of queue waits of answered legs, seconds.")
    public long answeredWaitSeconds;

    @Required
    @Doc("Sum of queue waits of abandoned legs, seconds.")
    public long abandonedWaitSeconds;

    @Required
    @Doc("Longest queue wait of any leg, seconds.")
    public long maxWaitSeconds;

    @Required
    @Doc("Sum of talk time of answered legs, seconds.")
    public long talkSeconds;

    @Required
    @Doc("Sum of hold time of answered legs, seconds.")
    public long holdSeconds;

    @Required
    @Doc("Sum of after-contact work of answered legs, seconds.")
    public long acwSeconds;

    @Doc("Service level by the queue's variant, 0..1; absent when nothing counts.")
    public Double serviceLevel;

    @Doc("Average speed of answer: answered_wait_seconds / answered.")
    public Double asaSeconds;

    @Doc("Average handle time: (talk + hold + acw) / answered.")
    public Double ahtSeconds;

    @Doc("Abandonment rate: abandoned / offered.")
    public Double abandonmentRate;

    @Override
    public void complete() {
        serviceLevel = slVariant.compute(offered, answeredWithin, abandonedWithin, shortAbandoned);
        asaSeconds = answered == 0 ? null : (double) answeredWaitSeconds / answered;
        ahtSeconds = answered == 0 ? null : (double) (talkSeconds + holdSeconds + acwSeconds) / answered;
        abandonmentRate = offered == 0 ? null : (double) abandoned / offered;
    }
}
