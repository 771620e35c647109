package com.callpulse.dashboards.wallboard;

import com.callpulse.dashboards.config.DashboardsConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static com.callpulse.dashboards.wallboard.LiveMessages.AS_OF;
import static com.callpulse.dashboards.wallboard.WallboardState.Kind.AGENTS;
import static com.callpulse.dashboards.wallboard.WallboardState.Kind.ALERTS;
import static com.callpulse.dashboards.wallboard.WallboardState.Kind.CONTACTS;
import static com.callpulse.dashboards.wallboard.WallboardState.Kind.QUEUE_STATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The feed's state as the consumer fills it: messages in, per-tenant snapshots out; and the thresholds. */
class WallboardStateTest {
    static final DashboardsConfig CONFIG = DashboardsConfig.defaults();
    static final List<String> TENANTS = List.of("cmcc-ah", "mvno-lx", "roam-eu");

    static WallboardState state() {
        return new WallboardState(CONFIG.tenants(), Thresholds.parse(CONFIG.section("wallboard").path("thresholds"), TENANTS));
    }

    @Test
    void theLastQueueStateMessageOfAKeyIsTheQueuesStateAndEachTenantSeesOnlyItsOwn() {
        WallboardState s = state();
        assertThat(s.apply(QUEUE_STATE, "cmcc-ah|general", LiveMessages.queueState("cmcc-ah", "general", 4, AS_OF - 31_000, 0.72, 15.35, 0.07, 208))).isNotNull();
        s.apply(QUEUE_STATE, "cmcc-ah|general", LiveMessages.queueState("cmcc-ah", "general", 6, AS_OF - 40_000, 0.70, 16.0, 0.08, 210));
        s.apply(QUEUE_STATE, "cmcc-ah|billing", LiveMessages.queueState("cmcc-ah", "billing", 0, 0, 0.95, 5.0, 0.0, 50));
        s.apply(QUEUE_STATE, "mvno-lx|general", LiveMessages.queueState("mvno-lx", "general", 1, AS_OF - 5_000, 0.9, 8.0, 0.01, 12));

        JsonNode ah = s.snapshot(Set.of("cmcc-ah")).path("tenants");
        assertThat(ah.size()).isEqualTo(1);
        assertThat(ah.path("cmcc-ah").path("queues").findValuesAsText("queue_id")).containsExactly("billing", "general");
        JsonNode general = ah.path("cmcc-ah").path("queues").get(1);
        assertThat(general.path("total").path("waiting").asInt()).isEqualTo(6);
        assertThat(general.path("total").path("today").path("offered").asInt()).isEqualTo(210);
        assertThat(s.snapshot(Set.of("mvno-lx")).path("tenants").path("mvno-lx").path("queues").findValuesAsText("queue_id")).containsExactly("general");
        assertThat(s.snapshot(Set.of("mvno-lx")).toString()).doesNotContain("cmcc-ah");
        assertThat(s.snapshot(TENANTS).path("tenants").size()).isEqualTo(3);
    }

    @Test
    void otherVersionsUnknownTenantsAndGarbageChangeNothing() {
        WallboardState s = state();
        assertThat(s.apply(QUEUE_STATE, "cmcc-ah|general", LiveMessages.queueState("cmcc-ah", "general", 4, AS_OF, 0.7, 1, 0, 1).replace("\"version\": 1", "\"version\": 2"))).isNull();
        assertThat(s.apply(QUEUE_STATE, "evil|general", LiveMessages.queueState("evil", "general", 4, AS_OF, 0.7, 1, 0, 1))).isNull();
        assertThat(s.apply(ALERTS, "cmcc-ah|x", "not json {")).isNull();
        assertThat(s.apply(AGENTS, "cmcc-ah|a-1", LiveMessages.queueState("cmcc-ah", "general", 4, AS_OF, 0.7, 1, 0, 1))).as("a queue state on the agents topic").isNull();
        assertThat(s.ignored()).isEqualTo(4);
        assertThat(s.applied()).isZero();
        assertThat(s.snapshot(TENANTS).path("tenants").path("cmcc-ah").path("queues").size()).isZero();
    }

    @Test
    void aLoggedOutAgentOrATombstoneLeavesTheBoard() {
        WallboardState s = state();
        s.apply(AGENTS, "cmcc-ah|a-1", LiveMessages.agent("cmcc-ah", "a-1", "ready", null, AS_OF, "general"));
        s.apply(AGENTS, "cmcc-ah|a-2", LiveMessages.agent("cmcc-ah", "a-2", "not_ready", "break", AS_OF, "general", "billing"));
        s.apply(AGENTS, "cmcc-ah|a-3", LiveMessages.agent("cmcc-ah", "a-3", "on_contact", null, AS_OF, "billing"));
        assertThat(s.snapshot(TENANTS).path("tenants").path("cmcc-ah").path("agents").findValuesAsText("agent_id")).containsExactly("a-1", "a-2", "a-3");

        WallboardState.Change out = s.apply(AGENTS, "cmcc-ah|a-2", LiveMessages.agent("cmcc-ah", "a-2", "logged_out", null, AS_OF + 60_000));
        assertThat(out.message().path("state").asText()).as("pushed so that screens remove it too").isEqualTo("logged_out");
        WallboardState.Change tomb = s.apply(AGENTS, "cmcc-ah|a-3", null);
        assertThat(tomb.message().path("agent_id").asText()).isEqualTo("a-3");
        assertThat(tomb.message().path("state").asText()).isEqualTo("logged_out");
        assertThat(s.apply(AGENTS, "cmcc-ah|never-seen", null)).isNull();
        JsonNode agents = s.snapshot(TENANTS).path("tenants").path("cmcc-ah").path("agents");
        assertThat(agents.findValuesAsText("agent_id")).containsExactly("a-1");
        assertThat(agents.get(0).path("state").asText()).isEqualTo("ready");
    }

    @Test
    void alertsAreRaisedClearedKeepingTheirExplanationAndWithdrawn() {
        WallboardState s = state();
        s.apply(ALERTS, "cmcc-ah|topic_surge:broadband_outage:1", LiveMessages.surge("cmcc-ah", "topic_surge:broadband_outage:1", "raised", AS_OF));
        s.apply(ALERTS, "cmcc-ah|complaint_escalation:CP1-L2", LiveMessages.escalation("cmcc-ah", "CP1", "raised", AS_OF));
        s.apply(ALERTS, "mvno-lx|complaint_escalation:CP9-L2", LiveMessages.escalation("mvno-lx", "CP9", "raised", AS_OF));
        s.apply(ALERTS, "cmcc-ah|topic_surge:broadband_outage:1", LiveMessages.surge("cmcc-ah", "topic_surge:broadband_outage:1", "cleared", AS_OF + 600_000));
        s.apply(ALERTS, "cmcc-ah|complaint_escalation:CP1-L2", LiveMessages.escalation("cmcc-ah", "CP1", "withdrawn", AS_OF + 700_000));

        assertThat(s.apply(ALERTS, "cmcc-ah|topic_surge:broadband_outage:1", LiveMessages.surge("cmcc-ah", "topic_surge:broadband_outage:1", "raised", AS_OF)))
                .as("the raise delivered again after its clear").isNull();
        JsonNode alerts = s.snapshot(Set.of("cmcc-ah")).path("tenants").path("cmcc-ah").path("alerts");
        assertThat(alerts.size()).isEqualTo(1);
        JsonNode surge = alerts.get(0);
        assertThat(surge.path("state").asText()).isEqualTo("cleared");
        assertThat(surge.path("advice").asText()).as("the raise's advice stays with the cleared alert").contains("Hefei Shushan");
        assertThat(surge.path("ended_at_ms").asLong()).isEqualTo(AS_OF + 600_000);
        assertThat(s.snapshot(Set.of("mvno-lx")).path("tenants").path("mvno-lx").path("alerts").findValuesAsText("complaint_id")).containsExactly("CP9");
    }

    @Test
    void queueExitsAreKeptRecentAndTheAbandonedOnesLonger() {
        WallboardState s = state();
        for (int i = 0; i < WallboardState.CONTACTS_KEPT + 50; i++) {
            String outcome = i % 10 == 0 ? "abandoned" : "answered";
            s.apply(CONTACTS, "cmcc-ah|c-" + i, LiveMessages.exit("cmcc-ah", "c-" + i, "general", outcome, i % 90, AS_OF + i * 1000L));
        }
        assertThat(s.apply(CONTACTS, "cmcc-ah|c-340", LiveMessages.exit("cmcc-ah", "c-340", "general", "abandoned", 70, AS_OF + 340_000L)))
                .as("an exit delivered twice is listed once").isNull();
        JsonNode t = s.snapshot(Set.of("cmcc-ah")).path("tenants").path("cmcc-ah");
        assertThat(t.path("contacts").size()).isEqualTo(WallboardState.CONTACTS_KEPT);
        assertThat(t.path("contacts").get(0).path("contact_id").asText()).isEqualTo("c-50");
        assertThat(t.path("abandoned").size()).isEqualTo(35);
        assertThat(t.path("abandoned").get(0).path("contact_id").asText()).as("older than the recent exits, still listed").isEqualTo("c-0");
        assertThat(t.path("abandoned").get(0).path("wait_seconds").asInt()).isEqualTo(0);
        assertThat(t.path("abandoned").get(1).path("wait_seconds").asInt()).isEqualTo(10);
    }

    @Test
    void theFirstMatchingThresholdEntryColoursTheQueue() throws Exception {
        JsonNode list = new YAMLMapper().readTree(String.join("\n",
                "- { tenant: cmcc-ah, queue: vip, service_level: { amber: 0.95, red: 0.9 }, waiting: { amber: 1, red: 3 } }",
                "- { tenant: cmcc-ah, queue: \"*\", service_level: { amber: 0.8, red: 0.7 }, asa_seconds: { amber: 20, red: 40 } }",
                "- { tenant: \"*\", queue: \"*\", service_level: { amber: 0.6, red: 0.5 } }"));
        Thresholds t = Thresholds.parse(list, TENANTS);
        assertThat(t.match("cmcc-ah", "vip").bands()).containsOnlyKeys(Thresholds.Metric.SERVICE_LEVEL, Thresholds.Metric.WAITING);
        assertThat(t.match("cmcc-ah", "general").bands().get(Thresholds.Metric.SERVICE_LEVEL).red()).isEqualTo(0.7);
        assertThat(t.match("mvno-lx", "vip").bands().get(Thresholds.Metric.SERVICE_LEVEL).red()).isEqualTo(0.5);

        WallboardState s = new WallboardState(CONFIG.tenants(), t);
        // SL 0.92: amber for vip (0.95/0.9), green elsewhere; 2 waiting: amber for vip; ASA 45 s: red for cmcc-ah's other queues
        s.apply(QUEUE_STATE, "cmcc-ah|vip", LiveMessages.queueState("cmcc-ah", "vip", 2, AS_OF - 10_000, 0.92, 45, 0.0, 20));
        s.apply(QUEUE_STATE, "cmcc-ah|general", LiveMessages.queueState("cmcc-ah", "general", 2, AS_OF - 10_000, 0.92, 45, 0.0, 20));
        s.apply(QUEUE_STATE, "mvno-lx|vip", LiveMessages.queueState("mvno-lx", "vip", 2, AS_OF - 10_000, 0.55, 45, 0.0, 20));
        JsonNode ah = s.snapshot(TENANTS).path("tenants").path("cmcc-ah").path("queues");
        JsonNode general = ah.get(0);
        JsonNode vip = ah.get(1);
        assertThat(vip.path("wallboard_status").path("status").asText()).isEqualTo("amber");
        assertThat(vip.path("wallboard_status").path("by_metric").path("waiting").asText()).isEqualTo("amber");
        assertThat(vip.path("wallboard_thresholds").path("queue").asText()).isEqualTo("vip");
        assertThat(general.path("wallboard_status").path("status").asText()).isEqualTo("red");
        assertThat(general.path("wallboard_status").path("by_metric").path("asa_seconds").asText()).isEqualTo("red");
        assertThat(general.path("wallboard_status").path("by_metric").path("service_level").asText()).isEqualTo("green");
        JsonNode lx = s.snapshot(TENANTS).path("tenants").path("mvno-lx").path("queues").get(0);
        assertThat(lx.path("wallboard_status").path("status").asText()).as("0.55 is amber on the catch-all's 0.6/0.5").isEqualTo("amber");
    }

    @Test
    void theShippedThresholdsAreReadAndBoundariesAreInclusiveOnTheBadSide() {
        Thresholds t = Thresholds.parse(CONFIG.section("wallboard").path("thresholds"), TENANTS);
        Thresholds.Entry e = t.match("roam-eu", "anything");
        assertThat(e.bands()).hasSize(5);
        Thresholds.Band sl = e.bands().get(Thresholds.Metric.SERVICE_LEVEL);
        assertThat(Thresholds.level(Thresholds.Metric.SERVICE_LEVEL, sl, 0.8)).isEqualTo("green");
        assertThat(Thresholds.level(Thresholds.Metric.SERVICE_LEVEL, sl, 0.79)).isEqualTo("amber");
        assertThat(Thresholds.level(Thresholds.Metric.SERVICE_LEVEL, sl, 0.69)).isEqualTo("red");
        Thresholds.Band wait = e.bands().get(Thresholds.Metric.OLDEST_WAIT_SECONDS);
        assertThat(Thresholds.level(Thresholds.Metric.OLDEST_WAIT_SECONDS, wait, 59.0)).isEqualTo("green");
        assertThat(Thresholds.level(Thresholds.Metric.OLDEST_WAIT_SECONDS, wait, 60.0)).isEqualTo("amber");
        assertThat(Thresholds.level(Thresholds.Metric.OLDEST_WAIT_SECONDS, wait, 120.0)).isEqualTo("red");
        assertThat(Thresholds.level(Thresholds.Metric.OLDEST_WAIT_SECONDS, wait, null)).isNull();
    }

    @Test
    void badThresholdsStopTheStart() {
        ObjectMapper yaml = new YAMLMapper();
        assertThatThrownBy(() -> Thresholds.parse(yaml.readTree("- { tenant: \"*\", queue: \"*\", service_levle: { amber: 0.8, red: 0.7 } }"), TENANTS))
                .hasMessageContaining("unknown metric service_levle");
        assertThatThrownBy(() -> Thresholds.parse(yaml.readTree("- { tenant: \"*\", queue: \"*\", service_level: { amber: 0.7, red: 0.8 } }"), TENANTS))
                .hasMessageContaining("red must be below amber");
        assertThatThrownBy(() -> Thresholds.parse(yaml.readTree("- { tenant: \"*\", queue: \"*\", asa_seconds: { amber: 40, red: 20 } }"), TENANTS))
                .hasMessageContaining("red must be above amber");
        assertThatThrownBy(() -> Thresholds.parse(yaml.readTree("- { tenant: nobody, queue: \"*\", waiting: { amber: 1, red: 2 } }"), TENANTS))
                .hasMessageContaining("no tenant nobody");
        assertThatThrownBy(() -> Thresholds.parse(yaml.readTree("- { waiting: { amber: 1 } }"), TENANTS))
                .hasMessageContaining("waiting needs exactly a number amber and a number red");
        assertThatThrownBy(() -> Thresholds.parse(yaml.readTree("- { abandon_rate: { amber: 5, red: 10 } }"), TENANTS))
                .hasMessageContaining("is a share");
        assertThatThrownBy(() -> WallboardView.Settings.of(yaml.readTree("{ thresholds: [], colour: red }"), CONFIG))
                .hasMessageContaining("unknown setting colour");
    }
}
