package com.callpulse.metrics.journey;

/**
 * What a caller's journey remembers of one contact (all its legs' records seen so far): enough to tell whether it
 * counts as a repeat, whether it was a self-service use and on which topics an agent handled it. A Flink POJO in
 * state; copied from the records, never a reference to one.
 */
public class SeenContact {
    private static final String[] NONE = new String[0];

    public String contactId;
    /** The earliest arrived_at among its legs: when the contact began. */
    public long start;
    /** Every leg seen so far was inbound. */
    public boolean inbound;
    /** A leg ended self-served in the voice IVR. */
    public boolean selfServedVoice;
    /** A leg ended self-served on a digital channel (app, web chat, WeChat...). */
    public boolean selfServedDigital;
    /** Channel of its self-served leg, if any. */
    public String selfServedChannel;
    /** Topics of its legs. */
    public String[] topics = NONE;
    /** Topics of its legs that an agent handled. */
    public String[] agentTopics = NONE;
    /** Legs for which rows were opened (agent-handled legs), so a re-delivered leg is not counted twice. */
    public int[] rowLegs = new int[0];

    public SeenContact() {}

    /** A contact of the customer's own asking: inbound and not self-served. Only these count as repeats. */
    boolean counts() {
        return inbound && !selfServedVoice && !selfServedDigital;
    }

    boolean hasTopic(String topic) {
        return topic != null && contains(topics, topic);
    }

    boolean agentHandled(String topic) {
        return topic != null && contains(agentTopics, topic);
    }

    static boolean contains(String[] values, String v) {
        for (String x : values) {
            if (x.equals(v)) {
                return true;
            }
        }
        return false;
    }

    static String[] with(String[] values, String v) {
        if (contains(values, v)) {
            return values;
        }
        String[] out = java.util.Arrays.copyOf(values, values.length + 1);
        out[values.length] = v;
        return out;
    }

    /** Orders contacts by start, then id, so look-ups and ties are deterministic. */
    boolean before(long otherStart, String otherId) {
        return start < otherStart || (start == otherStart && contactId.compareTo(otherId) < 0);
    }
}
