package com.callpulse.metrics.topic;

import com.callpulse.config.HotTopicConfig;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of hot topics, without Flink: one minute of one tenant, all its topics at once, in one detection
 * chain (docs/metrics.md, "Hot topics", defines every step).
 *
 * <ol>
 *   <li>Baseline rate of each topic for the minute: the same weekday and 15-minute slot in the past baseline_weeks
 *       weeks when there is such history (the median of the weeks' rates), else the EWMA of its per-minute count
 *       (bias-corrected from the tenant's first minute). Windows sum the rates of their minutes.</li>
 *   <li>Traffic factor: how the tenant's other topics (those not in a surge) run against their own baselines over
 *       the window, shrunk towards 1 by k = max(min_expected, 1) pseudo-contacts. Expected = baseline x factor: the
 *       intraday curve moves every topic alike and is not a hot topic; a surge does not inflate the others.</li>
 *   <li>Poisson z = (observed - expected) / sqrt(expected), trusted from the tenant's second hour on and when
 *       expected >= min_expected; growth = observed / expected; growing topics ranked by growth, top_k.</li>
 *   <li>Hysteresis on z15: a surge (drop) starts at z15 >= surge_z (<= -surge_z) and ends once z15 has been below
 *       clear_z (above -clear_z), or untrusted, for clear_minutes minutes in a row.</li>
 *   <li>Learning: the EWMA learns from every minute except those inside a surge that is younger than
 *       {@link #FREEZE_MINUTES}, so an outage does not become its own baseline (and end in a false drop); meanwhile
 *       it moves only as much as the learning topics' baselines move together (the day's curve). The seasonal
 *       history records every minute: a peak that comes back every week must become expected.</li>
 * </ol>
 */
final class HotTopicDetector {
    /** A surge older than this teaches the baseline again: by then it is the new normal. */
    static final int FREEZE_MINUTES = 240;
    /** An alert suggests diverting to the IVR when the IVR served at least this share of the topic's callers. */
    static final double DIVERT_MIN_SHARE = 0.05;
    /** Drivers written per alert and dimension. */
    static final int DRIVERS = 5;
    static final long MINUTE = 60_000;
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    private final String tenant;
    private final HotTopicConfig config;
    private final ZoneRules zone;
    private final double alpha;
    private final double kappa;

    /** What a step found besides the rows: alerts that started (with their drivers) and ended. */
    static final class Alert {
        final TopicAlert alert;
        final boolean started;
        final List<TopicAlertDriver> drivers;
        final TopicMinute row;

        Alert(TopicAlert alert, boolean started, List<TopicAlertDriver> drivers, TopicMinute row) {
            this.alert = alert;
            this.started = started;
            this.drivers = drivers;
            this.row = row;
        }
    }

    /** One minute's result: a row per topic, whether it is written (active), and the alert events. */
    static final class Minute {
        final List<TopicMinute> rows = new ArrayList<>();
        final List<Boolean> active = new ArrayList<>();
        final List<Alert> alerts = new ArrayList<>();
    }

    HotTopicDetector(String tenant, HotTopicConfig config, ZoneRules zone) {
        this.tenant = tenant;
        this.config = config;
        this.zone = zone;
        this.alpha = config.ewmaAlpha();
        this.kappa = Math.max(config.minExpected(), 1.0);
    }

    /** EWMA weight after {@code minutes} learning minutes: what a topic first seen that late starts with. */
    double initialWeight(long minutes) {
        return minutes <= 0 ? 0 : 1 - Math.pow(1 - alpha, minutes);
    }

    /**
     * Steps minute {@code m} of one chain for all the tenant's topics.
     *
     * @param start the chain's first minute (the tenant's earliest contact)
     * @param history each topic's seasonal history (read; written when {@code learnHistory})
     */
    Minute step(boolean liveChain, long m, long start, List<TopicState> topics, Map<String, SeasonalHistory> history, boolean learnHistory) {
        int n = topics.size();
        long local = m * 60 + zone.getOffset(Instant.ofEpochSecond(m * 60)).getTotalSeconds();
        long epochDay = Math.floorDiv(local, 86_400L);
        int slot = (int) (Math.floorMod(local, 86_400L) / 900);
        double[] b = new double[n];
        boolean[] seasonal = new boolean[n];
        double[] e15 = new double[n];
        double[] e60 = new double[n];
        long[] o15 = new long[n];
        long[] o60 = new long[n];
        boolean[] surging = new boolean[n];
        double calmO15 = 0;
        double calmE15 = 0;
        double calmO60 = 0;
        double calmE60 = 0;
        for (int i = 0; i < n; i++) {
            TopicState t = topics.get(i);
            ChainState c = t.chain(liveChain);
            SeasonalHistory h = history.get(t.topic);
            Double rate = h == null ? null : h.rate(epochDay, slot, config.baselineWeeks());
            seasonal[i] = rate != null;
            b[i] = rate != null ? rate : c.w > 0 ? c.s / c.w : 0.0;
            c.ring[(int) Math.floorMod(m, (long) ChainState.RING)] = b[i];
            e15[i] = window(c, m, start, 15);
            e60[i] = window(c, m, start, 60);
            o15[i] = t.sum(m - 14, m);
            o60[i] = t.sum(m - 59, m);
            surging[i] = c.kind() == AlertKind.SURGE;
            if (!surging[i]) {
                calmO15 += o15[i];
                calmE15 += e15[i];
                calmO60 += o60[i];
                calmE60 += e60[i];
            }
        }
        Minute out = new Minute();
        boolean warm = m - start >= 60;
        for (int i = 0; i < n; i++) {
            TopicState t = topics.get(i);
            double f15 = surging[i] ? (calmO15 + kappa) / (calmE15 + kappa) : (calmO15 - o15[i] + kappa) / (calmE15 - e15[i] + kappa);
            double f60 = surging[i] ? (calmO60 + kappa) / (calmE60 + kappa) : (calmO60 - o60[i] + kappa) / (calmE60 - e60[i] + kappa);
            TopicMinute r = new TopicMinute();
            r.tenantId = tenant;
            r.topic = t.topic;
            r.minuteStart = m * MINUTE;
            r.version = 1;
            r.contacts = t.count(m);
            r.ivrSelfServed = t.selfServed(m);
            r.observed15 = o15[i];
            r.observed60 = o60[i];
            r.baselineRate = b[i];
            r.baseline = seasonal[i] ? Baseline.SEASONAL : Baseline.EWMA;
            r.trafficFactor15 = f15;
            r.trafficFactor60 = f60;
            r.expected = b[i] * f15;
            r.expected15 = e15[i] * f15;
            r.expected60 = e60[i] * f60;
            r.z15 = z(warm, o15[i], r.expected15);
            r.z60 = z(warm, o60[i], r.expected60);
            r.growth15 = r.expected15 > 0 ? o15[i] / r.expected15 : null;
            out.rows.add(r);
        }
        rank(out.rows);
        boolean[] learning = new boolean[n];
        for (int i = 0; i < n; i++) {
            TopicState t = topics.get(i);
            ChainState c = t.chain(liveChain);
            TopicMinute r = out.rows.get(i);
            AlertKind before = c.kind();
            alerts(t, c, r, m, out.alerts);
            AlertKind after = c.kind();
            r.alert = after;
            r.alertId = c.open == null ? null : c.open.alertId;
            out.active.add(r.observed60 > 0 || before != null || after != null);
            learning[i] = !(after == AlertKind.SURGE && m * MINUTE - c.open.startedAt < FREEZE_MINUTES * MINUTE);
            if (learnHistory) {
                history.computeIfAbsent(t.topic, k -> new SeasonalHistory(config.baselineWeeks())).record(epochDay, slot, t.count(m));
            }
        }
        learn(liveChain, m, topics, learning);
        return out;
    }

    /**
     * The EWMAs learn the minute; a frozen topic's EWMA moves by as much as the learning topics' baselines moved
     * together, so that a surge on the morning ramp is not held against the topic's rate of before the ramp.
     */
    private void learn(boolean liveChain, long m, List<TopicState> topics, boolean[] learning) {
        double before = 0;
        double after = 0;
        for (int i = 0; i < topics.size(); i++) {
            if (!learning[i]) {
                continue;
            }
            TopicState t = topics.get(i);
            ChainState c = t.chain(liveChain);
            boolean counted = c.w > 0;
            if (counted) {
                before += c.s / c.w;
            }
            c.s = (1 - alpha) * c.s + alpha * t.count(m);
            c.w = (1 - alpha) * c.w + alpha;
            for (int d = 0; d < c.dimS.length; d++) {
                c.dimS[d] = (1 - alpha) * c.dimS[d] + alpha * t.dimCount(d, m);
            }
            if (counted) {
                after += c.s / c.w;
            }
        }
        double g = (after + kappa / 15) / (before + kappa / 15); // shrunk towards 1 like the traffic factor (per minute)
        for (int i = 0; i < topics.size(); i++) {
            if (!learning[i]) {
                ChainState c = topics.get(i).chain(liveChain);
                c.s *= g;
                for (int d = 0; d < c.dimS.length; d++) {
                    c.dimS[d] *= g;
                }
            }
        }
    }

    /** Sum of the baseline rates of the window's minutes since the chain started. */
    private static double window(ChainState c, long m, long start, int minutes) {
        double sum = 0;
        for (long k = Math.max(start, m - minutes + 1); k <= m; k++) {
            sum += c.ring[(int) Math.floorMod(k, (long) ChainState.RING)];
        }
        return sum;
    }

    private Double z(boolean warm, long observed, double expected) {
        return warm && expected > 0 && expected >= config.minExpected() ? (observed - expected) / Math.sqrt(expected) : null;
    }

    /** Growing topics with a trusted z, by growth (then topic name), ranked 1..top_k. */
    private void rank(List<TopicMinute> rows) {
        List<TopicMinute> growing = new ArrayList<>();
        for (TopicMinute r : rows) {
            if (r.z15 != null && r.growth15 != null && r.growth15 > 1) {
                growing.add(r);
            }
        }
        growing.sort(Comparator.comparingDouble((TopicMinute r) -> -r.growth15).thenComparing(r -> r.topic));
        for (int i = 0; i < growing.size() && i < config.topK(); i++) {
            growing.get(i).growthRank = i + 1;
        }
    }

    /** The hysteresis of one topic at minute m. */
    private void alerts(TopicState t, ChainState c, TopicMinute r, long m, List<Alert> out) {
        Double z = r.z15;
        if (c.open == null) {
            if (z != null && (z >= config.surgeZ() || z <= -config.surgeZ())) {
                AlertKind kind = z >= config.surgeZ() ? AlertKind.SURGE : AlertKind.DROP;
                c.open = open(t, c, r, m, kind);
                c.calm = 0;
                c.pendingObserved = 0;
                c.pendingExpected = 0;
                out.add(new Alert(c.open, true, drivers(t, c, r, m), r));
            }
            return;
        }
        TopicAlert a = c.open;
        boolean calm = z == null || (a.kind == AlertKind.SURGE ? z < config.clearZ() : z > -config.clearZ());
        if (calm) {
            c.calm++;
            c.pendingObserved += r.contacts;
            c.pendingExpected += r.expected;
        } else {
            c.calm = 0;
            a.observedTotal += c.pendingObserved + r.contacts;
            a.expectedTotal += c.pendingExpected + r.expected;
            c.pendingObserved = 0;
            c.pendingExpected = 0;
            if (a.kind == AlertKind.SURGE ? z > a.peakZ15 : z < a.peakZ15) {
                a.peakAt = m * MINUTE;
                a.peakZ15 = z;
                a.peakObserved15 = r.observed15;
                a.peakExpected15 = r.expected15;
            }
        }
        if (c.calm >= config.clearMinutes()) {
            long ended = m - config.clearMinutes() + 1;
            a.endedAt = ended * MINUTE;
            a.clearedAt = (m + 1) * MINUTE;
            a.durationMinutes = (int) (ended - a.startedAt / MINUTE);
            c.open = null;
            c.calm = 0;
            c.pendingObserved = 0;
            c.pendingExpected = 0;
            out.add(new Alert(a, false, List.of(), r));
        }
    }

    private TopicAlert open(TopicState t, ChainState c, TopicMinute r, long m, AlertKind kind) {
        TopicAlert a = new TopicAlert();
        a.tenantId = tenant;
        a.topic = t.topic;
        a.kind = kind;
        a.version = 1;
        a.startedAt = m * MINUTE;
        a.alertId = tenant + ":" + t.topic + ":" + kind.code() + ":" + ID_TIME.format(Instant.ofEpochMilli(a.startedAt));
        a.observed15 = r.observed15;
        a.expected15 = r.expected15;
        a.z15 = r.z15;
        a.growth15 = r.growth15;
        a.observed60 = r.observed60;
        a.expected60 = r.expected60;
        a.z60 = r.z60;
        a.baseline = r.baseline;
        a.growthRank = r.growthRank;
        long served = 0;
        for (long k = m - 59; k <= m; k++) {
            served += t.selfServed(k);
        }
        a.ivrSelfServiceShare = r.observed60 > 0 ? (double) served / r.observed60 : null;
        a.suggestion = kind == AlertKind.DROP ? Suggestion.CHECK_ROUTING
                : a.ivrSelfServiceShare != null && a.ivrSelfServiceShare >= DIVERT_MIN_SHARE ? Suggestion.DIVERT_TO_IVR : Suggestion.NO_SELF_SERVICE_PATH;
        a.peakAt = a.startedAt;
        a.peakZ15 = r.z15;
        a.peakObserved15 = r.observed15;
        a.peakExpected15 = r.expected15;
        a.observedTotal = r.contacts;
        a.expectedTotal = r.expected;
        return a;
    }

    /** The regions and queues with the largest shares of the excess (surge) or shortfall (drop) of the window. */
    private List<TopicAlertDriver> drivers(TopicState t, ChainState c, TopicMinute r, long m) {
        List<TopicAlertDriver> out = new ArrayList<>();
        for (DriverDimension dimension : DriverDimension.values()) {
            List<TopicAlertDriver> candidates = new ArrayList<>();
            double total = 0;
            for (int d = 0; d < t.dims.length; d++) {
                if (TopicState.dimension(t.dims[d]) != dimension) {
                    continue;
                }
                long observed = 0;
                for (long k = m - 14; k <= m; k++) {
                    observed += t.dimCount(d, k);
                }
                double expected = c.s > 0 ? r.expected15 * (c.dimS[d] / c.s) : 0.0;
                double gap = c.open.kind == AlertKind.SURGE ? observed - expected : expected - observed;
                if (gap > 0) {
                    TopicAlertDriver v = new TopicAlertDriver();
                    v.tenantId = tenant;
                    v.alertId = c.open.alertId;
                    v.dimension = dimension;
                    v.value = TopicState.value(t.dims[d]);
                    v.version = 1;
                    v.startedAt = c.open.startedAt;
                    v.observed15 = observed;
                    v.expected15 = expected;
                    v.share = gap;
                    candidates.add(v);
                    total += gap;
                }
            }
            candidates.sort(Comparator.comparingDouble((TopicAlertDriver v) -> -v.share)
                    .thenComparing(v -> v.value, Comparator.nullsLast(Comparator.naturalOrder())));
            for (int i = 0; i < candidates.size() && i < DRIVERS; i++) {
                TopicAlertDriver v = candidates.get(i);
                v.rank = i + 1;
                v.share = v.share / total;
                out.add(v);
            }
        }
        return out;
    }
}
