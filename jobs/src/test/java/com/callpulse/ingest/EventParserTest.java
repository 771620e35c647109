package com.callpulse.ingest;

import com.callpulse.model.Channel;
import com.callpulse.model.ContactEvent;
import com.callpulse.model.ContactEventType;
import com.callpulse.model.QuarantineReason;
import com.callpulse.model.Stream;
import com.callpulse.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EventParserTest {
    private final EventParser parser = new EventParser(Set.of("cmcc-ah"), 1, 4096, java.time.Duration.ofDays(1).toMillis(), () -> Fixtures.NOW);

    private static final String GOOD = "{\"event_id\":\"e1\",\"tenant_id\":\"cmcc-ah\",\"occurred_at\":\"2026-11-20T09:00:00.250+08:00\","
            + "\"schema_version\":1,\"contact_id\":\"c1\",\"event_type\":\"answered\",\"channel\":\"voice\",\"queue_id\":\"general\","
            + "\"agent_id\":\"a1\",\"wait_seconds\":17,\"some_future_field\":{\"x\":[1,2]}}";

    private Ingested parse(String json) {
        return parser.parse(Stream.CONTACT_EVENTS, json, "f.jsonl", 7);
    }

    @Test
    void aGoodEventBecomesItsPojoAndUnknownFieldsAreIgnored() {
        Ingested r = parse(GOOD);
        assertThat(r.isRefused()).as(String.valueOf(r)).isFalse();
        ContactEvent e = r.contactEvent;
        assertThat(e.eventId).isEqualTo("e1");
        assertThat(e.occurredAt).isEqualTo(Fixtures.T0 + 250);
        assertThat(e.eventType).isEqualTo(ContactEventType.ANSWERED);
        assertThat(e.channel).isEqualTo(Channel.VOICE);
        assertThat(e.waitSeconds).isEqualTo(17);
        assertThat(r.eventTime).isEqualTo(e.occurredAt);
        assertThat(r.origin).isEqualTo("f.jsonl");
        assertThat(r.position).isEqualTo(7);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "truncated             | {\"event_id\":\"e1\",\"tenant_id\":\"cmc                                       | malformed_json",
            "array                 | [1,2]                                                                        | malformed_json",
            "trailing garbage      | " + "{\"a\":1} x                                                             | malformed_json",
            "missing contact_id    | ~contact_id                                                                  | missing_field",
            "missing tenant_id     | ~tenant_id                                                                   | missing_field",
            "empty tenant_id       | tenant_id=\"\"                                                               | missing_field",
            "null required         | contact_id=null                                                              | missing_field",
            "empty required        | contact_id=\"\"                                                              | missing_field",
            "number as string      | wait_seconds=\"17\"                                                          | wrong_type",
            "string as number      | queue_id=5                                                                   | wrong_type",
            "decimal for integer   | wait_seconds=1.5                                                             | wrong_type",
            "unknown channel       | channel=\"fax\"                                                              | unknown_code",
            "upper-case code       | channel=\"VOICE\"                                                            | unknown_code",
            "no offset             | occurred_at=\"2026-11-20T09:00:00\"                                          | bad_timestamp",
            "impossible date       | occurred_at=\"2026-02-30T09:00:00Z\"                                         | bad_timestamp",
            "negative wait         | wait_seconds=-3                                                              | out_of_range",
            "huge wait             | wait_seconds=99999999999                                                     | out_of_range",
            "unknown tenant        | tenant_id=\"acme\"                                                           | unknown_tenant",
            "next schema version   | schema_version=2                                                             | unsupported_schema_version",
            "answered, no agent    | ~agent_id                                                                    | missing_field",
    })
    void eachFaultHasItsReason(String name, String change, String reason) {
        String json = change.startsWith("{") || change.startsWith("[") ? change : modify(GOOD, change);
        Ingested r = parse(json);
        assertThat(r.isRefused()).as(json).isTrue();
        assertThat(r.reason.code()).as(r.detail).isEqualTo(reason);
        assertThat(r.raw).isEqualTo(json);
        assertThat(r.detail).isNotBlank();
    }

    @Test
    void theFirstFaultInPriorityOrderIsReported() {
        // malformed beats a bad field; a bad field beats a missing one; the schema version beats the fields
        assertThat(parse("{\"channel\":\"fax\",").reason).isEqualTo(QuarantineReason.MALFORMED_JSON);
        assertThat(parse(modify(modify(GOOD, "~contact_id"), "channel=\"fax\"")).reason).isEqualTo(QuarantineReason.UNKNOWN_CODE);
        assertThat(parse(modify(modify(GOOD, "schema_version=2"), "channel=\"fax\"")).reason).isEqualTo(QuarantineReason.UNSUPPORTED_SCHEMA_VERSION);
    }

    @Test
    void aRefusedRecordKeepsWhatCouldBeRead() {
        Ingested r = parse(modify(GOOD, "channel=\"fax\""));
        assertThat(r.eventId).isEqualTo("e1");
        assertThat(r.tenantId).isEqualTo("cmcc-ah");
        assertThat(r.eventTime).isEqualTo(Fixtures.T0 + 250);
        assertThat(r.detail).isEqualTo("field 'channel' has unknown code 'fax' (expected one of voice, webchat, wechat, weibo, email, sms, app)");
        Ingested unknownTenant = parse(modify(GOOD, "tenant_id=\"acme\""));
        assertThat(unknownTenant.tenantId).as("an unconfigured tenant is not trusted as a partition").isNull();
    }

    @Test
    void theEnvelopeIsReadEvenAfterABadField() {
        // the bad field comes first: the schema version, the tenant and the time that follow are still read
        String json = "{\"channel\":\"fax\",\"event_id\":\"e7\",\"contact_id\":\"c1\",\"event_type\":\"arrived\",\"tenant_id\":\"cmcc-ah\","
                + "\"occurred_at\":\"2026-11-20T09:00:00+08:00\",\"schema_version\":1}";
        Ingested r = parse(json);
        assertThat(r.reason).isEqualTo(QuarantineReason.UNKNOWN_CODE);
        assertThat(r.tenantId).isEqualTo("cmcc-ah");
        assertThat(r.eventId).isEqualTo("e7");
        assertThat(r.eventTime).isEqualTo(Fixtures.T0);
        assertThat(parse(json.replace("\"schema_version\":1", "\"schema_version\":2")).reason).isEqualTo(QuarantineReason.UNSUPPORTED_SCHEMA_VERSION);
    }

    @Test
    void aFieldGivenTwiceIsMalformed() {
        Ingested r = parse(GOOD.replace("\"tenant_id\":\"cmcc-ah\"", "\"tenant_id\":\"cmcc-ah\",\"tenant_id\":\"mvno-lx\""));
        assertThat(r.reason).isEqualTo(QuarantineReason.MALFORMED_JSON);
        assertThat(r.detail).contains("Duplicate field 'tenant_id'");
    }

    @Test
    void anEventFromTheFutureIsABadTimestamp() {
        // the parser's clock says 2026-11-22T00:00Z; a day ahead is tolerated, more is a producer's wrong clock
        assertThat(parse(modify(GOOD, "occurred_at=\"2026-11-22T23:00:00Z\"")).isRefused()).isFalse();
        Ingested r = parse(modify(GOOD, "occurred_at=\"2099-01-01T00:00:00Z\""));
        assertThat(r.reason).isEqualTo(QuarantineReason.BAD_TIMESTAMP);
        assertThat(r.detail).contains("more than 1 day(s) in the future");
        assertThat(r.eventTime).as("an impossible time is not kept as the record's time").isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void oversizedRecordsAreRefusedWithTheirStartOnly() {
        String big = GOOD.replace("\"a1\"", "\"" + "x".repeat(5000) + "\"");
        Ingested r = parse(big);
        assertThat(r.reason).isEqualTo(QuarantineReason.TOO_LARGE);
        assertThat(r.detail).isEqualTo("record has " + big.length() + " bytes, the limit is 4096");
    }

    /** {@code ~field} removes a field; {@code field=json} sets it (adding it when absent). */
    static String modify(String json, String change) {
        if (change.startsWith("~")) {
            String f = change.substring(1);
            return json.replaceAll(",?\"" + f + "\":(\"[^\"]*\"|[^,}]*)", "");
        }
        int eq = change.indexOf('=');
        String f = change.substring(0, eq);
        String v = change.substring(eq + 1);
        String replaced = json.replaceAll("\"" + f + "\":(\"[^\"]*\"|[^,}]*)", java.util.regex.Matcher.quoteReplacement("\"" + f + "\":" + v));
        return replaced.equals(json) && !json.contains("\"" + f + "\":") ? json.substring(0, json.length() - 1) + ",\"" + f + "\":" + v + "}" : replaced;
    }
}
