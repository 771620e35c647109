package com.callpulse.metrics.live;

import com.callpulse.config.ServiceLevelConfig;
import com.callpulse.model.NotReadyReason;

import java.util.Map;
import java.util.TreeMap;

/** One queue's live state at an instant, gathered from the state for one message (not kept). */
final class QueueStateView {
    static final int LOGGED_IN = 0;
    static final int AVAILABLE = 1;
    static final int ON_CONTACT = 2;
    static final int AFTER_CONTACT_WORK = 3;
    static final int NOT_READY = 4;
    static final int LOGGING_IN = 5;
    static final String[] AGENT_NAMES = {"logged_in", "available", "on_contact", "after_contact_work", "not_ready", "logging_in"};

    String tenantId;
    String queueId;
    long asOf;
    long emittedAt;
    long clockDay;
    /** The previous business day while it is still shown (late events may change it), else {@link QueueWindows#NONE}. */
    long previousDay = QueueWindows.NONE;
    ServiceLevelConfig serviceLevel;
    String breachId;
    long breachSince;
    final int[] agents = new int[AGENT_NAMES.length];
    final int[] notReadyByReason = new int[NotReadyReason.values().length];
    final ChannelView total = new ChannelView();
    final Map<String, ChannelView> channels = new TreeMap<>();

    ChannelView channel(String code) {
        return channels.computeIfAbsent(code, c -> new ChannelView());
    }

    /** The waiting contacts and counters of one channel, or of the whole queue. */
    static final class ChannelView {
        long waiting;
        long oldestQueuedAt = QueueWindows.NONE;
        final long[] trailing15 = new long[QueueWindows.COUNTERS];
        final long[] trailing30 = new long[QueueWindows.COUNTERS];
        final long[] today = new long[QueueWindows.COUNTERS];
        final long[] previousDay = new long[QueueWindows.COUNTERS];

        void waiting(long queuedAt) {
            waiting++;
            if (oldestQueuedAt == QueueWindows.NONE || queuedAt < oldestQueuedAt) {
                oldestQueuedAt = queuedAt;
            }
        }
    }
}
