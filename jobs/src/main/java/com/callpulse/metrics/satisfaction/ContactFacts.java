package com.callpulse.metrics.satisfaction;

/** What the survey join keeps of a contact's records: the little a survey needs, and until when to keep it. */
public class ContactFacts {
    /** Topic of the lowest leg that has one (the legs arrive in any order; the answer must not depend on it). */
    public String topic;
    public int topicLeg;
    public String channel;
    /** Queue of the highest leg that has one: where the contact was last served. */
    public String queueId;
    public int queueLeg;
    public long expiresAt;

    public ContactFacts() {}
}
