package com.callpulse.dashboards.lake;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class LakeCatalogTest {
    @TempDir
    Path lake;

    @Test
    void everyTableWithCommittedFilesBecomesAViewWithItsPartitions() throws Exception {
        Path part = lake.resolve("contact_records/tenant=cmcc-ah/date=2026-11-20");
        Files.createDirectories(part);
        Files.createDirectories(lake.resolve("_runs"));
        Files.createDirectories(lake.resolve("empty_table/tenant=x/date=2026-11-20"));
        try (var c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT 'e' || i AS event_id, 'voice' AS channel FROM range(3) t(i)) TO '" + part.resolve("part-1.parquet") + "' (FORMAT parquet)");
        }
        try (LakeCatalog catalog = LakeCatalog.open(lake); Statement st = catalog.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT tenant, CAST(date AS VARCHAR), count(*) FROM contact_records GROUP BY ALL")) {
            assertThat(catalog.tables()).containsExactly("contact_records");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("cmcc-ah");
            assertThat(rs.getString(2)).isEqualTo("2026-11-20");
            assertThat(rs.getLong(3)).isEqualTo(3);
        }
    }

    @Test
    void theTextTableAlignsNumbersRight() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT 'voice' AS channel, 12345::BIGINT AS contacts UNION ALL SELECT 'sms', 7 ORDER BY 2 DESC")) {
            assertThat(TextTable.render(rs, 10)).isEqualTo(
                    "channel  contacts\n-------  --------\nvoice      12,345\nsms             7\n");
        }
    }
}
