package com.callpulse.generator;

import com.callpulse.model.AgentState;
import com.callpulse.model.AgentStateEvent;
import com.callpulse.model.Channel;
import com.callpulse.model.ComplaintAction;
import com.callpulse.model.ComplaintEvent;
import com.callpulse.model.ContactEvent;
import com.callpulse.model.ContactEventType;
import com.callpulse.model.ContactOutcome;
import com.callpulse.model.ContactRecord;
import com.callpulse.model.DemandCategory;
import com.callpulse.model.Event;
import com.callpulse.model.Direction;
import com.callpulse.model.SelfServiceChannel;
import com.callpulse.model.Stream;
import com.callpulse.model.SurveyResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks on a clean simulated day of a few thousand contacts that it looks like a real provincial hotline. */
class RealismTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String MAIN = "cmcc-ah";

    private static Recording day;
    private static List<ContactRecord> records;
    private static List<ContactEvent> events;
    private static List<AgentStateEvent> agentStates;

    @BeforeAll
    static void simulate() {
        day = Recording.of(6000, 7, 0.0);
        records = day.accepted(Stream.CONTACT_RECORDS);
        events = day.accepted(Stream.CONTACT_EVENTS);
        agentStates = day.accepted(Stream.AGENT_STATE_EVENTS);
    }

    @Test
    void everyEventIsConsistentAndIdsAreUnique() {
        assertThat(day.lines.stream().filter(l -> l.expectation() != Expectation.CLEAN).count()).as("lines with faults").isZero();
        for (Stream s : Stream.values()) {
            assertThat(day.<Event>accepted(s)).allSatisfy(e -> assertThat(e.check()).as("%s", e).isNull());
        }
        Set<String> ids = new HashSet<>();
        for (Stream s : Stream.values()) {
            day.<Event>accepted(s).forEach(e -> assertThat(ids.add(e.eventId)).as("duplicate event id %s", e.eventId).isTrue());
        }
        assertThat(day.summary.inboundContacts()).isEqualTo(6000);
        assertThat(firstLegs().size()).isEqualTo(6000);
    }

    @Test
    void arrivalsFollowTheIntradayCurve() {
        int[] perHour = new int[24];
        for (ContactRecord r : firstLegs()) {
            if (r.tenantId.equals(MAIN)) {
                perHour[local(r.arrivedAt).getHour()]++;
            }
        }
        int night = perHour[2] + perHour[3] + perHour[4];
        int morningPeak = perHour[10];
        assertThat(morningPeak).isGreaterThan(8 * night / 3);
        assertThat(perHour[10]).isGreaterThan(perHour[12]); // lunch dip
        assertThat(perHour[8]).isGreaterThan(2 * perHour[7]); // steep rise from 08:00
        assertThat(perHour[19] + perHour[20]).isGreaterThan(perHour[17] + perHour[18]); // evening peak
        assertThat(perHour[23]).isLessThan(perHour[20] / 2); // decline to midnight
    }

    @Test
    void channelMixIsMostlyVoice() {
        Map<Channel, Long> byChannel = firstLegs().stream().collect(Collectors.groupingBy(r -> r.channel, Collectors.counting()));
        double voice = byChannel.get(Channel.VOICE) / 6000.0;
        assertThat(voice).isBetween(0.62, 0.78);
        assertThat(byChannel.keySet()).contains(Channel.WEBCHAT, Channel.WECHAT, Channel.APP, Channel.SMS, Channel.EMAIL, Channel.WEIBO);
        assertThat(firstLegs().stream().filter(r -> r.channel == Channel.APP && r.outcome == ContactOutcome.SELF_SERVED)).isNotEmpty();
    }

    @Test
    void aboutAThirdOfVoiceCallersSelfServeInTheIvr() {
        List<ContactEvent> ivrLeft = events.stream().filter(e -> e.eventType == ContactEventType.IVR_LEFT).collect(Collectors.toList());
        double selfServed = ivrLeft.stream().filter(e -> e.selfServed).count() / (double) ivrLeft.size();
        assertThat(selfServed).isBetween(0.22, 0.38);
    }

    @Test
    void abandonmentIsInAPlausibleBandAndWorstAtThePeaks() {
        List<ContactRecord> queued = records.stream().filter(r -> r.queuedAt != null).collect(Collectors.toList());
        long abandoned = queued.stream().filter(r -> r.outcome == ContactOutcome.ABANDONED).count();
        assertThat(abandoned / (double) queued.size()).isBetween(0.03, 0.15);
        assertThat(queued.stream().filter(r -> r.outcome == ContactOutcome.ABANDONED && r.queueWaitSeconds < 10)).as("short abandons").isNotEmpty();
        assertThat(queued.stream().filter(r -> r.outcome == ContactOutcome.CALLBACK_REQUESTED)).isNotEmpty();
        assertThat(records.stream().filter(r -> r.direction == Direction.OUTBOUND && r.outcome == ContactOutcome.HANDLED)).as("callbacks placed").isNotEmpty();
    }

    @Test
    void theOutageSurgeStandsOutInOneDistrict() {
        Map<Long, Integer> perMinute = new HashMap<>();
        int inWindow = 0;
        int fromDistrict = 0;
        for (ContactRecord r : firstLegs()) {
            if (r.tenantId.equals(MAIN) && Catalog.BROADBAND_OUTAGE.equals(r.topic)) {
                perMinute.merge(r.arrivedAt / 60_000, 1, Integer::sum);
                LocalDateTime t = local(r.arrivedAt);
                if (t.getHour() >= 14 && t.getHour() < 16) {
                    inWindow++;
                    if (r.region.equals("hefei-shushan")) {
                        fromDistrict++;
                    }
                }
            }
        }
        long windowStart = LocalDateTime.parse("2026-11-20T14:15").atZone(SHANGHAI).toInstant().toEpochMilli() / 60_000;
        long windowEnd = LocalDateTime.parse("2026-11-20T15:45").atZone(SHANGHAI).toInstant().toEpochMilli() / 60_000;
        long dayStart = LocalDateTime.parse("2026-11-20T00:00").atZone(SHANGHAI).toInstant().toEpochMilli() / 60_000;
        int surge = 0;
        int outside = 0;
        for (long m = dayStart; m < dayStart + 1440; m++) {
            int n = perMinute.getOrDefault(m, 0);
            if (m >= windowStart && m < windowEnd) {
                surge += n;
            } else if (m < windowStart - 15 || m >= windowEnd + 60) {
                outside += n;
            }
        }
        double surgeRate = surge / (double) (windowEnd - windowStart);
        double baseRate = Math.max(outside, 1) / (1440.0 - (windowEnd - windowStart) - 75);
        assertThat(surgeRate).isGreaterThan(20 * baseRate);
        assertThat(fromDistrict).isGreaterThan(inWindow * 8 / 10);
        List<ContactRecord> outageVoice = firstLegs().stream()
                .filter(r -> Catalog.BROADBAND_OUTAGE.equals(r.topic) && r.channel == Channel.VOICE && r.queueId != null).collect(Collectors.toList());
        long toTech = outageVoice.stream().filter(r -> r.queueId.equals("broadband_tech")).count();
        assertThat(toTech).as("outage calls queued to broadband_tech").isGreaterThan(outageVoice.size() * 8L / 10);
    }

    @Test
    void transfersMakeSecondLegsOfTheSameContact() {
        Map<String, List<ContactRecord>> legs = records.stream().collect(Collectors.groupingBy(r -> r.contactId));
        List<ContactRecord> transferred = records.stream().filter(r -> r.transferCount == 1).collect(Collectors.toList());
        assertThat(transferred.size() / (double) firstLegs().size()).isBetween(0.01, 0.12);
        for (ContactRecord r : transferred) {
            assertThat(legs.get(r.contactId)).extracting(x -> x.leg).contains(r.leg + 1);
            assertThat(r.outcome).isEqualTo(ContactOutcome.HANDLED);
        }
        Map<String, List<ContactEvent>> byContact = events.stream().collect(Collectors.groupingBy(e -> e.contactId));
        ContactRecord first = transferred.get(0);
        List<ContactEvent> steps = byContact.get(first.contactId);
        assertThat(steps).extracting(e -> e.eventType).contains(ContactEventType.TRANSFERRED, ContactEventType.ENDED);
        assertThat(steps.stream().filter(e -> e.eventType == ContactEventType.QUEUED)).hasSize(2);
    }

    @Test
    void contactEventsAgreeWithTheirRecords() {
        Map<String, List<ContactEvent>> byContact = events.stream().collect(Collectors.groupingBy(e -> e.contactId));
        int checked = 0;
        for (ContactRecord r : records) {
            if (r.outcome != ContactOutcome.HANDLED || r.leg != 1 || r.transferCount != 0) {
                continue;
            }
            List<ContactEvent> steps = byContact.get(r.contactId);
            ContactEvent answered = steps.stream().filter(e -> e.eventType == ContactEventType.ANSWERED).findFirst().orElseThrow();
            ContactEvent ended = steps.stream().filter(e -> e.eventType == ContactEventType.ENDED).findFirst().orElseThrow();
            ContactEvent arrived = steps.stream().filter(e -> e.eventType == ContactEventType.ARRIVED).findFirst().orElseThrow();
            assertThat(answered.occurredAt).isEqualTo(r.answeredAt);
            assertThat(ended.occurredAt).isEqualTo(r.endedAt);
            assertThat(arrived.occurredAt).isEqualTo(r.arrivedAt);
            assertThat(answered.waitSeconds).isEqualTo(r.queueWaitSeconds);
            long held = steps.stream().filter(e -> e.eventType == ContactEventType.HOLD).count();
            assertThat(held).isEqualTo(r.holdCount.longValue());
            assertThat(Math.abs(r.endedAt - r.answeredAt - 1000L * (r.talkSeconds + r.holdSeconds))).isLessThanOrEqualTo(1000);
            assertThat(r.occurredAt).isEqualTo(r.wrapupEndedAt);
            checked++;
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void agentsWorkTheContactsTheyHandle() {
        long handled = records.stream().filter(r -> r.outcome == ContactOutcome.HANDLED).count();
        Map<AgentState, Long> states = agentStates.stream().collect(Collectors.groupingBy(e -> e.state, Collectors.counting()));
        assertThat(states.get(AgentState.ON_CONTACT)).isEqualTo(handled);
        assertThat(states.get(AgentState.AFTER_CONTACT_WORK)).isEqualTo(handled);
        assertThat(states.get(AgentState.LOGIN)).isEqualTo(states.get(AgentState.LOGOUT));
        Set<String> reasons = agentStates.stream().filter(e -> e.reason != null).map(e -> e.reason.code()).collect(Collectors.toSet());
        assertThat(reasons).contains("break", "meal", "admin");
        assertThat(agentStates.stream().filter(e -> Boolean.TRUE.equals(e.remoteSeat))).isNotEmpty();
        Set<String> sites = agentStates.stream().filter(e -> e.tenantId.equals(MAIN)).map(e -> e.siteId).collect(Collectors.toSet());
        assertThat(sites).contains("hefei", "wuhu", "remote");
        // every handled leg's agent was on that contact
        Set<String> onContact = agentStates.stream().filter(e -> e.state == AgentState.ON_CONTACT).map(e -> e.agentId + "/" + e.contactId).collect(Collectors.toSet());
        assertThat(records.stream().filter(r -> r.outcome == ContactOutcome.HANDLED && !onContact.contains(r.agentId + "/" + r.contactId)).count()).isZero();
    }

    @Test
    void durationsLookLikeAHotline() {
        List<Integer> voiceTalk = records.stream().filter(r -> r.outcome == ContactOutcome.HANDLED && r.channel == Channel.VOICE && r.transferCount == 0)
                .map(r -> r.talkSeconds).sorted().collect(Collectors.toList());
        int median = voiceTalk.get(voiceTalk.size() / 2);
        assertThat(median).isBetween(150, 270);
        List<Integer> acw = records.stream().filter(r -> r.acwSeconds != null).map(r -> r.acwSeconds).sorted().collect(Collectors.toList());
        assertThat(acw.get(acw.size() / 2)).isBetween(25, 65);
        assertThat(records.stream().filter(r -> r.holdCount != null && r.holdCount > 0).count() / (double) voiceTalk.size()).isBetween(0.1, 0.35);
    }

    @Test
    void repeatCallersCallAgainSometimesWrittenDifferently() {
        Map<String, Set<String>> formsByNumber = new HashMap<>();
        Map<String, Integer> contactsByNumber = new HashMap<>();
        for (ContactRecord r : firstLegs()) {
            if (r.callerNumber.contains("@") || r.callerNumber.startsWith("wxid_") || r.callerNumber.startsWith("weibo_")) {
                continue;
            }
            String n = normalize(r.callerNumber);
            formsByNumber.computeIfAbsent(n, k -> new HashSet<>()).add(r.callerNumber);
            contactsByNumber.merge(n, 1, Integer::sum);
        }
        long repeaters = contactsByNumber.values().stream().filter(v -> v > 1).count();
        assertThat(repeaters).isGreaterThan(100);
        assertThat(formsByNumber.values().stream().filter(v -> v.size() > 1)).isNotEmpty();
        Set<String> all = firstLegs().stream().map(r -> r.callerNumber).collect(Collectors.toSet());
        assertThat(all.stream().filter(n -> n.matches("0\\d{2,3}-\\d{8}")).count()).as("landlines").isPositive();
        assertThat(all.stream().filter(n -> n.startsWith("+86 ")).count()).as("grouped +86 numbers").isPositive();
        assertThat(all.stream().filter(n -> n.matches("\\+(49|33|44|39|34|31|41|43).*")).count()).as("European numbers").isPositive();
    }

    @Test
    void recommendedSelfServiceIsSometimesUsedLater() {
        Map<String, List<ContactRecord>> byCaller = new HashMap<>();
        for (ContactRecord r : firstLegs()) {
            byCaller.computeIfAbsent(normalize(r.callerNumber), k -> new ArrayList<>()).add(r);
        }
        int recommended = 0;
        int used = 0;
        for (ContactRecord r : records) {
            if (r.selfServiceRecommended == null || r.selfServiceRecommended == SelfServiceChannel.NONE) {
                continue;
            }
            recommended++;
            boolean later = byCaller.getOrDefault(normalize(r.callerNumber), List.of()).stream()
                    .anyMatch(o -> o.arrivedAt > r.endedAt && o.outcome == ContactOutcome.SELF_SERVED && r.topic.equals(o.topic));
            if (later) {
                used++;
            }
        }
        assertThat(recommended).isGreaterThan(100);
        assertThat(used / (double) recommended).isBetween(0.15, 0.7);
    }

    @Test
    void complaintsRunTheirLifecycle() {
        List<ComplaintEvent> complaints = day.accepted(Stream.COMPLAINT_EVENTS);
        Map<String, List<ComplaintEvent>> tickets = complaints.stream().collect(Collectors.groupingBy(e -> e.complaintId));
        long complaintContacts = records.stream().filter(r -> r.demandCategory == DemandCategory.COMPLAINT && r.outcome == ContactOutcome.HANDLED
                && r.transferCount == 0).count();
        assertThat((long) tickets.size()).isEqualTo(complaintContacts);
        for (List<ComplaintEvent> t : tickets.values()) {
            assertThat(t.get(0).action).isEqualTo(ComplaintAction.OPENED);
            assertThat(t.get(t.size() - 1).action).isEqualTo(ComplaintAction.CLOSED);
            for (int i = 1; i < t.size(); i++) {
                assertThat(t.get(i).occurredAt).isGreaterThan(t.get(i - 1).occurredAt);
            }
        }
        assertThat(complaints.stream().filter(e -> e.action == ComplaintAction.ESCALATED && e.level == 1).count()).as("escalations").isPositive();
        assertThat(complaints.stream().filter(e -> e.action == ComplaintAction.REOPENED).count()).as("reopened tickets").isPositive();
        assertThat(complaints.stream().filter(e -> e.deadlinePolicy != null).map(e -> e.deadlinePolicy).collect(Collectors.toSet()))
                .contains("standard-48h", "urgent-24h");
    }

    @Test
    void surveysAnswerMinutesToHoursLaterWithScoresThatFollowTheService() {
        List<SurveyResponse> surveys = day.accepted(Stream.SURVEY_RESPONSES);
        Map<String, ContactRecord> last = new HashMap<>();
        records.forEach(r -> last.merge(r.contactId, r, (a, b) -> a.leg > b.leg ? a : b));
        double resolvedCsat = 0;
        double unresolvedCsat = 0;
        int nr = 0;
        int nu = 0;
        for (SurveyResponse s : surveys) {
            ContactRecord r = last.get(s.contactId);
            assertThat(s.occurredAt).isGreaterThan(r.endedAt);
            if (s.csat != null) {
                if (r.resolvedOnContact) {
                    resolvedCsat += s.csat;
                    nr++;
                } else {
                    unresolvedCsat += s.csat;
                    nu++;
                }
            }
        }
        double handled = records.stream().filter(r -> r.outcome == ContactOutcome.HANDLED && r.transferCount == 0).count();
        assertThat(surveys.size() / handled).isBetween(0.08, 0.2);
        assertThat(resolvedCsat / nr).isGreaterThan(unresolvedCsat / nu + 0.5);
        assertThat(surveys.stream().filter(s -> s.comment != null && s.comment.chars().anyMatch(ch -> ch > 0x4e00)).count()).isPositive();
        assertThat(surveys.stream().filter(s -> s.comment != null && s.comment.chars().allMatch(ch -> ch < 0x80)).count()).isPositive();
        assertThat(surveys.stream().filter(s -> s.comment != null && s.comment.matches(".*\\d{7,}.*")).count()).as("comments with a phone number").isBetween(2L, 40L);
    }

    @Test
    void everyPhoneNumberWrittenIsReported() {
        for (ContactRecord r : records) {
            assertThat(day.phoneNumbers).contains(r.callerNumber);
        }
        events.stream().filter(e -> e.callerNumber != null).forEach(e -> assertThat(day.phoneNumbers).contains(e.callerNumber));
        day.<ComplaintEvent>accepted(Stream.COMPLAINT_EVENTS).stream().filter(e -> e.callerNumber != null)
                .forEach(e -> assertThat(day.phoneNumbers).contains(e.callerNumber));
        for (SurveyResponse s : day.<SurveyResponse>accepted(Stream.SURVEY_RESPONSES)) {
            if (s.comment != null && s.comment.matches(".*\\d{7,}.*")) {
                assertThat(day.phoneNumbers.stream().anyMatch(n -> s.comment.contains(n))).as("number in '%s' reported", s.comment).isTrue();
            }
        }
    }

    @Test
    void newBusinessIsItemizedAndOffersConvert() {
        Set<String> items = records.stream().filter(r -> r.demandCategory == DemandCategory.NEW_BUSINESS).map(r -> r.subTopic).collect(Collectors.toSet());
        assertThat(items).contains("5g_package_upgrade", "fttr_broadband");
        List<ContactRecord> offers = records.stream().filter(r -> r.offerProduct != null).collect(Collectors.toList());
        assertThat(offers.size() / (double) records.stream().filter(r -> r.outcome == ContactOutcome.HANDLED).count()).isBetween(0.07, 0.2);
        assertThat(offers).extracting(r -> r.offerOutcome.code()).contains("accepted", "declined", "undecided");
    }

    private static List<ContactRecord> firstLegs() {
        return records.stream().filter(r -> r.leg == 1 && r.direction == Direction.INBOUND).collect(Collectors.toList());
    }

    private static LocalDateTime local(long ms) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(ms), SHANGHAI);
    }

    /** Digits without 00/+ and without +86 before a mobile number, as the pseudonymizer normalizes. */
    static String normalize(String n) {
        String d = n.replaceAll("[^0-9]", "");
        if (d.startsWith("00")) {
            d = d.substring(2);
        }
        if (d.length() == 13 && d.startsWith("861")) {
            d = d.substring(2);
        }
        return d.isEmpty() ? n : d;
    }
}
