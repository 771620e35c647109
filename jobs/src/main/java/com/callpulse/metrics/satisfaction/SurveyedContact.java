package com.callpulse.metrics.satisfaction;

/**
 * A survey response with what its contact's records tell about the contact (topic, channel): the input of
 * {@code satisfaction_intervals}. A Flink POJO.
 */
public class SurveyedContact {
    public String tenantId;
    public String contactId;
    /** When the response was given: the interval it counts in. */
    public long answeredAt;
    public String agentId;
    public String queueId;
    public String topic;
    public String channel;
    public String method;
    public Integer csat;
    public Integer nps;
    public Boolean resolved;
    /** Whether a record of the contact was found; without one, topic and channel stay unknown. */
    public boolean contactFound;

    public SurveyedContact() {}
}
