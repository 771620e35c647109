package com.callpulse.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrivacyTest {
    private final Pseudonymizer p = new Pseudonymizer("test-secret-0123456789abcdef");
    private final PersonalDataScrubber scrubber = new PersonalDataScrubber(p);

    @Test
    void oneCallerOneKeyWhateverTheFormat() {
        String key = p.pseudonym("cmcc-ah", "13800138000");
        assertThat(key).matches("[0-9a-f]{32}");
        assertThat(p.pseudonym("cmcc-ah", "+86 138 0013 8000")).isEqualTo(key);
        assertThat(p.pseudonym("cmcc-ah", "+8613800138000")).isEqualTo(key);
        assertThat(p.pseudonym("cmcc-ah", "0086-138-0013-8000")).isEqualTo(key);
        assertThat(p.pseudonym("cmcc-ah", "13800138001")).isNotEqualTo(key);
    }

    @Test
    void keysDifferPerTenantAndPerSecret() {
        String key = p.pseudonym("cmcc-ah", "13800138000");
        assertThat(p.pseudonym("mvno-lx", "13800138000")).isNotEqualTo(key);
        assertThat(new Pseudonymizer("another-secret-0123456789").pseudonym("cmcc-ah", "13800138000")).isNotEqualTo(key);
    }

    @Test
    void handlesThatAreNotNumbersAreKeyedAsText() {
        assertThat(p.pseudonym("cmcc-ah", " WX_User42 ")).isEqualTo(p.pseudonym("cmcc-ah", "wx_user42"));
    }

    @Test
    void numbersInFreeTextBecomePseudonyms() {
        String key = p.pseudonym("cmcc-ah", "13912345678");
        assertThat(scrubber.scrubText("cmcc-ah", "请回电 13912345678，谢谢")).isEqualTo("请回电 [phone:" + key + "]，谢谢");
        assertThat(scrubber.scrubText("cmcc-ah", "call me on +86 139 1234 5678 or 0551-65123456"))
                .isEqualTo("call me on [phone:" + key + "] or [phone:" + p.pseudonym("cmcc-ah", "0551-65123456") + "]");
        assertThat(scrubber.scrubText("roam-eu", "ring +49 151 2345 6789 please")).doesNotContain("2345").contains("[phone:");
        assertThat(scrubber.scrubText("roam-eu", "or 0049 151 23456789")).isEqualTo("or [phone:" + p.pseudonym("roam-eu", "0049 151 23456789") + "]");
        assertThat(scrubber.scrubText("cmcc-ah", "座机 0551 65123456 或 055165123456"))
                .isEqualTo("座机 [phone:" + p.pseudonym("cmcc-ah", "0551 65123456") + "] 或 [phone:" + p.pseudonym("cmcc-ah", "055165123456") + "]");
    }

    @Test
    void idsAndTimestampsAreLeftAlone() {
        String text = "{\"event_id\":\"ce-20261120-000123\",\"occurred_at\":\"2026-11-20T09:15:02.120+08:00\",\"wait_seconds\":17,\"contact_id\":\"c1763600000000\"}";
        assertThat(scrubber.scrubText("cmcc-ah", text)).isEqualTo(text);
    }

    @Test
    void rawRecordsLoseEvenTruncatedNumbers() {
        String truncated = "{\"event_id\":\"e1\",\"caller_number\":\"1380013";
        String scrubbed = scrubber.scrubRaw("cmcc-ah", truncated);
        assertThat(scrubbed).doesNotContain("1380013").startsWith("{\"event_id\":\"e1\",\"caller_number\":\"[phone:");
        assertThat(scrubber.scrubRaw(null, "{\"caller_number\":\"13800138000\",\"x\":1}"))
                .isEqualTo("{\"caller_number\":\"[phone:" + p.pseudonym(null, "13800138000") + "]\",\"x\":1}");
    }
}
