package com.callpulse.generator;

import com.callpulse.model.Channel;
import com.callpulse.model.CustomerSegment;
import com.callpulse.model.DemandCategory;

import java.util.SplittableRandom;

/**
 * What a contact will want and how long its parts take. Used by the simulation, and before it by the workforce
 * forecast (on its own random stream), so staffing is planned from the same behaviour the day then shows.
 */
final class ContactPlanner {
    private static final double IVR_ABANDON = 0.03;
    private static final double MISRECOGNIZED = 0.07;
    private static final double VOICE_PATIENCE_MEAN = 90;
    private static final double DIGITAL_PATIENCE_MEAN = 480;

    private ContactPlanner() {}

    /**
     * Fixes topic, demand, route, queues and patience.
     *
     * @param forcedTopic the topic of a repeat or surge caller, or null
     * @param forceSelfServe the caller comes to use the self-service path an agent recommended
     */
    static void plan(Contact c, TenantProfile p, SplittableRandom r, Topic forcedTopic, boolean forceSelfServe) {
        boolean voice = c.isVoice();
        c.topic = forcedTopic != null ? forcedTopic : (voice ? p.voiceTopics : p.digitalTopics).pick(r);
        c.demand = c.topic.demand().pick(r);
        c.subTopic = c.topic.subTopic(r, c.demand);
        boolean complaint = c.demand == DemandCategory.COMPLAINT;
        if (!c.isInbound()) {
            c.route = Contact.Route.AGENT;
        } else if (voice) {
            if (forceSelfServe) {
                c.route = Contact.Route.IVR_SELF_SERVE;
            } else if (Dist.chance(r, IVR_ABANDON)) {
                c.route = Contact.Route.IVR_ABANDON;
            } else if (!complaint && Dist.chance(r, c.topic.ivrSelfServe())) {
                c.route = Contact.Route.IVR_SELF_SERVE;
            } else {
                c.route = Contact.Route.AGENT;
            }
        } else {
            boolean bot = !complaint && Dist.chance(r, p.digitalSelfServe.getOrDefault(c.channel, 0.0));
            c.route = forceSelfServe || bot ? Contact.Route.DIGITAL_SELF_SERVE : Contact.Route.AGENT;
        }
        boolean misheard = c.isInbound() && Dist.chance(r, voice ? MISRECOGNIZED : MISRECOGNIZED / 2);
        c.recognizedTopic = misheard ? "other" : c.topic.code();
        CustomerSegment segment = c.caller.segment;
        c.firstQueue = p.queueFor(Catalog.topic(c.recognizedTopic), segment, c.channel);
        String ideal = p.queueFor(c.topic, segment, c.channel);
        c.transferTarget = null;
        if (voice && c.route == Contact.Route.AGENT && c.isInbound()) {
            if (!ideal.equals(c.firstQueue)) {
                c.transferTarget = Dist.chance(r, 0.75) ? ideal : null;
            } else if (complaint && p.hasQueue("complaints") && !c.firstQueue.equals("complaints")) {
                c.transferTarget = Dist.chance(r, 0.25) ? "complaints" : null;
            } else if (Dist.chance(r, 0.035)) {
                String sibling = p.mapQueue(sibling(c.firstQueue));
                c.transferTarget = sibling.equals(c.firstQueue) ? null : sibling;
            }
        }
        boolean premium = segment == CustomerSegment.GOLD || segment == CustomerSegment.PLATINUM || segment == CustomerSegment.ENTERPRISE;
        if (!c.isInbound() || c.channel == Channel.EMAIL) {
            c.patienceSeconds = Double.POSITIVE_INFINITY;
        } else if (voice) {
            // most callers give up within a couple of minutes; a stubborn few hold on until the queue's limit
            double patience = Dist.chance(r, 0.15) ? Dist.lognormal(r, 400, 0.5) : Dist.exponential(r, VOICE_PATIENCE_MEAN);
            c.patienceSeconds = patience * (premium ? 1.4 : 1.0);
        } else {
            c.patienceSeconds = Dist.exponential(r, DIGITAL_PATIENCE_MEAN);
        }
        c.acceptsCallback = voice && Dist.chance(r, c.surge ? 0.45 : 0.30);
    }

    private static String sibling(String queue) {
        switch (queue) {
            case "general":
                return "billing";
            case "billing":
            case "vip":
            case "broadband_tech":
                return "general";
            case "mobile_tech":
                return "broadband_tech";
            case "english":
                return "roaming_tech";
            default:
                return "english";
        }
    }

    /** Agent talk (or chat) time of one leg, holds excluded. */
    static long talkMillis(Contact c, SplittableRandom r, boolean endsInTransfer, double pace, boolean premiumQueue) {
        double median = c.topic.talkMedianSeconds();
        if (c.channel == Channel.EMAIL) {
            median *= 1.3;
        } else if (!c.isVoice()) {
            median *= 1.9; // typing is slower than talking
        }
        if (premiumQueue) {
            median *= 1.15;
        }
        if (endsInTransfer) {
            median *= 0.45;
        } else if (c.leg > 1) {
            median *= 0.85;
        }
        if (!c.isInbound()) {
            median *= 0.8;
        }
        return Dist.millis(Dist.lognormal(r, median * pace, 0.55), 12_000);
    }

    /** Durations of the holds during one voice leg (empty for most). */
    static long[] holds(Contact c, SplittableRandom r) {
        if (!c.isVoice() || !Dist.chance(r, c.topic.isTechnical() ? 0.33 : 0.18)) {
            return new long[0];
        }
        double x = r.nextDouble();
        long[] h = new long[x < 0.75 ? 1 : x < 0.95 ? 2 : 3];
        for (int i = 0; i < h.length; i++) {
            h[i] = Dist.millis(Dist.lognormal(r, 35, 0.6), 5_000);
        }
        return h;
    }

    static long acwMillis(Contact c, SplittableRandom r, boolean transferred) {
        double median = 40;
        if (c.demand == DemandCategory.COMPLAINT) {
            median *= 2; // the complaint ticket is written during wrap-up
        }
        if (!c.isVoice()) {
            median *= 0.7;
        }
        if (transferred) {
            median *= 0.6;
        }
        return Dist.millis(Dist.lognormal(r, median, 0.45), 5_000);
    }

    /** From offer to answer: ringing, or an agent picking up a chat. */
    static long ringMillis(Contact c, SplittableRandom r) {
        return c.isVoice() ? Dist.uniformMillis(r, 1.5, 6) : Dist.uniformMillis(r, 2, 15);
    }
}
