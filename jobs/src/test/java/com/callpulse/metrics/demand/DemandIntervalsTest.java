package com.callpulse.metrics.demand;

import com.callpulse.model.ContactOutcome;
import com.callpulse.model.ContactRecord;
import com.callpulse.model.DemandCategory;
import com.callpulse.model.SelfServiceChannel;
import com.callpulse.testing.Fixtures;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** Each contact counts once, whatever its outcome; new-business demand keeps its product. */
class DemandIntervalsTest {
    private final DemandIntervals metric = new DemandIntervals();

    @Test
    void aContactCountsOnceByItsFirstLeg() {
        ContactRecord first = Fixtures.contactRecord("r1", T0, "c1");
        ContactRecord second = Fixtures.contactRecord("r2", T0 + 60_000, "c1");
        second.leg = 2;
        assertThat(metric.key(first)).isNotNull();
        assertThat(metric.key(second)).as("a transfer adds a leg, not demand").isNull();
    }

    @Test
    void newBusinessDemandIsItemizedByProductAndOtherDemandIsNot() {
        ContactRecord order = Fixtures.contactRecord("r1", T0, "c1");
        order.demandCategory = DemandCategory.NEW_BUSINESS;
        order.subTopic = "fttr_broadband";
        ContactRecord question = Fixtures.contactRecord("r2", T0, "c2");
        question.demandCategory = DemandCategory.BILLING_INQUIRY;
        question.subTopic = "fttr_broadband";
        assertThat(metric.newRow(order, T0, "2026-11-20", Fixtures.config()).newBusinessItem).isEqualTo("fttr_broadband");
        assertThat(metric.newRow(question, T0, "2026-11-20", Fixtures.config()).newBusinessItem).isNull();
        assertThat(metric.key(order)).isNotEqualTo(metric.key(question));
    }

    @Test
    void outcomesSplitTheContactsAndHandledOnesCarryTheirHandleTime() {
        DemandInterval row = new DemandInterval();
        ContactRecord handled = Fixtures.contactRecord("r1", T0, "c1");
        handled.resolvedOnContact = true;
        handled.selfServiceRecommended = SelfServiceChannel.APP;
        handled.holdSeconds = 10;
        ContactRecord selfServed = Fixtures.contactRecord("r2", T0, "c2");
        selfServed.outcome = ContactOutcome.SELF_SERVED;
        ContactRecord callback = Fixtures.contactRecord("r3", T0, "c3");
        callback.outcome = ContactOutcome.CALLBACK_REQUESTED;
        for (ContactRecord r : new ContactRecord[] {handled, selfServed, callback}) {
            metric.add(r, t -> row);
        }
        row.complete();
        assertThat(row.contacts).isEqualTo(3);
        assertThat(row.handled + row.selfServed + row.abandoned + row.otherOutcome).isEqualTo(row.contacts);
        assertThat(row.handleSeconds).isEqualTo(250 + 10 + 40);
        assertThat(row.selfServiceRecommended).isEqualTo(1);
        assertThat(row.resolutionRate).isEqualTo(1.0);
        assertThat(row.selfServiceRate).isEqualTo(1 / 3.0);
        PojoTestUtils.assertSerializedAsPojo(DemandInterval.class);
    }
}
