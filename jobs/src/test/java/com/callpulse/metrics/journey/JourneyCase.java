package com.callpulse.metrics.journey;

import com.callpulse.model.Channel;
import com.callpulse.model.ContactOutcome;
import com.callpulse.model.ContactRecord;
import com.callpulse.model.Direction;
import com.callpulse.model.SelfServiceChannel;

import java.time.Duration;
import java.util.List;

import static com.callpulse.testing.Fixtures.T0;
import static com.callpulse.testing.Fixtures.TENANT;

/** Contact records of one caller at fixed instants, and the journey settings of the shipped defaults. */
final class JourneyCase {
    static final long MIN = 60_000;
    static final long HOUR = 60 * MIN;
    static final long DAY = 24 * HOUR;
    /** Settle margin of the shipped defaults: allowed_lateness PT20M + restatement_horizon PT3H. */
    static final long MARGIN = 200 * MIN;
    static final String CALLER = "5f0c2a7d9e1b4c3a8d6e0f1a2b3c4d5e";

    private static int events;

    private JourneyCase() {}

    static JourneySettings settings() {
        return settings(JourneySettings.MAX_CONTACTS_PER_CALLER, JourneySettings.MAX_OPEN_LEGS_PER_CALLER);
    }

    static JourneySettings settings(int maxContacts, int maxOpenLegs) {
        return new JourneySettings(List.of(Duration.ofHours(24), Duration.ofHours(72), Duration.ofDays(7)), Duration.ofHours(72),
                Duration.ofMinutes(20).plus(Duration.ofHours(3)), maxContacts, maxOpenLegs);
    }

    /** A voice contact of the caller that an agent handled on bill_query: it began at {@code start} and ended 6 minutes later. */
    static ContactRecord handled(String contactId, long start) {
        ContactRecord r = record(contactId, start, start + 6 * MIN, ContactOutcome.HANDLED, Channel.VOICE);
        r.agentId = "a-0107";
        r.teamId = "hf-bb-2";
        r.queueId = "billing";
        r.answeredAt = start + MIN;
        r.wrapupEndedAt = r.endedAt + MIN;
        r.occurredAt = r.wrapupEndedAt;
        r.topic = "bill_query";
        r.selfServiceRecommended = SelfServiceChannel.NONE;
        return r;
    }

    /** {@link #handled} with a self-service recommendation. */
    static ContactRecord recommending(String contactId, long start, SelfServiceChannel path) {
        ContactRecord r = handled(contactId, start);
        r.selfServiceRecommended = path;
        return r;
    }

    static ContactRecord abandoned(String contactId, long start) {
        ContactRecord r = record(contactId, start, start + 2 * MIN, ContactOutcome.ABANDONED, Channel.VOICE);
        r.queueId = "billing";
        r.topic = "bill_query";
        return r;
    }

    static ContactRecord selfServed(String contactId, long start, Channel channel) {
        ContactRecord r = record(contactId, start, start + 90_000, ContactOutcome.SELF_SERVED, channel);
        r.topic = "bill_query";
        return r;
    }

    static ContactRecord record(String contactId, long start, long end, ContactOutcome outcome, Channel channel) {
        ContactRecord r = new ContactRecord();
        r.eventId = "cr-" + (++events);
        r.tenantId = TENANT;
        r.schemaVersion = 1;
        r.contactId = contactId;
        r.leg = 1;
        r.channel = channel;
        r.direction = Direction.INBOUND;
        r.outcome = outcome;
        r.callerKey = CALLER;
        r.arrivedAt = start;
        r.endedAt = end;
        r.occurredAt = end;
        r.transferCount = 0;
        return r;
    }

    /** T0 plus an offset: 09:00 Shanghai on 2026-11-20 is the start of every story. */
    static long at(long offset) {
        return T0 + offset;
    }
}
