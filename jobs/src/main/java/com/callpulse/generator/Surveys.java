package com.callpulse.generator;

import com.callpulse.model.Channel;
import com.callpulse.model.SurveyMethod;
import com.callpulse.model.SurveyResponse;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Post-contact surveys: how they reach the customer, when the answer comes back, and what it says. Scores follow a
 * latent satisfaction driven by resolution, waiting, transfers and the agent; comments follow the scores.
 */
final class Surveys {
    private Surveys() {}

    static SurveyMethod method(Channel channel, SplittableRandom r) {
        switch (channel) {
            case VOICE:
                return Dist.chance(r, 0.55) ? SurveyMethod.IVR : SurveyMethod.SMS;
            case WECHAT:
                return SurveyMethod.WECHAT;
            case APP:
                return SurveyMethod.APP;
            case EMAIL:
                return SurveyMethod.EMAIL;
            case WEBCHAT:
                return Dist.chance(r, 0.6) ? SurveyMethod.SMS : SurveyMethod.APP;
            default:
                return SurveyMethod.SMS;
        }
    }

    /** Delay from the end of the contact to the answer. */
    static long delayMillis(SurveyMethod m, SplittableRandom r) {
        switch (m) {
            case IVR: // the caller stays on the line for the survey
                return Dist.uniformMillis(r, 15, 90);
            case SMS:
                return Dist.millis(Math.min(24 * 3600, Dist.lognormal(r, 20 * 60, 1.0)), 60_000);
            case EMAIL:
                return Dist.millis(Math.min(48 * 3600, Dist.lognormal(r, 5 * 3600, 0.8)), 10 * 60_000);
            default:
                return Dist.millis(Math.min(24 * 3600, Dist.lognormal(r, 12 * 60, 1.0)), 60_000);
        }
    }

    /**
     * Fills scores, the resolved answer and perhaps a comment.
     *
     * @param phones told about any phone number written into the comment
     */
    static void answer(SurveyResponse s, SplittableRandom r, boolean resolved, int waitSeconds, int transfers, boolean complaint,
            double agentQuality, boolean english, Caller caller, TenantProfile p, Consumer<String> phones) {
        double mood = 4.35 + agentQuality - (resolved ? 0 : 1.3) - Math.min(1.2, waitSeconds / 200.0) - 0.35 * transfers - (complaint ? 0.6 : 0)
                + 0.75 * r.nextGaussian();
        int csat = (int) Math.max(1, Math.min(5, Math.round(mood)));
        int nps = (int) Math.max(0, Math.min(10, Math.round(2.2 * mood - 1 + 1.1 * r.nextGaussian())));
        double part = r.nextDouble();
        s.csat = part < 0.05 ? null : csat;
        s.nps = part >= 0.05 && part < 0.13 ? null : nps;
        s.resolved = Dist.chance(r, 0.06) ? null : Dist.chance(r, resolved ? 0.9 : 0.2);
        if (s.csat == null && s.nps == null && s.resolved == null) {
            s.csat = csat;
        }
        if (!Dist.chance(r, csat <= 2 ? 0.32 : 0.16)) {
            return;
        }
        boolean en = english || Dist.chance(r, 0.06);
        if (Dist.chance(r, csat <= 3 ? 0.15 : 0.03)) { // a few leave a number to be called back on
            String number = (Dist.chance(r, 0.7) ? caller : Caller.fresh(r, p, caller.district)).inText(r);
            phones.accept(number);
            String[] templates = Boolean.FALSE.equals(s.resolved) ? (en ? Catalog.COMMENTS_PHONE_UNRESOLVED_EN : Catalog.COMMENTS_PHONE_UNRESOLVED_ZH)
                    : (en ? Catalog.COMMENTS_PHONE_EN : Catalog.COMMENTS_PHONE_ZH);
            s.comment = String.format(Dist.pick(r, templates), number);
            return;
        }
        String[] pool = csat >= 4 ? (en ? Catalog.COMMENTS_GOOD_EN : Catalog.COMMENTS_GOOD_ZH)
                : csat == 3 ? (en ? Catalog.COMMENTS_MIXED_EN : Catalog.COMMENTS_MIXED_ZH) : (en ? Catalog.COMMENTS_BAD_EN : Catalog.COMMENTS_BAD_ZH);
        s.comment = Dist.pick(r, pool);
    }
}
