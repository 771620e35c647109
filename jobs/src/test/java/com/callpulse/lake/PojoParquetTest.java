package com.callpulse.lake;

import com.callpulse.model.AgentState;
import com.callpulse.model.AgentStateEvent;
import com.callpulse.model.ContactRecord;
import com.callpulse.testing.Fixtures;
import com.callpulse.testing.Lake;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.callpulse.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

class PojoParquetTest {
    @TempDir
    java.nio.file.Path dir;

    private <T> void write(String table, Class<T> type, List<T> rows) throws Exception {
        java.nio.file.Path file = dir.resolve(table).resolve("tenant=cmcc-ah").resolve("date=2026-11-20").resolve("part-0.parquet");
        java.nio.file.Files.createDirectories(file.getParent());
        Path p = new Path(file.toUri());
        try (FSDataOutputStream out = p.getFileSystem().create(p, FileSystem.WriteMode.NO_OVERWRITE)) {
            BulkWriter<T> w = PojoParquet.writerFactory(type, "ZSTD").create(out);
            for (T r : rows) {
                w.addElement(r);
            }
            w.finish();
        }
    }

    @Test
    void columnsHaveTheTypesAnalystsExpectAndPersonalFieldsAreNotWritten() throws Exception {
        ContactRecord r = Fixtures.contactRecord("cr-1", T0, "c-1");
        r.callerKey = "0123456789abcdef0123456789abcdef";
        ContactRecord sparse = Fixtures.contactRecord("cr-2", T0, "c-2");
        sparse.answeredAt = null;
        sparse.talkSeconds = null;
        sparse.topic = null;
        write("contact_records", ContactRecord.class, List.of(r, sparse));
        try (Lake l = new Lake(dir)) {
            Map<String, String> types = new java.util.LinkedHashMap<>();
            for (Map<String, Object> row : l.rows("DESCRIBE SELECT * FROM " + l.table("contact_records"))) {
                types.put((String) row.get("column_name"), (String) row.get("column_type"));
            }
            assertThat(types).containsEntry("event_id", "VARCHAR").containsEntry("occurred_at", "TIMESTAMP WITH TIME ZONE")
                    .containsEntry("leg", "INTEGER").containsEntry("channel", "VARCHAR").containsEntry("remote_seat", "BOOLEAN")
                    .containsEntry("answered_at", "TIMESTAMP WITH TIME ZONE").containsEntry("caller_key", "VARCHAR")
                    .containsEntry("tenant", "VARCHAR").containsEntry("date", "DATE");
            assertThat(types).doesNotContainKey("caller_number");

            List<Map<String, Object>> rows = l.rows("SELECT event_id, epoch_ms(answered_at) AS answered, talk_seconds, channel, caller_key FROM "
                    + l.table("contact_records") + " ORDER BY event_id");
            assertThat(rows.get(0)).containsEntry("answered", T0 - 260_000).containsEntry("talk_seconds", 250).containsEntry("channel", "voice")
                    .containsEntry("caller_key", r.callerKey);
            assertThat(rows.get(1)).containsEntry("answered", null).containsEntry("talk_seconds", null);
            assertThat(l.scalarLong("SELECT epoch_ms(occurred_at) FROM " + l.table("contact_records") + " WHERE event_id = 'cr-1'"))
                    .isEqualTo(Instant.ofEpochMilli(T0 + 40_000).toEpochMilli());
        }
    }

    @Test
    void stringArraysAreLists() throws Exception {
        AgentStateEvent a = Fixtures.agentState("as-1", T0, "a-1", AgentState.READY);
        AgentStateEvent none = Fixtures.agentState("as-2", T0, "a-2", AgentState.LOGOUT);
        none.skills = new String[0];
        AgentStateEvent absent = Fixtures.agentState("as-3", T0, "a-3", AgentState.LOGOUT);
        absent.skills = null;
        write("agent_state_events", AgentStateEvent.class, List.of(a, none, absent));
        try (Lake l = new Lake(dir)) {
            assertThat(l.strings("SELECT CAST(skills AS VARCHAR) FROM " + l.table("agent_state_events") + " ORDER BY event_id"))
                    .containsExactly("[general, billing]", "[]", null);
            assertThat(l.scalarLong("SELECT count(*) FROM " + l.table("agent_state_events") + " WHERE list_contains(skills, 'billing')")).isEqualTo(1);
        }
    }
}
