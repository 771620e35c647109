package com.callpulse.dashboards;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RunCheckTest {
    @TempDir
    Path dir;

    private static final String MANIFEST = "{\"streams\":{\"contact_events\":{\"lines\":10,\"accepted\":7,\"late_kept\":1,\"duplicates\":1,"
            + "\"rejected\":2,\"rejected_by_reason\":{\"malformed_json\":2}}}}";

    private String check(String run) throws Exception {
        Files.createDirectories(dir.resolve("lake/_runs"));
        Files.writeString(dir.resolve("lake/_runs/r1.json"), run);
        Files.writeString(dir.resolve("manifest.json"), MANIFEST);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean ok = RunCheck.matches(dir.resolve("lake"), dir.resolve("manifest.json"), new PrintStream(out, true, StandardCharsets.UTF_8));
        return (ok ? "OK " : "NO ") + out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRunThatReachedEveryPlannedOutcomeMatches() throws Exception {
        assertThat(check("{\"status\":\"complete\",\"balanced\":true,\"streams\":{\"contact_events\":{\"read\":10,\"accepted\":7,\"duplicates\":1,"
                + "\"rejected\":2,\"late_kept\":1,\"rejected_by_reason\":{\"malformed_json\":2}}}}"))
                .startsWith("OK Checked against manifest.json: all 10 lines");
    }

    @Test
    void anyDifferenceIsNamed() throws Exception {
        assertThat(check("{\"status\":\"complete\",\"balanced\":true,\"streams\":{\"contact_events\":{\"read\":10,\"accepted\":8,\"duplicates\":0,"
                + "\"rejected\":2,\"late_kept\":1,\"rejected_by_reason\":{\"malformed_json\":2}}}}"))
                .startsWith("NO ").contains("contact_events: accepted 8, expected 7", "contact_events: duplicates 0, expected 1", "does NOT match");
        assertThat(check("{\"status\":\"running\",\"balanced\":true,\"streams\":{\"contact_events\":{\"read\":10,\"accepted\":7,\"duplicates\":1,"
                + "\"rejected\":2,\"late_kept\":1,\"rejected_by_reason\":{\"malformed_json\":2}}}}")).startsWith("NO ");
    }
}
