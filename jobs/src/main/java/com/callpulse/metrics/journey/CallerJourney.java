package com.callpulse.metrics.journey;

import com.callpulse.model.Channel;
import com.callpulse.model.ContactOutcome;
import com.callpulse.model.ContactRecord;
import com.callpulse.model.Direction;
import com.callpulse.model.SelfServiceChannel;

import java.util.Arrays;

/**
 * One caller's recent contacts and the rows they still owe: the arithmetic of {@code contact_repeats} and
 * {@code self_service_outcomes}, without Flink (the operator keeps one instance per tenant and caller key in
 * state and drives it with records and the watermark).
 *
 * <p>Definitions (docs/metrics.md, section "Caller journeys"):
 * <ul>
 *   <li>A contact is a contact_id; it began at the earliest arrived_at of its legs. It <em>counts</em> (as a repeat,
 *       as a previous or next contact) when it is inbound and not self-served, whatever its channel and however it
 *       ended: abandoned, flowed-out and callback-requested contacts are the caller trying again.</li>
 *   <li>Each agent-handled leg gets one {@code contact_repeats} row per repeat window W. Backward: another counting
 *       contact of the caller began in {@code [start - W, start)} of this contact. Forward: another counting contact
 *       began in {@code (ended_at, ended_at + W]} of this leg. Same-topic variants require a leg on this leg's topic.</li>
 *   <li>Each agent-handled leg with a recommendation (ivr, sms_link, web, app) gets one {@code self_service_outcomes}
 *       row: within {@code (ended_at, ended_at + S]} did another contact of the caller end self-served on the path
 *       (ivr: voice; the others: any digital channel, as an SMS link opens the web or the app), and did the caller
 *       come back in an inbound contact an agent handled on the same topic.</li>
 * </ul>
 *
 * <p>When rows are decided: a fact about the contacts that began up to time t is final once the watermark has
 * passed {@code t + settle margin} ({@link JourneySettings}); a window with nothing found in it is closed once that
 * holds for its end and its tenant's contact records have been seen beyond its end. A row is written once all its
 * answers are final, or at the end of a bounded input with the undecided ones null and {@code complete} false.
 */
public class CallerJourney {
    public String tenantId;
    /** Contacts kept for look-ups, ordered by start then id. */
    public SeenContact[] contacts = new SeenContact[0];
    /** Handled legs with rows still to write, oldest first. */
    public OpenLeg[] open = new OpenLeg[0];

    public CallerJourney() {}

    /** Where decided rows and notable events go. */
    public interface Output {
        void repeat(ContactRepeat row);

        void selfService(SelfServiceOutcome row);

        /** A contact was forgotten because the caller had more than the cap. */
        default void contactDropped() {}

        /** A leg's rows were written early, incomplete, because the caller had more open legs than the cap. */
        default void cutShort() {}

        /** A row was written as at the end of input: its tenant's contact records stopped a window's length before its window's end. */
        default void stalled() {}
    }

    /**
     * Takes one contact record of this caller, copying what it keeps.
     *
     * @return false when it was an agent-handled leg already taken (the same leg delivered again): nothing changes
     */
    public boolean add(ContactRecord r, JourneySettings s) {
        if (tenantId == null) {
            tenantId = r.tenantId;
        }
        boolean handled = r.outcome == ContactOutcome.HANDLED && r.agentId != null;
        int i = indexOf(r.contactId);
        SeenContact c;
        if (i < 0) {
            c = new SeenContact();
            c.contactId = r.contactId;
            c.start = r.arrivedAt;
            c.inbound = r.direction == Direction.INBOUND;
        } else {
            c = contacts[i];
            if (handled && contains(c.rowLegs, r.leg)) {
                return false;
            }
            removeContact(i);
            c.start = Math.min(c.start, r.arrivedAt);
            c.inbound &= r.direction == Direction.INBOUND;
        }
        if (r.outcome == ContactOutcome.SELF_SERVED) {
            if (r.channel == Channel.VOICE) {
                c.selfServedVoice = true;
            } else {
                c.selfServedDigital = true;
            }
            c.selfServedChannel = r.channel.code();
        }
        if (r.topic != null) {
            c.topics = SeenContact.with(c.topics, r.topic);
            if (handled) {
                c.agentTopics = SeenContact.with(c.agentTopics, r.topic);
            }
        }
        insertContact(c);
        for (OpenLeg l : open) {
            if (l.contactId.equals(c.contactId)) {
                l.contactStart = c.start;
                l.checkAt = Math.min(l.checkAt, s.settledAt(c.start));
            } else if (c.start > l.endedAt && c.start - l.endedAt <= s.lookbackMillis) {
                l.checkAt = Math.min(l.checkAt, s.settledAt(c.start)); // it may be the repeat or use some rows wait for
            }
        }
        if (handled) {
            c.rowLegs = Arrays.copyOf(c.rowLegs, c.rowLegs.length + 1);
            c.rowLegs[c.rowLegs.length - 1] = r.leg;
            open = Arrays.copyOf(open, open.length + 1);
            open[open.length - 1] = openLeg(r, c.start, s);
        }
        return true;
    }

    private static OpenLeg openLeg(ContactRecord r, long contactStart, JourneySettings s) {
        OpenLeg l = new OpenLeg();
        l.contactId = r.contactId;
        l.leg = r.leg;
        l.contactStart = contactStart;
        l.endedAt = r.endedAt;
        l.agentId = r.agentId;
        l.teamId = r.teamId;
        l.queueId = r.queueId;
        l.topic = r.topic;
        l.channel = r.channel.code();
        l.direction = r.direction.code();
        SelfServiceChannel rec = r.selfServiceRecommended;
        l.recommended = rec == null || rec == SelfServiceChannel.NONE ? null : rec.code();
        l.selfServiceWritten = l.recommended == null;
        l.checkAt = s.settledAt(contactStart);
        return l;
    }

    /**
     * Writes the rows that are decided at watermark {@code wm}, forgets what no later row can need, and keeps the caps.
     *
     * @param through the newest occurred_at seen among the tenant's contact records ({@link Long#MIN_VALUE}: none yet)
     * @param endOfInput the input is over: every row still open is written now, undecided answers null
     */
    public void evaluate(long wm, long through, boolean endOfInput, JourneySettings s, Output out) {
        Clock clock = new Clock(endOfInput ? Long.MAX_VALUE : s.settledThrough(wm), through, endOfInput);
        int kept = 0;
        for (OpenLeg l : open) {
            if (endOfInput || l.checkAt <= wm) {
                l.checkAt = Long.MAX_VALUE;
                write(l, clock, wm, s, out, false);
            }
            if (!l.done(s.windowHours.length)) {
                open[kept++] = l;
            }
        }
        if (kept < open.length) {
            open = Arrays.copyOf(open, kept);
        }
        if (endOfInput) {
            contacts = new SeenContact[0];
            return;
        }
        if (open.length > s.maxOpenLegs) {
            // a number with more open legs than the cap (a switchboard, a robot): its oldest legs are written now
            Clock now = new Clock(Long.MAX_VALUE, through, true);
            int excess = open.length - s.maxOpenLegs;
            for (int k = 0; k < excess; k++) {
                write(open[k], now, wm, s, out, true);
                out.cutShort();
            }
            open = Arrays.copyOfRange(open, excess, open.length);
        }
        forget(s.settledThrough(wm), s, out);
    }

    /** The next event time at which something may change without a new record: a row may be decided or a contact forgotten. */
    public long nextWakeUp(JourneySettings s) {
        if (open.length > 0) {
            long t = Long.MAX_VALUE;
            for (OpenLeg l : open) {
                t = Math.min(t, l.checkAt);
            }
            return t;
        }
        // kept until no later contact can look back at it (see forget)
        return contacts.length == 0 ? Long.MAX_VALUE : s.settledAt(saturatingAdd(contacts[0].start, s.lookbackMillis));
    }

    public boolean isEmpty() {
        return open.length == 0 && contacts.length == 0;
    }

    /**
     * Forgets contacts no row can need any more: a contact that begins later than {@code settled} (all later ones
     * do) looks back at most the longest window, and the open legs look back from their own start.
     */
    private void forget(long settled, JourneySettings s, Output out) {
        long horizon = settled < Long.MIN_VALUE + s.lookbackMillis ? Long.MIN_VALUE : settled - s.lookbackMillis;
        long openFloor = Long.MAX_VALUE;
        for (OpenLeg l : open) {
            openFloor = Math.min(openFloor, l.contactStart);
        }
        int drop = 0;
        while (drop < contacts.length && contacts[drop].start <= horizon
                && (openFloor == Long.MAX_VALUE || contacts[drop].start < openFloor - s.lookbackMillis)) {
            drop++;
        }
        int over = contacts.length - drop - s.maxContacts;
        for (int k = 0; k < over; k++) {
            out.contactDropped();
        }
        drop += Math.max(0, over);
        if (drop > 0) {
            contacts = Arrays.copyOfRange(contacts, drop, contacts.length);
        }
    }

    /** What is settled at an evaluation: facts about contacts begun up to {@code settled}, and records seen through {@code through}. */
    private record Clock(long settled, long through, boolean endOfInput) {
        /** A window ending at {@code end} with nothing found in it has closed. */
        boolean closed(long end) {
            return end <= through && end <= settled;
        }

        boolean settled(long t) {
            return t <= settled;
        }
    }

    /** Writes the leg's rows that are decided (all of them when the clock is the end of input) and sets its next check. */
    private void write(OpenLeg l, Clock clock, long wm, JourneySettings s, Output out, boolean cutShort) {
        // a row due for longer than the longest window whose tenant's records never came past it: that feed has
        // stopped, and the row is written as at the end of an input (so a silent tenant's callers do not stay forever)
        Clock stalled = new Clock(Long.MAX_VALUE, clock.through(), true);
        long next = Long.MAX_VALUE;
        for (int i = 0; i < s.windowHours.length; i++) {
            if ((l.windowsWritten & (1 << i)) != 0) {
                continue;
            }
            long ready = repeatRow(l, i, clock, s, out, cutShort);
            if (ready != DONE && stalled(ready, wm, s)) {
                ready = repeatRow(l, i, stalled, s, out, false);
                out.stalled();
            }
            if (ready == DONE) {
                l.windowsWritten |= 1 << i;
            } else {
                next = Math.min(next, retryIfDue(ready, wm, clock.through()));
            }
        }
        if (!l.selfServiceWritten) {
            long ready = selfServiceRow(l, clock, s, out, cutShort);
            if (ready != DONE && stalled(ready, wm, s)) {
                ready = selfServiceRow(l, stalled, s, out, false);
                out.stalled();
            }
            if (ready == DONE) {
                l.selfServiceWritten = true;
            } else {
                next = Math.min(next, retryIfDue(ready, wm, clock.through()));
            }
        }
        l.checkAt = next;
    }

    private static boolean stalled(long ready, long wm, JourneySettings s) {
        return ready <= wm && wm - ready >= s.lookbackMillis;
    }

    private static final long DONE = Long.MIN_VALUE;

    /**
     * A row whose times are settled but whose window its tenant's records have not reached yet (they stopped, or a
     * bounded input ended while other streams ran on) is looked at again later, at growing intervals.
     */
    private static long retryIfDue(long ready, long wm, long through) {
        if (ready > wm) {
            return ready;
        }
        long behind = through == Long.MIN_VALUE ? JourneySettings.RETRY_MILLIS : wm - through;
        return saturatingAdd(wm, Math.max(JourneySettings.RETRY_MILLIS, behind));
    }

    /** Writes the contact_repeats row of window i if decided; returns {@link #DONE} or the event time it may be decided at. */
    private long repeatRow(OpenLeg l, int i, Clock clock, JourneySettings s, Output out, boolean cutShort) {
        long w = s.windowMillis[i];
        long windowEnd = saturatingAdd(l.endedAt, w);
        SeenContact previous = null;
        boolean previousSameTopic = l.topic == null; // no topic: the same-topic look-up has nothing to find
        boolean isRepeatSameTopic = false;
        for (int k = firstAtOrAfter(l.contactStart) - 1; k >= 0 && contacts[k].start >= l.contactStart - w; k--) {
            SeenContact c = contacts[k];
            if (!c.counts() || c.contactId.equals(l.contactId)) {
                continue;
            }
            if (previous == null) {
                previous = c;
            }
            if (!previousSameTopic && c.hasTopic(l.topic)) {
                isRepeatSameTopic = true;
                previousSameTopic = true;
            }
            if (previousSameTopic) {
                break;
            }
        }
        SeenContact next = null;
        SeenContact nextSameTopic = null;
        for (int k = firstAfter(l.endedAt); k < contacts.length && contacts[k].start <= windowEnd; k++) {
            SeenContact c = contacts[k];
            if (!c.counts() || c.contactId.equals(l.contactId)) {
                continue;
            }
            if (next == null) {
                next = c;
            }
            if (nextSameTopic == null && c.hasTopic(l.topic)) {
                nextSameTopic = c;
            }
            if (nextSameTopic != null || l.topic == null) {
                break;
            }
        }
        boolean closed = clock.closed(windowEnd);
        boolean anyDecided = next != null || closed;
        boolean sameDecided = nextSameTopic != null || l.topic == null || closed;
        boolean ready = clock.settled(l.contactStart)
                && (next != null ? clock.settled(next.start) : closed)
                && (nextSameTopic != null ? clock.settled(nextSameTopic.start) : l.topic == null || closed);
        if (!ready && !clock.endOfInput()) {
            long t = Math.max(l.contactStart, next != null ? next.start : windowEnd);
            if (l.topic != null) {
                t = Math.max(t, nextSameTopic != null ? nextSameTopic.start : windowEnd);
            }
            return s.settledAt(t);
        }
        ContactRepeat row = about(l, new ContactRepeat());
        row.windowHours = s.windowHours[i];
        row.direction = l.direction;
        row.contactStartedAt = l.contactStart;
        row.isRepeat = previous != null;
        if (previous != null) {
            row.previousContactId = previous.contactId;
            row.previousContactAt = previous.start;
        }
        row.isRepeatSameTopic = isRepeatSameTopic;
        row.followedByRepeat = next != null ? Boolean.TRUE : closed ? Boolean.FALSE : null;
        if (next != null) {
            row.nextContactId = next.contactId;
            row.nextContactAt = next.start;
        }
        row.followedByRepeatSameTopic = nextSameTopic != null ? Boolean.TRUE : sameDecided ? Boolean.FALSE : null;
        if (nextSameTopic != null) {
            row.nextSameTopicContactId = nextSameTopic.contactId;
            row.nextSameTopicContactAt = nextSameTopic.start;
        }
        row.complete = anyDecided && sameDecided && !cutShort;
        out.repeat(row);
        return DONE;
    }

    /** Writes the self_service_outcomes row if decided; returns {@link #DONE} or the event time it may be decided at. */
    private long selfServiceRow(OpenLeg l, Clock clock, JourneySettings s, Output out, boolean cutShort) {
        long windowEnd = saturatingAdd(l.endedAt, s.selfServiceMillis);
        boolean ivr = SelfServiceChannel.IVR.code().equals(l.recommended);
        SeenContact use = null;
        SeenContact back = null;
        for (int k = firstAfter(l.endedAt); k < contacts.length && contacts[k].start <= windowEnd; k++) {
            SeenContact c = contacts[k];
            if (c.contactId.equals(l.contactId)) {
                continue;
            }
            if (use == null && (ivr ? c.selfServedVoice : c.selfServedDigital)) {
                use = c;
            }
            if (back == null && c.inbound && c.agentHandled(l.topic)) {
                back = c;
            }
            if (use != null && back != null) {
                break;
            }
        }
        boolean closed = clock.closed(windowEnd);
        boolean noTopic = l.topic == null; // nothing to come back on
        Boolean used = use != null ? Boolean.TRUE : closed ? Boolean.FALSE : null;
        Boolean calledBack = back != null ? Boolean.TRUE : noTopic || closed ? Boolean.FALSE : null;
        RecommendationOutcome outcome = null;
        if (back != null) {
            outcome = use != null && use.before(back.start, back.contactId) ? RecommendationOutcome.USED_THEN_CALLED_BACK
                    : RecommendationOutcome.CALLED_BACK_WITHOUT_USE;
        } else if (Boolean.FALSE.equals(calledBack) && used != null) {
            outcome = used ? RecommendationOutcome.SUCCEEDED : RecommendationOutcome.NOT_USED;
        }
        boolean ready = (use != null ? clock.settled(use.start) : closed)
                && (back != null ? clock.settled(back.start) : noTopic || closed);
        if (!ready && !clock.endOfInput()) {
            long t = use != null ? use.start : windowEnd;
            if (!noTopic) {
                t = Math.max(t, back != null ? back.start : windowEnd);
            }
            return s.settledAt(t);
        }
        SelfServiceOutcome row = about(l, new SelfServiceOutcome());
        row.selfServiceRecommended = l.recommended;
        row.windowHours = s.selfServiceHours;
        row.used = used;
        if (use != null) {
            row.usedAt = use.start;
            row.usedContactId = use.contactId;
            row.usedChannel = use.selfServedChannel;
        }
        row.calledBack = calledBack;
        if (back != null) {
            row.calledBackAt = back.start;
            row.calledBackContactId = back.contactId;
        }
        row.outcome = outcome;
        row.complete = used != null && calledBack != null && outcome != null && !cutShort;
        out.selfService(row);
        return DONE;
    }

    /** A new row about leg {@code l}. */
    private <R extends LegRow> R about(OpenLeg l, R row) {
        row.tenantId = tenantId;
        row.contactId = l.contactId;
        row.leg = l.leg;
        row.agentId = l.agentId;
        row.teamId = l.teamId;
        row.queueId = l.queueId;
        row.topic = l.topic;
        row.channel = l.channel;
        row.endedAt = l.endedAt;
        return row;
    }

    /** Index of the first contact that began at or after {@code t}. */
    private int firstAtOrAfter(long t) {
        int lo = 0;
        int hi = contacts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (contacts[mid].start < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the first contact that began after {@code t}. */
    private int firstAfter(long t) {
        int lo = 0;
        int hi = contacts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (contacts[mid].start <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int indexOf(String contactId) {
        for (int i = contacts.length - 1; i >= 0; i--) { // the newest are the likeliest
            if (contacts[i].contactId.equals(contactId)) {
                return i;
            }
        }
        return -1;
    }

    private void removeContact(int i) {
        SeenContact[] out = new SeenContact[contacts.length - 1];
        System.arraycopy(contacts, 0, out, 0, i);
        System.arraycopy(contacts, i + 1, out, i, contacts.length - i - 1);
        contacts = out;
    }

    private void insertContact(SeenContact c) {
        int i = contacts.length;
        while (i > 0 && c.before(contacts[i - 1].start, contacts[i - 1].contactId)) {
            i--;
        }
        SeenContact[] out = new SeenContact[contacts.length + 1];
        System.arraycopy(contacts, 0, out, 0, i);
        out[i] = c;
        System.arraycopy(contacts, i, out, i + 1, contacts.length - i);
        contacts = out;
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    static long saturatingAdd(long t, long d) {
        return t > Long.MAX_VALUE - d ? Long.MAX_VALUE : t + d;
    }
}
