package com.callpulse.metrics.marketing;

import com.callpulse.model.ContactRecord;
import com.callpulse.model.OfferFlowType;
import com.callpulse.model.OfferOutcome;
import com.callpulse.testing.Fixtures;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** Offers by product and flow type, and their conversion. */
class MarketingIntervalsTest {
    private final MarketingIntervals metric = new MarketingIntervals();

    private static ContactRecord offer(String id, OfferOutcome outcome) {
        ContactRecord r = Fixtures.contactRecord(id, T0, "c-" + id);
        r.offerProduct = "fttr_broadband";
        r.offerFlowType = OfferFlowType.APPOINTMENT;
        r.offerOutcome = outcome;
        return r;
    }

    @Test
    void onlyLegsWithAnOfferCount() {
        assertThat(metric.key(Fixtures.contactRecord("r1", T0, "c1"))).isNull();
        assertThat(metric.key(offer("r2", OfferOutcome.ACCEPTED))).contains("fttr_broadband").contains("appointment");
    }

    @Test
    void conversionIsAcceptedOverOffers() {
        MarketingInterval row = metric.newRow(offer("x", OfferOutcome.ACCEPTED), T0, "2026-11-20", Fixtures.config());
        metric.add(offer("r1", OfferOutcome.ACCEPTED), t -> row);
        metric.add(offer("r2", OfferOutcome.DECLINED), t -> row);
        metric.add(offer("r3", OfferOutcome.UNDECIDED), t -> row);
        metric.add(offer("r4", OfferOutcome.DECLINED), t -> row);
        row.complete();
        assertThat(row.offerFlowType).isEqualTo("appointment");
        assertThat(row.offers).isEqualTo(4);
        assertThat(row.accepted).isEqualTo(1);
        assertThat(row.declined).isEqualTo(2);
        assertThat(row.undecided).isEqualTo(1);
        assertThat(row.conversionRate).isEqualTo(0.25);
        PojoTestUtils.assertSerializedAsPojo(MarketingInterval.class);
    }
}
