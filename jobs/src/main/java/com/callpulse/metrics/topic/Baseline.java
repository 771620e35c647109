package com.callpulse.metrics.topic;

import com.callpulse.schema.Code;

/** Where a minute's expected rate comes from. */
public enum Baseline implements Code {
    /** The same weekday and 15-minute slot in the past {@code baseline_weeks} weeks (as many as there is history for). */
    SEASONAL,
    /** No such history: an exponentially weighted moving average of the topic's per-minute count. */
    EWMA
}
