package com.callpulse.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One queue interval, four service levels: 100 offered, 70 answered within T, 10 abandoned within T of which 4
 * within the short-abandon time Ts.
 */
class ServiceLevelVariantTest {
    @Test
    void theFourFormulasDifferOnlyInHowAbandonsCount() {
        assertThat(ServiceLevelVariant.ANSWERED_WITHIN.compute(100, 70, 10, 4)).isEqualTo(0.70);
        assertThat(ServiceLevelVariant.ANSWERED_OR_ABANDONED_WITHIN.compute(100, 70, 10, 4)).isEqualTo(0.80);
        assertThat(ServiceLevelVariant.ABANDONS_WITHIN_IGNORED.compute(100, 70, 10, 4)).isEqualTo(70 / 90.0);
        assertThat(ServiceLevelVariant.SHORT_ABANDONS_IGNORED.compute(100, 70, 10, 4)).isEqualTo(70 / 96.0);
    }

    @Test
    void nothingToCountIsNoServiceLevelNotZeroOrHundredPercent() {
        for (ServiceLevelVariant v : ServiceLevelVariant.values()) {
            assertThat(v.compute(0, 0, 0, 0)).as(v.code()).isNull();
        }
        assertThat(ServiceLevelVariant.ABANDONS_WITHIN_IGNORED.compute(3, 0, 3, 3)).as("every contact abandoned within T").isNull();
    }
}
