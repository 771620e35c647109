package com.callpulse.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallPulseConfigTest {
    @TempDir
    Path dir;

    @Test
    void theShippedDefaultsLoad() {
        CallPulseConfig c = CallPulseConfig.defaults();
        assertThat(c.tenantsById().keySet()).containsExactly("cmcc-ah", "mvno-lx", "roam-eu");
        assertThat(c.tenant("roam-eu").timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(c.ingest().maxOutOfOrderness()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.ingest().dedupHorizonMillis()).isEqualTo(Duration.ofMinutes(60).plusSeconds(30).toMillis());
        assertThat(c.kafka().topic(com.callpulse.model.Stream.CONTACT_EVENTS)).isEqualTo("callpulse.contact-events");
        assertThat(c.privacy().isDemoSecret()).isTrue();
        assertThat(c.privacy().toString()).doesNotContain(PrivacyConfig.DEMO_SECRET);
    }

    @Test
    void aFileOverridesKeyByKeyAndTheEnvironmentOverridesTheSecret() throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "tenants:\n  - id: solo\n    time_zone: America/New_York\ningest:\n  allowed_lateness: PT2H\nlake:\n  compression: zstd\n");
        CallPulseConfig c = CallPulseConfig.load(f, Map.of(CallPulseConfig.SECRET_ENV, "a-real-secret-of-enough-length"));
        assertThat(c.tenantsById().keySet()).containsExactly("solo");
        assertThat(c.tenant("solo").name()).isEqualTo("solo");
        assertThat(c.ingest().allowedLateness()).isEqualTo(Duration.ofHours(2));
        assertThat(c.ingest().maxOutOfOrderness()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.lake().compression()).isEqualTo("ZSTD");
        assertThat(c.privacy().pseudonymSecret()).isEqualTo("a-real-secret-of-enough-length");
    }

    @Test
    void mistakesAreRefusedWithTheKeyNamed() throws Exception {
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, "ingest:\n  allowed_latenes: PT2H\n");
        assertThatThrownBy(() -> CallPulseConfig.load(typo, Map.of())).hasMessageContaining("allowed_latenes");

        Path badTenant = dir.resolve("tenant.yaml");
        Files.writeString(badTenant, "tenants:\n  - id: ../etc\n    time_zone: UTC\n");
        assertThatThrownBy(() -> CallPulseConfig.load(badTenant, Map.of())).hasMessageContaining("must match");

        Path badCodec = dir.resolve("codec.yaml");
        Files.writeString(badCodec, "lake:\n  compression: lzma\n");
        assertThatThrownBy(() -> CallPulseConfig.load(badCodec, Map.of())).hasMessageContaining("lake.compression");
    }
}
