package com.callpulse.generator;

import com.callpulse.model.Stream;

/** Receives every emitted line, in emission order, with what ingestion must do with it. */
@FunctionalInterface
public interface LineSink {
    /**
     * @param emitAtEpochMillis when the line is delivered (occurred_at plus the delivery delay)
     * @param partitionKey the entity the line belongs to (contact, agent or complaint id): its Kafka key
     */
    void accept(Stream stream, long emitAtEpochMillis, String partitionKey, String line, Expectation expectation);

    /** Called once after the last line. */
    default void close() {}
}
