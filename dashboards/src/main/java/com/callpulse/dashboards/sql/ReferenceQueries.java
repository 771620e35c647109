package com.callpulse.dashboards.sql;

import java.util.List;

/**
 * Documented starting points, one or more per metric table (as Amazon Connect publishes for its data lake): each takes
 * the highest version of every row (docs/metrics.md, "Readers take the highest version of each row") and sums counters
 * before dividing. They run as they are in the console, in {@code ./callpulse query} and, with the tables as
 * {@code read_parquet} views, in the stock DuckDB CLI. Tested: each returns rows on the sample day's lake.
 */
public final class ReferenceQueries {
    private ReferenceQueries() {}

    public record Query(String table, String title, String sql) {}

    public static final List<Query> ALL = List.of(
            new Query("queue_intervals", "Queues per day: offered, answered, abandoned, answered within T, ASA, AHT", """
                    SELECT tenant_id, date, queue_id, channel, sl_variant,
                           sum(offered) AS offered, sum(answered) AS answered, sum(abandoned) AS abandoned,
                           round(sum(answered_within) / nullif(sum(offered), 0), 3) AS answered_within_share,
                           round(sum(answered_wait_seconds) / nullif(sum(answered), 0), 1) AS asa_seconds,
                           round((sum(talk_seconds) + sum(hold_seconds) + sum(acw_seconds)) / nullif(sum(answered), 0), 1) AS aht_seconds,
                           round(sum(abandoned) / nullif(sum(offered), 0), 3) AS abandonment_rate
                    FROM (SELECT * FROM queue_intervals
                          QUALIFY row_number() OVER (PARTITION BY tenant_id, queue_id, channel, interval_start ORDER BY version DESC) = 1)
                    GROUP BY ALL
                    ORDER BY tenant_id, date, offered DESC"""),
            new Query("queue_intervals", "Busiest intervals of the day per tenant", """
                    SELECT tenant_id, interval_start, sum(offered) AS offered, sum(abandoned) AS abandoned, max(max_wait_seconds) AS max_wait_seconds
                    FROM (SELECT * FROM queue_intervals
                          QUALIFY row_number() OVER (PARTITION BY tenant_id, queue_id, channel, interval_start ORDER BY version DESC) = 1)
                    GROUP BY tenant_id, interval_start
                    QUALIFY row_number() OVER (PARTITION BY tenant_id ORDER BY sum(offered) DESC, interval_start) <= 5
                    ORDER BY tenant_id, offered DESC"""),
            new Query("demand_intervals", "Demand per day by category, with new business itemized", """
                    SELECT tenant_id, date, demand_category, new_business_item, sum(contacts) AS contacts,
                           round(sum(self_served) / nullif(sum(contacts), 0), 3) AS self_service_rate,
                           round(sum(resolved_on_contact) / nullif(sum(handled), 0), 3) AS resolution_rate
                    FROM (SELECT * FROM demand_intervals
                          QUALIFY row_number() OVER (PARTITION BY tenant_id, demand_category, topic, new_business_item, channel, region,
                                                     customer_segment, interval_start ORDER BY version DESC) = 1)
                    GROUP BY ALL
                    ORDER BY tenant_id, date, contacts DESC"""),
            new Query("agent_intervals", "Agents per day: handled, AHT, hold, transfer and resolution rates", """
                    SELECT tenant_id, date, agent_id, team_id, sum(handled) AS handled,
                           round((sum(talk_seconds) + sum(hold_seconds) + sum(acw_seconds)) / nullif(sum(handled), 0), 1) AS aht_seconds,
                           round(sum(held) / nullif(sum(handled), 0), 3) AS hold_rate,
                           round(sum(transferred) / nullif(sum(handled), 0), 3) AS transfer_rate,
                           round(sum(resolved) / nullif(sum(resolution_reported), 0), 3) AS resolution_rate
                    FROM (SELECT * FROM agent_intervals
                          QUALIFY row_number() OVER (PARTITION BY tenant_id, agent_id, team_id, site_id, remote_seat, interval_start ORDER BY version DESC) = 1)
                    GROUP BY ALL
                    ORDER BY tenant_id, date, handled DESC"""),
            new Query("agent_state_intervals", "Occupancy and utilization per team and day", """
                    SELECT tenant_id, date, team_id, round(sum(logged_in_seconds) / 3600, 1) AS logged_in_hours,
                           round((sum(on_contact_seconds) + sum(after_contact_work_seconds))
                                 / nullif(sum(ready_seconds) + sum(on_contact_seconds) + sum(after_contact_work_seconds), 0), 3) AS occupancy,
                           round((sum(on_contact_seconds) + sum(after_contact_work_seconds)) / nullif(sum(logged_in_seconds), 0), 3) AS utilization,
                           round(sum(not_ready_seconds) / 3600, 1) AS not_ready_hours
                    FROM (SELECT * FROM agent_state_intervals
                          QUALIFY row_number() OVER (PARTITION BY tenant_id, agent_id, team_id, site_id, remote_seat, interval_start ORDER BY version DESC) = 1)
                    GROUP BY ALL
                    ORDER BY tenant_id, date, team_id"""),
            new Query("topic_minutes", "Contacts per topic and hour", """
                    SELECT tenant_id, topic, date_trunc('hour', minute_start) AS hour, sum(contacts) AS contacts,
                           sum(ivr_self_served) AS ivr_self_served
                    FROM topic_minutes
                    GROUP BY ALL
                    ORDER BY tenant_id, hour, contacts DESC"""),
            new Query("topic_alerts", "Hot-topic alerts: when, how long, how far above expected", """
                    SELECT tenant_id, topic, kind, started_at, duration_minutes, observed15, round(expected15, 1) AS expected15,
                           round(z15, 1) AS z15, observed_total, round(expected_total, 1) AS expected_total, suggestion
                    FROM topic_alerts
                    QUALIFY row_number() OVER (PARTITION BY tenant_id, alert_id ORDER BY version DESC) = 1
                    ORDER BY tenant_id, started_at"""),
            new Query("topic_alert_drivers", "What drove each alert (top values per dimension)", """
                    SELECT a.tenant_id, a.topic, a.started_at, d.dimension, d.value, d.rank, round(d.share, 3) AS share
                    FROM topic_alerts a JOIN topic_alert_drivers d USING (tenant_id, alert_id)
                    WHERE d.rank <= 3
                    QUALIFY row_number() OVER (PARTITION BY a.tenant_id, a.alert_id, d.dimension, d.rank ORDER BY a.version DESC, d.version DESC) = 1
                    ORDER BY a.tenant_id, a.started_at, d.dimension, d.rank"""),
            new Query("contact_repeats", "Repeat contacts within 24 h per queue (first contact resolution's complement)", """
                    SELECT tenant_id, queue_id, count(*) AS legs, count(*) FILTER (WHERE followed_by_repeat) AS followed_by_repeat,
                           round(count(*) FILTER (WHERE followed_by_repeat) / count(*), 3) AS repeat_rate
                    FROM contact_repeats
                    WHERE window_hours = 24 AND complete
                    GROUP BY ALL
                    ORDER BY tenant_id, legs DESC"""),
            new Query("self_service_outcomes", "Did recommended self-service work? Outcomes per recommendation", """
                    SELECT tenant_id, self_service_recommended, window_hours, outcome, count(*) AS legs
                    FROM self_service_outcomes
                    WHERE complete
                    GROUP BY ALL
                    ORDER BY tenant_id, self_service_recommended, window_hours, legs DESC"""),
            new Query("satisfaction_intervals", "CSAT, NPS and resolved-rate per agent and day", """
                    SELECT tenant_id, date, agent_id, sum(responses) AS responses,
                           round(sum(csat_satisfied) / nullif(sum(csat_responses), 0), 3) AS csat,
                           round(100.0 * (sum(promoters) - sum(detractors)) / nullif(sum(nps_responses), 0), 1) AS nps,
                           round(sum(resolved_yes) / nullif(sum(resolved_responses), 0), 3) AS resolved_rate
                    FROM (SELECT * FROM satisfaction_intervals
                          QUALIFY row_number() OVER (PARTITION BY tenant_id, agent_id, queue_id, topic, channel, interval_start ORDER BY version DESC) = 1)
                    GROUP BY ALL
                    ORDER BY tenant_id, date, responses DESC"""),
            new Query("marketing_intervals", "Offer conversion per product and flow type", """
                    SELECT tenant_id, offer_product, offer_flow_type, sum(offers) AS offers, sum(accepted) AS accepted,
                           round(sum(accepted) / nullif(sum(offers), 0), 3) AS conversion_rate
                    FROM (SELECT * FROM marketing_intervals
                          QUALIFY row_number() OVER (PARTITION BY tenant_id, agent_id, team_id, queue_id, offer_product, offer_flow_type, interval_start
                                                     ORDER BY version DESC) = 1)
                    GROUP BY ALL
                    ORDER BY tenant_id, offers DESC"""),
            new Query("complaint_intervals", "Complaints per category: opened, resolved, on time, breached", """
                    SELECT tenant_id, category, sum(opened) AS opened, sum(resolved) AS resolved, sum(resolved_on_time) AS resolved_on_time,
                           sum(breached) AS breached, round(sum(resolved_on_time) / nullif(sum(resolved), 0), 3) AS on_time_rate,
                           round(sum(resolve_elapsed_seconds) / 3600 / nullif(sum(resolved), 0), 1) AS mean_hours_to_resolve
                    FROM (SELECT * FROM complaint_intervals
                          QUALIFY row_number() OVER (PARTITION BY tenant_id, category, level, interval_start ORDER BY version DESC) = 1)
                    GROUP BY ALL
                    ORDER BY tenant_id, opened DESC"""),
            new Query("complaint_outcomes", "Complaints by severity: still open, breached, resolved on time", """
                    SELECT tenant_id, category, severity, count(*) AS complaints, count(*) FILTER (WHERE still_open) AS still_open,
                           count(*) FILTER (WHERE breached) AS breached, count(*) FILTER (WHERE on_time) AS resolved_on_time,
                           max(level_reached) AS highest_level
                    FROM (SELECT * FROM complaint_outcomes
                          QUALIFY row_number() OVER (PARTITION BY tenant_id, complaint_id ORDER BY version DESC) = 1)
                    GROUP BY ALL
                    ORDER BY tenant_id, complaints DESC"""),
            new Query("complaint_escalations", "Escalations per level and who raised them", """
                    SELECT tenant_id, level, raised_by, severity, count(*) AS escalations,
                           round(avg(hours_overdue), 1) AS avg_hours_overdue
                    FROM complaint_escalations
                    GROUP BY ALL
                    ORDER BY tenant_id, level, escalations DESC"""));
}
