package com.callpulse.generator;

import com.callpulse.model.ComplaintCategory;
import com.callpulse.model.DemandCategory;
import com.callpulse.model.SelfServiceChannel;

import java.util.SplittableRandom;

/**
 * A service topic as the hotline classifies it: its sub-topics, what callers usually want (demand mix), where it
 * is routed, how often the IVR alone serves it, how long it takes an agent, and what an agent can recommend or
 * sell on it.
 *
 * @param queue operator queue the topic routes to; profiles map it onto their own queues
 * @param ivrSelfServe share of voice callers on this topic that the IVR serves without an agent
 * @param talkMedianSeconds median agent talk time on voice
 * @param selfService self-service path an agent may recommend, {@link SelfServiceChannel#NONE} when none fits
 * @param newBusinessItems products ordered when the demand is new_business (they become the sub-topic)
 * @param offers products an agent may offer on this topic (service marketing)
 * @param resolveRate share of handled contacts resolved on contact, for demands other than complaint
 */
record Topic(
        String code,
        String[] subTopics,
        Weighted<DemandCategory> demand,
        String queue,
        double ivrSelfServe,
        double talkMedianSeconds,
        SelfServiceChannel selfService,
        String[] newBusinessItems,
        String[] offers,
        ComplaintCategory complaintCategory,
        double resolveRate) {

    String subTopic(SplittableRandom r, DemandCategory d) {
        if (d == DemandCategory.NEW_BUSINESS && newBusinessItems.length > 0) {
            return Dist.pick(r, newBusinessItems);
        }
        return Dist.pick(r, subTopics);
    }

    boolean isTechnical() {
        return queue.endsWith("_tech");
    }
}
