package com.callpulse.dashboards.testing;

import com.callpulse.dashboards.lake.LakeCatalog;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class SampleLakeTest {
    @Test
    void theSampleDaysLakeHasEveryMetricTable() throws Exception {
        try (LakeCatalog c = LakeCatalog.open(SampleLake.get()); Statement st = c.connection().createStatement()) {
            assertThat(c.tables()).contains("queue_intervals", "agent_intervals", "topic_alerts", "complaint_outcomes", "satisfaction_intervals");
            try (ResultSet rs = st.executeQuery("SELECT sum(offered) FROM queue_intervals WHERE tenant = 'cmcc-ah' AND date = '" + SampleLake.DATE + "'")) {
                rs.next();
                assertThat(rs.getLong(1)).isGreaterThan(5_000);
            }
        }
    }
}
