package com.callpulse.metrics.journey;

import com.callpulse.model.Channel;
import com.callpulse.model.ContactOutcome;
import com.callpulse.model.ContactRecord;
import com.callpulse.model.Direction;
import com.callpulse.model.SelfServiceChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.callpulse.metrics.journey.JourneyCase.DAY;
import static com.callpulse.metrics.journey.JourneyCase.HOUR;
import static com.callpulse.metrics.journey.JourneyCase.MARGIN;
import static com.callpulse.metrics.journey.JourneyCase.MIN;
import static com.callpulse.metrics.journey.JourneyCase.abandoned;
import static com.callpulse.metrics.journey.JourneyCase.at;
import static com.callpulse.metrics.journey.JourneyCase.handled;
import static com.callpulse.metrics.journey.JourneyCase.recommending;
import static com.callpulse.metrics.journey.JourneyCase.selfServed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The arithmetic of contact_repeats and self_service_outcomes on one caller's contacts, without Flink. */
class CallerJourneyTest {
    private static final long T = at(0);
    /** End of the handled contact "A" that begins at T. */
    private static final long E = T + 6 * MIN;
    /** Far enough for every window to be over and settled. */
    private static final long LATER = T + 30 * DAY;

    private JourneySettings settings = JourneyCase.settings();
    private CallerJourney journey = new CallerJourney();
    private final List<ContactRepeat> repeats = new ArrayList<>();
    private final List<SelfServiceOutcome> outcomes = new ArrayList<>();
    private int dropped;
    private int cutShort;

    private final CallerJourney.Output out = new CallerJourney.Output() {
        @Override
        public void repeat(ContactRepeat row) {
            repeats.add(row);
        }

        @Override
        public void selfService(SelfServiceOutcome row) {
            outcomes.add(row);
        }

        @Override
        public void contactDropped() {
            dropped++;
        }

        @Override
        public void cutShort() {
            cutShort++;
        }
    };

    private CallerJourney add(ContactRecord... records) {
        for (ContactRecord r : records) {
            assertThat(journey.add(r, settings)).isTrue();
        }
        return journey;
    }

    /** The watermark at {@code wm}, the tenant's contact records seen through {@code through}. */
    private void evaluate(long wm, long through) {
        journey.evaluate(wm, through, false, settings, out);
    }

    private void endOfInput(long through) {
        journey.evaluate(Long.MAX_VALUE, through, true, settings, out);
    }

    /** The contact_repeats rows of a contact's leg 1, by window hours. */
    private Map<Integer, ContactRepeat> repeatsOf(String contactId) {
        Map<Integer, ContactRepeat> m = new TreeMap<>();
        for (ContactRepeat r : repeats) {
            if (r.contactId.equals(contactId) && r.leg == 1) {
                assertThat(m.put(r.windowHours, r)).as("one row per leg and window").isNull();
            }
        }
        return m;
    }

    private SelfServiceOutcome outcomeOf(String contactId) {
        return outcomes.stream().filter(o -> o.contactId.equals(contactId)).reduce((a, b) -> {
            throw new AssertionError("two outcomes for " + contactId);
        }).orElse(null);
    }

    // ---------------------------------------------------------------- repeat windows
    /** A is handled at T; B, handled too, begins {@code hours} after A ended. */
    @ParameterizedTest(name = "next contact {0} h after the end")
    @CsvSource({"23, true, true, true", "25, false, true, true", "71, false, true, true", "192, false, false, false"})
    void theNextContactIsARepeatInTheWindowsItFallsIn(long hours, boolean in24, boolean in72, boolean in168) {
        add(handled("A", T), handled("B", E + hours * HOUR));
        evaluate(LATER, LATER);
        Map<Integer, ContactRepeat> a = repeatsOf("A");
        assertThat(a.keySet()).containsExactly(24, 72, 168);
        assertThat(a.get(24).followedByRepeat).isEqualTo(in24);
        assertThat(a.get(72).followedByRepeat).isEqualTo(in72);
        assertThat(a.get(168).followedByRepeat).isEqualTo(in168);
        assertThat(a.values()).allSatisfy(r -> {
            assertThat(r.complete).isTrue();
            assertThat(r.nextContactId).isEqualTo(r.followedByRepeat ? "B" : null);
            assertThat(r.isRepeat).isFalse();
        });
        // B began (hours + 6 min) after A began: the backward view of the same pair
        Map<Integer, ContactRepeat> b = repeatsOf("B");
        assertThat(b.get(24).isRepeat).isEqualTo(in24);
        assertThat(b.get(72).isRepeat).isEqualTo(in72);
        assertThat(b.get(168).isRepeat).isEqualTo(in168);
        assertThat(b.get(168).previousContactId).isEqualTo(in168 ? "A" : null);
        assertThat(b.get(168).previousContactAt).isEqualTo(in168 ? T : null);
    }

    @Test
    void aContactExactlyWAfterTheEndIsInTheWindowAMillisecondLaterIsNot() {
        add(handled("A", T), abandoned("B", E + DAY));
        evaluate(LATER, LATER);
        assertThat(repeatsOf("A").get(24).followedByRepeat).isTrue();

        journey = new CallerJourney();
        repeats.clear();
        add(handled("A", T), abandoned("B", E + DAY + 1));
        evaluate(LATER, LATER);
        assertThat(repeatsOf("A").get(24).followedByRepeat).isFalse();
        assertThat(repeatsOf("A").get(72).followedByRepeat).isTrue();
    }

    @Test
    void aContactExactlyWBeforeTheStartMakesARepeatAMillisecondEarlierDoesNot() {
        add(abandoned("X", T - DAY - 1), abandoned("Y", T - DAY), handled("A", T));
        evaluate(LATER, LATER);
        assertThat(repeatsOf("A").get(24).previousContactId).isEqualTo("Y");
        assertThat(repeatsOf("A").get(72).previousContactId).as("the latest of them").isEqualTo("Y");
    }

    @Test
    void onlyOtherInboundContactsThatWereNotSelfServedCount() {
        ContactRecord leg2 = handled("A", E);
        leg2.leg = 2;
        ContactRecord callback = handled("OUT", E + 2 * HOUR);
        callback.direction = Direction.OUTBOUND;
        add(handled("A", T), leg2, selfServed("IVR", E + HOUR, Channel.VOICE), selfServed("APP", E + 90 * MIN, Channel.APP), callback);
        evaluate(LATER, LATER);
        assertThat(repeatsOf("A").values()).allSatisfy(r -> {
            assertThat(r.followedByRepeat).as("another leg, self-service and the center's own callback are no repeats").isFalse();
            assertThat(r.complete).isTrue();
        });
        assertThat(repeatsOf("OUT").get(24).isRepeat).as("an outbound leg has rows; A counts before it").isTrue();
        assertThat(repeats).filteredOn(r -> r.leg == 2).hasSize(3).allSatisfy(r -> assertThat(r.isRepeat).isFalse());

        journey = new CallerJourney();
        repeats.clear();
        add(handled("A", T), abandoned("GAVE-UP", E + HOUR));
        evaluate(LATER, LATER);
        assertThat(repeatsOf("A").get(24).nextContactId).as("trying again and giving up is a repeat").isEqualTo("GAVE-UP");
    }

    @Test
    void theSameTopicVariantLooksForTheFirstLaterContactOnTheLegsTopic() {
        ContactRecord roaming = handled("B", E + HOUR);
        roaming.topic = "roaming_charges";
        add(abandoned("P", T - HOUR), handled("A", T), roaming, handled("C", E + 30 * HOUR));
        evaluate(LATER, LATER);
        ContactRepeat day = repeatsOf("A").get(24);
        assertThat(day.isRepeat).isTrue();
        assertThat(day.isRepeatSameTopic).as("P was on bill_query too").isTrue();
        assertThat(day.followedByRepeat).isTrue();
        assertThat(day.nextContactId).isEqualTo("B");
        assertThat(day.followedByRepeatSameTopic).isFalse();
        assertThat(day.nextSameTopicContactId).isNull();
        ContactRepeat threeDays = repeatsOf("A").get(72);
        assertThat(threeDays.followedByRepeatSameTopic).isTrue();
        assertThat(threeDays.nextSameTopicContactId).isEqualTo("C");
        assertThat(threeDays.nextSameTopicContactAt).isEqualTo(E + 30 * HOUR);
    }

    @Test
    void aRowCarriesItsLegsDimensions() {
        add(handled("A", T));
        evaluate(LATER, LATER);
        assertThat(repeatsOf("A").get(24)).satisfies(r -> {
            assertThat(r.tenantId).isEqualTo("cmcc-ah");
            assertThat(r.agentId).isEqualTo("a-0107");
            assertThat(r.teamId).isEqualTo("hf-bb-2");
            assertThat(r.queueId).isEqualTo("billing");
            assertThat(r.topic).isEqualTo("bill_query");
            assertThat(r.channel).isEqualTo("voice");
            assertThat(r.direction).isEqualTo("inbound");
            assertThat(r.contactStartedAt).isEqualTo(T);
            assertThat(r.endedAt).isEqualTo(E);
            assertThat(r.partitionTime()).isEqualTo(E);
        });
    }

    // ---------------------------------------------------------------- when rows are written
    @Test
    void aRepeatIsWrittenOnceTheNextContactIsSettledLongBeforeTheWindowCloses() {
        long b = E + HOUR;
        add(handled("A", T), handled("B", b));
        evaluate(b + MARGIN - 1, b + MARGIN);
        assertThat(repeats).isEmpty();
        evaluate(b + MARGIN, b + MARGIN);
        assertThat(repeatsOf("A")).hasSize(3).allSatisfy((w, r) -> {
            assertThat(r.followedByRepeat).isTrue();
            assertThat(r.followedByRepeatSameTopic).isTrue();
            assertThat(r.complete).isTrue();
        });
        assertThat(repeatsOf("B")).as("B's windows are still open").isEmpty();
    }

    @Test
    void anEarlierContactArrivingAfterALaterOneWithinTheMarginIsTheNextContact() {
        add(handled("A", T), abandoned("C", E + 2 * HOUR));
        evaluate(E + 2 * HOUR + 10 * MIN, E + 2 * HOUR + 10 * MIN);
        add(abandoned("B", E + HOUR));
        evaluate(E + 2 * HOUR + MARGIN, E + 2 * HOUR + MARGIN);
        assertThat(repeatsOf("A").values()).allSatisfy(r -> assertThat(r.nextContactId).isEqualTo("B"));
    }

    @Test
    void aLaterLegArrivingFirstTakesTheContactsStartOnceTheFirstLegArrives() {
        ContactRecord leg2 = handled("A", T + 8 * MIN);
        leg2.leg = 2;
        add(abandoned("P", T - 3 * DAY + 2 * MIN), leg2);
        add(handled("A", T));
        evaluate(LATER, LATER);
        List<ContactRepeat> legTwo = repeats.stream().filter(r -> r.leg == 2).toList();
        assertThat(legTwo).hasSize(3).allSatisfy(r -> assertThat(r.contactStartedAt).isEqualTo(T));
        assertThat(legTwo).filteredOn(r -> r.windowHours == 72).singleElement()
                .satisfies(r -> assertThat(r.isRepeat).as("P began 71 h 58 min before the contact (72 h 6 min before leg 2)").isTrue());
    }

    @Test
    void aWindowWithNothingInItClosesOnlyWhenTheTenantsRecordsHavePassedItsEnd() {
        add(handled("A", T));
        long close = E + DAY;
        evaluate(close + MARGIN, close - 1);
        assertThat(repeats).as("the watermark passed, the tenant's contact records did not").isEmpty();
        long retry = journey.nextWakeUp(settings);
        assertThat(retry).as("looked at again later").isGreaterThan(close + MARGIN);
        evaluate(retry, close);
        assertThat(repeatsOf("A")).containsOnlyKeys(24).allSatisfy((w, r) -> {
            assertThat(r.followedByRepeat).isFalse();
            assertThat(r.followedByRepeatSameTopic).isFalse();
            assertThat(r.complete).isTrue();
        });
    }

    @Test
    void aWindowWhoseTenantStoppedSendingIsWrittenAsAtTheEndOfInputOnceItIsAWeekOverdue() {
        long due = E + DAY + MARGIN;
        add(handled("A", T));
        evaluate(due + 7 * DAY - 1, E + HOUR);
        assertThat(repeats).as("still waiting for the tenant's records").isEmpty();

        journey = new CallerJourney();
        add(handled("A", T));
        evaluate(due + 7 * DAY, E + HOUR);
        assertThat(repeatsOf("A")).containsOnlyKeys(24).allSatisfy((w, r) -> {
            assertThat(r.complete).isFalse();
            assertThat(r.followedByRepeat).isNull();
        });
    }

    @Test
    void atTheEndOfInputOpenRowsAreWrittenIncompleteWithTheUndecidedAnswersNull() {
        add(abandoned("P", T - 2 * HOUR), handled("A", T), recommending("R", T + 2 * HOUR, SelfServiceChannel.APP));
        endOfInput(E + HOUR);
        assertThat(repeatsOf("A")).hasSize(3).allSatisfy((w, r) -> {
            assertThat(r.complete).as("R began within every window, on the same topic: nothing is left to decide").isTrue();
            assertThat(r.followedByRepeat).isTrue();
            assertThat(r.followedByRepeatSameTopic).isTrue();
            assertThat(r.isRepeat).as("the backward answer is always known").isTrue();
        });
        assertThat(repeatsOf("R")).hasSize(3).allSatisfy((w, r) -> {
            assertThat(r.complete).isFalse();
            assertThat(r.followedByRepeat).isNull();
            assertThat(r.followedByRepeatSameTopic).isNull();
            assertThat(r.nextContactId).isNull();
            assertThat(r.isRepeat).isTrue();
        });
        assertThat(outcomeOf("R")).satisfies(o -> {
            assertThat(o.complete).isFalse();
            assertThat(o.used).isNull();
            assertThat(o.calledBack).isNull();
            assertThat(o.outcome).isNull();
        });
        assertThat(journey.isEmpty()).isTrue();
    }

    @Test
    void atTheEndOfInputAWindowTheTenantsRecordsCoveredIsComplete() {
        add(handled("A", T), handled("B", T + 30 * HOUR));
        endOfInput(E + 26 * HOUR);
        assertThat(repeatsOf("A").get(24)).satisfies(r -> {
            assertThat(r.followedByRepeat).isFalse();
            assertThat(r.complete).isTrue();
        });
        assertThat(repeatsOf("A").get(72).complete).as("B found for any and the same topic").isTrue();
    }

    @Test
    void aLegDeliveredTwiceIsTakenOnce() {
        ContactRecord a = handled("A", T);
        add(a);
        assertThat(journey.add(handled("A", T), settings)).isFalse();
        evaluate(LATER, LATER);
        assertThat(repeats).hasSize(3);
    }

    @Test
    void contactsAreForgottenOnceNoLaterContactCanLookBackAtThem() {
        add(abandoned("X", T));
        long forgetAt = T + 7 * DAY + MARGIN;
        evaluate(forgetAt - 1, LATER);
        assertThat(journey.isEmpty()).as("a contact beginning after the settled time may still look back 7 days").isFalse();
        assertThat(journey.nextWakeUp(settings)).isEqualTo(forgetAt);
        evaluate(forgetAt, LATER);
        assertThat(journey.isEmpty()).isTrue();
        assertThat(repeats).isEmpty();
    }

    // ---------------------------------------------------------------- self-service recommendations
    private SelfServiceOutcome afterTheWindow() {
        evaluate(LATER, LATER);
        return outcomeOf("A");
    }

    @Test
    void usedAndNoCallBackSucceedsOnceTheWindowHasClosed() {
        add(recommending("A", T, SelfServiceChannel.APP), selfServed("U", E + 2 * HOUR, Channel.APP));
        evaluate(E + 72 * HOUR + MARGIN - 1, LATER);
        assertThat(outcomes).as("a call-back could still come").isEmpty();
        evaluate(E + 72 * HOUR + MARGIN, E + 72 * HOUR);
        assertThat(outcomeOf("A")).satisfies(o -> {
            assertThat(o.outcome).isEqualTo(RecommendationOutcome.SUCCEEDED);
            assertThat(o.used).isTrue();
            assertThat(o.usedAt).isEqualTo(E + 2 * HOUR);
            assertThat(o.usedContactId).isEqualTo("U");
            assertThat(o.usedChannel).isEqualTo("app");
            assertThat(o.calledBack).isFalse();
            assertThat(o.complete).isTrue();
            assertThat(o.selfServiceRecommended).isEqualTo("app");
            assertThat(o.windowHours).isEqualTo(72);
            assertThat(o.agentId).isEqualTo("a-0107");
            assertThat(o.topic).isEqualTo("bill_query");
        });
    }

    @Test
    void usedThenCalledBackIsDecidedAsSoonAsTheCallBackIsSettled() {
        long back = E + 5 * HOUR;
        add(recommending("A", T, SelfServiceChannel.APP), selfServed("U", E + 2 * HOUR, Channel.APP), handled("B", back));
        evaluate(back + MARGIN, back + MARGIN);
        assertThat(outcomeOf("A")).satisfies(o -> {
            assertThat(o.outcome).isEqualTo(RecommendationOutcome.USED_THEN_CALLED_BACK);
            assertThat(o.calledBackContactId).isEqualTo("B");
            assertThat(o.calledBackAt).isEqualTo(back);
            assertThat(o.complete).isTrue();
        });
    }

    @Test
    void aCallBackBeforeAnyUseIsCalledBackWithoutUse() {
        add(recommending("A", T, SelfServiceChannel.SMS_LINK), handled("B", E + HOUR), selfServed("U", E + 3 * HOUR, Channel.WEBCHAT));
        SelfServiceOutcome o = afterTheWindow();
        assertThat(o.outcome).isEqualTo(RecommendationOutcome.CALLED_BACK_WITHOUT_USE);
        assertThat(o.used).as("the link opened the web later").isTrue();
        assertThat(o.calledBack).isTrue();

        journey = new CallerJourney();
        outcomes.clear();
        add(recommending("A", T, SelfServiceChannel.WEB), handled("B", E + HOUR));
        o = afterTheWindow();
        assertThat(o.outcome).isEqualTo(RecommendationOutcome.CALLED_BACK_WITHOUT_USE);
        assertThat(o.used).isFalse();
    }

    @Test
    void anotherTopicOrAContactNoAgentHandledIsNoCallBack() {
        ContactRecord roaming = handled("B", E + HOUR);
        roaming.topic = "roaming_charges";
        add(recommending("A", T, SelfServiceChannel.APP), roaming, abandoned("C", E + 2 * HOUR));
        SelfServiceOutcome o = afterTheWindow();
        assertThat(o.outcome).isEqualTo(RecommendationOutcome.NOT_USED);
        assertThat(o.used).isFalse();
        assertThat(o.calledBack).isFalse();
        assertThat(o.complete).isTrue();
    }

    @Test
    void theUseMustBeOnTheRecommendedPathWithinTheWindow() {
        add(recommending("A", T, SelfServiceChannel.IVR), selfServed("APP", E + HOUR, Channel.APP), selfServed("LATE", E + 73 * HOUR, Channel.VOICE));
        assertThat(afterTheWindow().used).as("the app is not the IVR; 73 h is past the window").isFalse();

        journey = new CallerJourney();
        outcomes.clear();
        add(recommending("A", T, SelfServiceChannel.IVR), selfServed("IVR", E + 71 * HOUR, Channel.VOICE));
        SelfServiceOutcome o = afterTheWindow();
        assertThat(o.outcome).isEqualTo(RecommendationOutcome.SUCCEEDED);
        assertThat(o.usedChannel).isEqualTo("voice");
    }

    @Test
    void aLegWithoutRecommendationHasNoOutcomeRow() {
        add(handled("A", T), selfServed("U", E + HOUR, Channel.APP));
        evaluate(LATER, LATER);
        assertThat(outcomes).isEmpty();
        assertThat(repeats).hasSize(3);
    }

    // ---------------------------------------------------------------- bounds
    @Test
    void aCallerWithMoreContactsThanTheCapKeepsTheNewest() {
        settings = JourneyCase.settings(3, 10);
        for (int i = 0; i < 5; i++) {
            add(abandoned("X" + i, T + i * MIN));
        }
        evaluate(Long.MIN_VALUE, Long.MIN_VALUE);
        assertThat(journey.contacts).extracting(c -> c.contactId).containsExactly("X2", "X3", "X4");
        assertThat(dropped).isEqualTo(2);
    }

    @Test
    void aCallerWithMoreOpenLegsThanTheCapHasTheOldestWrittenAtOnceIncomplete() {
        settings = JourneyCase.settings(10, 2);
        add(handled("A", T), handled("B", T + HOUR), handled("C", T + 2 * HOUR));
        evaluate(T, T);
        assertThat(cutShort).isEqualTo(1);
        assertThat(repeatsOf("A")).hasSize(3).allSatisfy((w, r) -> {
            assertThat(r.complete).isFalse();
            assertThat(r.nextContactId).isEqualTo("B");
        });
        assertThat(journey.open).extracting(l -> l.contactId).containsExactly("B", "C");
    }

    @Test
    void windowsMustBeWholeHoursAndDistinct() {
        assertThatThrownBy(() -> new JourneySettings(List.of(Duration.ofMinutes(90)), Duration.ofHours(72), Duration.ofHours(1), 10, 10))
                .hasMessageContaining("metrics.repeat_windows");
        assertThatThrownBy(() -> new JourneySettings(List.of(Duration.ofHours(24), Duration.ofDays(1)), Duration.ofHours(72), Duration.ofHours(1), 10, 10))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> new JourneySettings(List.of(Duration.ofHours(24)), Duration.ZERO, Duration.ofHours(1), 10, 10))
                .hasMessageContaining("metrics.self_service_window");
    }

    @Test
    void theShippedDefaultsGiveThreeWindowsAndTheLakesLateDataHorizonAsSettleMargin() {
        JourneySettings s = JourneySettings.of(com.callpulse.config.CallPulseConfig.defaults());
        assertThat(s.windowHours).containsExactly(24, 72, 168);
        assertThat(s.selfServiceHours).isEqualTo(72);
        assertThat(s.settleMillis).isEqualTo(MARGIN);
    }

    @Test
    void aContactNoAgentHandledHasNoRows() {
        ContactRecord r = abandoned("A", T);
        r.outcome = ContactOutcome.CALLBACK_REQUESTED;
        add(r);
        evaluate(LATER, LATER);
        assertThat(repeats).isEmpty();
        assertThat(journey.open).isEmpty();
    }
}
