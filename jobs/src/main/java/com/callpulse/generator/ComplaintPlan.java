package com.callpulse.generator;

import com.callpulse.model.ComplaintAction;
import com.callpulse.model.ComplaintCategory;
import com.callpulse.model.Severity;

import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The life of one complaint ticket, planned when it is opened: assignment, contact with the customer, resolution
 * (hours to days later, back-office steps only in office hours), confirmation or reopening, closing; escalations
 * when the resolution deadline of its policy passes first.
 */
final class ComplaintPlan {
    record Step(long at, ComplaintAction action, String assignedTo, int level) {}

    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;

    final Severity severity;
    final String policy;
    final List<Step> steps;

    private ComplaintPlan(Severity severity, String policy, List<Step> steps) {
        this.severity = severity;
        this.policy = policy;
        this.steps = steps;
    }

    static ComplaintPlan plan(SplittableRandom r, long openedAt, ZoneRules zone, ComplaintCategory category, String team, String supervisor) {
        Severity severity = severity(r, category);
        String policy;
        int deadlineHours;
        double medianHours;
        if (severity == Severity.HIGH || severity == Severity.CRITICAL) {
            policy = "urgent-24h";
            deadlineHours = 24;
            medianHours = 14;
        } else if (Dist.chance(r, 0.10)) {
            policy = "regulator-5d"; // referred by the regulator's appeal channel
            deadlineHours = 120;
            medianHours = 60;
        } else {
            policy = "standard-48h";
            deadlineHours = 48;
            medianHours = 26;
        }
        List<Step> s = new ArrayList<>();
        s.add(new Step(openedAt, ComplaintAction.OPENED, null, 0));
        long t = office(openedAt + Dist.millis(Dist.lognormal(r, 20 * 60, 0.7), 2 * MINUTE), zone, r);
        s.add(new Step(t, ComplaintAction.ASSIGNED, team, 0));
        t = office(t + Dist.millis(Dist.lognormal(r, 2 * 3600, 0.8), 10 * MINUTE), zone, r);
        s.add(new Step(t, ComplaintAction.CUSTOMER_CONTACTED, team, 0));
        if (Dist.chance(r, 0.25)) {
            t += Dist.uniformMillis(r, 120, 600);
            s.add(new Step(t, ComplaintAction.AWAITING_CUSTOMER, team, 0));
            t += Dist.millis(Math.min(Dist.lognormal(r, 8 * 3600, 0.9), 36 * 3600), 20 * MINUTE);
            s.add(new Step(t, ComplaintAction.CUSTOMER_RESPONDED, team, 0));
        }
        // lognormal tails would keep a few tickets open for weeks; past a day or two over the deadline they are escalated and forced through
        long target = openedAt + Dist.millis(Math.min(Dist.lognormal(r, medianHours * 3600, 0.55), (deadlineHours + 36) * 3600.0), HOUR);
        long resolved = office(Math.max(t + 20 * MINUTE, target), zone, r);
        s.add(new Step(resolved, ComplaintAction.RESOLVED, team, 0));
        long deadline = openedAt + deadlineHours * HOUR;
        if (resolved > deadline) {
            s.add(new Step(deadline, ComplaintAction.ESCALATED, supervisor, 1));
            if (resolved > deadline + 24 * HOUR) {
                s.add(new Step(deadline + 24 * HOUR, ComplaintAction.ESCALATED, "complaints-manager", 2));
            }
        }
        double x = r.nextDouble();
        if (x < 0.72) {
            t = resolved + Dist.millis(Dist.lognormal(r, 3 * 3600, 0.8), 10 * MINUTE);
            s.add(new Step(t, ComplaintAction.CONFIRMED, team, 0));
            s.add(new Step(t + Dist.uniformMillis(r, 60, 600), ComplaintAction.CLOSED, team, 0));
        } else if (x < 0.84) {
            t = resolved + Dist.millis(Math.min(Dist.lognormal(r, 20 * 3600, 0.6), 48 * 3600), HOUR);
            s.add(new Step(t, ComplaintAction.REOPENED, team, 0));
            t = office(t + Dist.millis(Dist.lognormal(r, 1.5 * 3600, 0.7), 10 * MINUTE), zone, r);
            s.add(new Step(t, ComplaintAction.CUSTOMER_CONTACTED, team, 0));
            t = office(t + Dist.millis(Math.min(Dist.lognormal(r, 12 * 3600, 0.6), 36 * 3600), HOUR), zone, r);
            s.add(new Step(t, ComplaintAction.RESOLVED, team, 0));
            t += Dist.millis(Dist.lognormal(r, 3 * 3600, 0.8), 10 * MINUTE);
            s.add(new Step(t, ComplaintAction.CONFIRMED, team, 0));
            s.add(new Step(t + Dist.uniformMillis(r, 60, 600), ComplaintAction.CLOSED, team, 0));
        } else {
            s.add(new Step(resolved + 48 * HOUR, ComplaintAction.CLOSED, team, 0)); // the customer never confirmed: closed automatically
        }
        s.sort(Comparator.comparingLong(Step::at));
        List<Step> ordered = new ArrayList<>(s.size());
        long prev = Long.MIN_VALUE;
        int level = 0;
        for (Step step : s) {
            long at = Math.max(step.at(), prev + 1000);
            level = Math.max(level, step.level());
            ordered.add(new Step(at, step.action(), step.assignedTo(), level));
            prev = at;
        }
        return new ComplaintPlan(severity, policy, ordered);
    }

    private static Severity severity(SplittableRandom r, ComplaintCategory c) {
        boolean serious = c == ComplaintCategory.PRIVACY || c == ComplaintCategory.UNAUTHORIZED_CHARGE || c == ComplaintCategory.MISSELLING;
        double x = r.nextDouble();
        double low = serious ? 0.2 : 0.3;
        double medium = low + 0.45;
        double high = medium + (serious ? 0.27 : 0.2);
        return x < low ? Severity.LOW : x < medium ? Severity.MEDIUM : x < high ? Severity.HIGH : Severity.CRITICAL;
    }

    /** Back-office work happens 08:30-20:00 local; later work waits for the next morning. */
    static long office(long t, ZoneRules zone, SplittableRandom r) {
        double h = Arrivals.localHour(zone, t);
        if (h >= 8.5 && h < 20) {
            return t;
        }
        double wait = h < 8.5 ? 8.5 - h : 24 - h + 8.5;
        return t + (long) (wait * HOUR) + Dist.uniformMillis(r, 0, 90 * 60);
    }
}
