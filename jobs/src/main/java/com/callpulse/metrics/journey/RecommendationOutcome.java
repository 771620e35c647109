package com.callpulse.metrics.journey;

import com.callpulse.schema.Code;

/**
 * What came of an agent's self-service recommendation within {@code metrics.self_service_window}, by which came
 * first: the caller's use of the recommended path or their return to an agent on the same topic.
 */
public enum RecommendationOutcome implements Code {
    /** Used the path and did not come back to an agent on the topic. */
    SUCCEEDED,
    /** Used the path, then came back to an agent on the topic all the same. */
    USED_THEN_CALLED_BACK,
    /** Came back to an agent on the topic before using the path (or without ever using it). */
    CALLED_BACK_WITHOUT_USE,
    /** Neither used the path nor came back to an agent on the topic. */
    NOT_USED
}
