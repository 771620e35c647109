package com.callpulse.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PrivacyTest {
    private final Pseudonymizer p = new Pseudonymizer("test-secret-0123456789abcdef");
    private final PersonalDataScrubber scrubber = new PersonalDataScrubber(p);
    private final String key = p.pseudonym("cmcc-ah", "13800138000");

    @Test
    void oneCallerOneKeyWhateverTheFormat() {
        assertThat(key).matches("[0-9a-f]{32}");
        for (String written : new String[] {"+86 138 0013 8000", "+8613800138000", "0086-138-0013-8000", "8613800138000", "138.0013.8000",
                "tel:13800138000", "(138) 0013 8000"}) {
            assertThat(p.pseudonym("cmcc-ah", written)).as(written).isEqualTo(key);
        }
        assertThat(p.pseudonym("cmcc-ah", "13800138001")).isNotEqualTo(key);
        assertThat(p.pseudonym("cmcc-ah", "(0551) 65123456")).isEqualTo(p.pseudonym("cmcc-ah", "0551-65123456"));
    }

    @Test
    void keysDifferPerTenantAndPerSecret() {
        assertThat(p.pseudonym("mvno-lx", "13800138000")).isNotEqualTo(key);
        assertThat(new Pseudonymizer("another-secret-0123456789").pseudonym("cmcc-ah", "13800138000")).isNotEqualTo(key);
    }

    @Test
    void handlesThatAreNotNumbersAreKeyedAsText() {
        assertThat(p.pseudonym("cmcc-ah", " WX_User42 ")).isEqualTo(p.pseudonym("cmcc-ah", "wx_user42"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"请回电 13800138000，谢谢", "call +86 138 0013 8000", "8613800138000 please", "(138) 0013 8000", "138.0013.8000",
            "tel13800138000", "１３８００１３８０００", "138 00 13 80 00", "+86 (138) 0013 8000", "号码:13800138000。"})
    void everyWayOfWritingANumberInFreeTextBecomesAPseudonym(String text) {
        String scrubbed = scrubber.scrubFreeText("cmcc-ah", text);
        assertThat(scrubbed.replaceAll("\\[phone:[0-9a-f]{32}]", "")).as(scrubbed).doesNotContainPattern("\\d{3}");
        assertThat(scrubbed).contains("[phone:" + key + "]");
    }

    @Test
    void landlinesAndForeignNumbersInFreeTextToo() {
        assertThat(scrubber.scrubFreeText("cmcc-ah", "座机 0551 65123456、055165123456、(0551) 65123456"))
                .isEqualTo("座机 %1$s、%1$s、%1$s".formatted("[phone:" + p.pseudonym("cmcc-ah", "0551-65123456") + "]"));
        assertThat(scrubber.scrubFreeText("roam-eu", "ring +49 151 2345 6789 or 0049 151 23456789").replaceAll("\\[phone:[0-9a-f]{32}]", ""))
                .isEqualTo("ring  or ");
    }

    @Test
    void datesAmountsAndShortNumbersInFreeTextStay() {
        String text = "on 2026-11-20 at 09:15 I paid 128.50 yuan, order 4471, waited 20 min (2026/11/20)";
        assertThat(scrubber.scrubFreeText("cmcc-ah", text)).isEqualTo(text);
    }

    @Test
    void machineTextKeepsIdsAndTimestamps() {
        String text = "{\"event_id\":\"ce-20261120-000123\",\"occurred_at\":\"2026-11-20T09:15:02.120+08:00\",\"wait_seconds\":17,\"contact_id\":\"c1763600000000\"}";
        assertThat(scrubber.scrubNumbers("cmcc-ah", text)).isEqualTo(text);
        assertThat(scrubber.scrubRaw("cmcc-ah", text)).isEqualTo(text);
        assertThat(scrubber.scrubNumbers("cmcc-ah", "field 'channel' has unknown code '13800138000'")).isEqualTo("field 'channel' has unknown code '[phone:" + key + "]'");
    }

    @Test
    void rawRecordsLoseTheirNumbersWhateverTheyLookLike() {
        assertThat(scrubber.scrubRaw("cmcc-ah", "{\"event_id\":\"e1\",\"caller_number\":\"1380013"))
                .doesNotContain("1380013").startsWith("{\"event_id\":\"e1\",\"caller_number\":\"[phone:");
        assertThat(scrubber.scrubRaw("cmcc-ah", "{\"caller_number\":8613800138000,\"x\":1}")).isEqualTo("{\"caller_number\":\"[phone:" + key + "]\",\"x\":1}");
        assertThat(scrubber.scrubRaw("cmcc-ah", "{\"caller_number\":\"\\u0031\\u00338\\u00300138000\"}")).isEqualTo("{\"caller_number\":\"[phone:" + key + "]\"}");
        assertThat(scrubber.scrubRaw("cmcc-ah", "{\"comment\":\"call me: 138.0013.8000\",\"csat\":\"x\"}"))
                .isEqualTo("{\"comment\":\"call me: [phone:" + key + "]\",\"csat\":\"x\"}");
        assertThat(scrubber.scrubRaw(null, "{\"region\":\"13800138000\"}")).isEqualTo("{\"region\":\"[phone:" + p.pseudonym(null, "13800138000") + "]\"}");
    }
}
