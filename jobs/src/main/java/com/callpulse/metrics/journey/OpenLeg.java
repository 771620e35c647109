package com.callpulse.metrics.journey;

/**
 * An agent-handled leg whose rows are not all written yet: its dimensions (copied from the record) and which of its
 * rows are done. A Flink POJO in state.
 */
public class OpenLeg {
    public String contactId;
    public int leg;
    /** When its contact began (the earliest arrived_at of the contact's legs seen so far). */
    public long contactStart;
    public long endedAt;
    public String agentId;
    public String teamId;
    public String queueId;
    public String topic;
    public String channel;
    public String direction;
    /** The self-service path recommended on the leg, or null when none. */
    public String recommended;
    /** Bit i set: the contact_repeats row of repeat window i is written. */
    public int windowsWritten;
    /** The self_service_outcomes row is written (or there is none to write). */
    public boolean selfServiceWritten;
    /** Event time at which one of its rows may next be decided. */
    public long checkAt;

    public OpenLeg() {}

    boolean done(int windows) {
        return selfServiceWritten && windowsWritten == (1 << windows) - 1;
    }
}
