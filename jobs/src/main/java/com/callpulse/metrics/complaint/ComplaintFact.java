package com.callpulse.metrics.complaint;

import java.util.Objects;

/**
 * One countable thing that happened to a complaint, dated, at the complaint's escalation level then: what
 * {@code complaint_intervals} counts. {@link ComplaintDeadlines} derives the facts from each complaint's timeline and
 * sends only the difference when they change: {@code sign} +1 adds a fact, -1 takes back one sent earlier (a late
 * event changed it), so the intervals always hold the facts of the events seen. A Flink POJO.
 */
public class ComplaintFact {
    /** What happened. */
    public enum Kind {
        OPENED,
        RESOLVED,
        REOPENED,
        CONFIRMED,
        CLOSED,
        BREACHED,
        ESCALATED
    }

    public String tenantId;
    /** Category code of the complaint's opening. */
    public String category;
    /** Escalation level when it happened (for ESCALATED: the level reached; for BREACHED: the level before). */
    public int level;
    /** When it happened, epoch millis: the interval it counts in. */
    public long at;
    public Kind kind;
    /** ESCALATED: raised by a deadline (CallPulse), not by the source. */
    public boolean byDeadline;
    /** RESOLVED: on time. */
    public boolean onTime;
    /** RESOLVED: whole seconds from the opening. */
    public long elapsedSeconds;
    /** RESOLVED: whole seconds of the tenant's business hours from the opening. */
    public long businessSeconds;
    /** +1 to count, -1 to take back. */
    public int sign;

    public ComplaintFact() {}

    ComplaintFact(String tenantId, String category, Kind kind, long at, int level) {
        this.tenantId = tenantId;
        this.category = category;
        this.kind = kind;
        this.at = at;
        this.level = level;
        this.sign = 1;
    }

    /** The same fact (sign aside). */
    boolean sameAs(ComplaintFact o) {
        return kind == o.kind && at == o.at && level == o.level && byDeadline == o.byDeadline && onTime == o.onTime
                && elapsedSeconds == o.elapsedSeconds && businessSeconds == o.businessSeconds && Objects.equals(category, o.category)
                && Objects.equals(tenantId, o.tenantId);
    }

    ComplaintFact withSign(int s) {
        ComplaintFact f = new ComplaintFact(tenantId, category, kind, at, level);
        f.byDeadline = byDeadline;
        f.onTime = onTime;
        f.elapsedSeconds = elapsedSeconds;
        f.businessSeconds = businessSeconds;
        f.sign = s;
        return f;
    }

    @Override
    public String toString() {
        return (sign < 0 ? "-" : "+") + kind + "@" + at + " " + category + " L" + level + (kind == Kind.RESOLVED ? (onTime ? " on time" : " late") : "");
    }
}
