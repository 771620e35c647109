package com.callpulse.generator;

import com.callpulse.model.AgentState;
import com.callpulse.model.AgentStateEvent;
import com.callpulse.model.Channel;
import com.callpulse.model.ComplaintAction;
import com.callpulse.model.ComplaintCategory;
import com.callpulse.model.ComplaintEvent;
import com.callpulse.model.ContactEvent;
import com.callpulse.model.ContactEventType;
import com.callpulse.model.ContactOutcome;
import com.callpulse.model.ContactRecord;
import com.callpulse.model.DemandCategory;
import com.callpulse.model.Direction;
import com.callpulse.model.NotReadyReason;
import com.callpulse.model.OfferFlowType;
import com.callpulse.model.OfferOutcome;
import com.callpulse.model.SelfServiceChannel;
import com.callpulse.model.Stream;
import com.callpulse.model.SurveyMethod;
import com.callpulse.model.SurveyResponse;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One run of the discrete-event simulation: a clock, a queue of scheduled steps, and the tenants' queues, agents
 * and contacts. Every step happens at the clock's time and emits the events it causes, never earlier than the clock
 * (a call's holds are emitted when it is answered, with their later times); the {@link Emitter} turns them into lines. All randomness comes from generators split off one seed, and ties between steps are broken by
 * scheduling order, so a run is reproducible.
 */
final class Simulation {
    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final int FORECAST_SAMPLES = 6000;
    private static final double SURGE_SHARE = 0.03;
    private static final String[] DEFAULT_OFFERS = {"5g_package_upgrade", "video_membership", "cloud_storage", "family_plan", "data_add_on"};

    /** A scheduled step. */
    private record Task(long time, long seq, Runnable action) {}

    private final GeneratorSettings settings;
    private final Consumer<String> phones;
    private final HotlineSimulator.Progress progress;
    private final SplittableRandom random;
    private final SplittableRandom forecastRandom;
    private final Emitter emitter;
    private final TenantState[] tenants;
    private final Map<String, ZoneCache> offsets = new HashMap<>();
    private final PriorityQueue<Task> tasks = new PriorityQueue<>(1024,
            (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private long taskSeq;
    private long now;
    private final long start;
    private final long end;

    private long inbound;
    private long outbound;
    private long complaints;
    private long surveys;

    Simulation(GeneratorSettings settings, List<TenantProfile> profiles, LineSink sink, Origins origins, Consumer<String> phones,
            HotlineSimulator.Progress progress) {
        this.settings = settings;
        this.phones = phones;
        this.progress = progress;
        SplittableRandom master = new SplittableRandom(settings.seed());
        this.random = master.split();
        SplittableRandom faultRandom = master.split();
        this.forecastRandom = master.split();
        this.tenants = new TenantState[profiles.size()];
        Set<String> tenantIds = new LinkedHashSet<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < tenants.length; i++) {
            tenants[i] = new TenantState(i, profiles.get(i), Math.round(settings.contactsPerDay() * profiles.get(i).share));
            tenants[i].horizonEnd = dayStart(tenants[i], settings.days());
            tenantIds.add(tenants[i].id());
            offsets.put(tenants[i].id(), new ZoneCache(tenants[i]));
            first = Math.min(first, dayStart(tenants[i], 0));
            last = Math.max(last, dayStart(tenants[i], settings.days()));
        }
        this.start = first;
        this.end = last;
        this.now = first;
        this.emitter = new Emitter(settings, sink, origins, faultRandom, (record, ms) -> offsets.get(((com.callpulse.model.Event) record).tenantId).offset(ms),
                tenantIds);
    }

    HotlineSimulator.Summary run() {
        int[][] perDay = dailyCounts();
        for (TenantState t : tenants) {
            staff(t, perDay[t.index]);
        }
        for (TenantState t : tenants) {
            startDay(t, 0, perDay[t.index][0]);
            scheduleNextArrival(t, perDay[t.index]);
        }
        long steps = 0;
        Task task;
        while ((task = tasks.poll()) != null) {
            if (task.time > now) {
                now = task.time;
                emitter.release(now);
            }
            task.action.run();
            if (progress != null && (++steps & 0x3FFF) == 0) {
                progress.update(Math.min(1.0, (double) (now - start) / (end - start)), inbound, emitter.delivered());
            }
        }
        emitter.finish();
        if (progress != null) {
            progress.update(1.0, inbound, emitter.delivered());
        }
        int agents = 0;
        for (TenantState t : tenants) {
            agents += t.agents.size();
        }
        return new HotlineSimulator.Summary(inbound, outbound, agents, complaints, surveys, emitter.delivered(), emitter.tooLateKept());
    }

    private void at(long time, Runnable action) {
        tasks.add(new Task(Math.max(time, now), taskSeq++, action));
    }

    // ---------------------------------------------------------------- volume and staffing

    private long dayStart(TenantState t, int day) {
        return t.calendar.startOfDay(settings.date().plusDays(day).toEpochDay());
    }

    private boolean weekend(int day) {
        DayOfWeek d = settings.date().plusDays(day).getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    /** Each day's contacts split over the tenants by their shares, largest remainders first, so the total is exact. */
    private int[][] dailyCounts() {
        int[][] counts = new int[tenants.length][settings.days()];
        int total = settings.contactsPerDay();
        int[] split = new int[tenants.length];
        double[] rest = new double[tenants.length];
        int assigned = 0;
        for (int i = 0; i < tenants.length; i++) {
            double exact = total * tenants[i].profile.share;
            split[i] = (int) Math.floor(exact);
            rest[i] = exact - split[i];
            assigned += split[i];
        }
        while (assigned < total) {
            int best = 0;
            for (int i = 1; i < tenants.length; i++) {
                if (rest[i] > rest[best]) {
                    best = i;
                }
            }
            split[best]++;
            rest[best] = -1;
            assigned++;
        }
        for (int i = 0; i < tenants.length; i++) {
            for (int d = 0; d < settings.days(); d++) {
                counts[i][d] = split[i];
            }
        }
        return counts;
    }

    /** Work each agent group is expected to get per arriving contact, and its average handle time. */
    private record GroupLoad(double[] secondsPerContact, double[] ahtSeconds, boolean[] digital) {}

    /** Forecasts the groups' load from contacts sampled on the forecast's own random stream, then rosters the run. */
    private void staff(TenantState t, int[] perDay) {
        rosterAgents(t, forecastLoad(t), perDay);
    }

    private GroupLoad forecastLoad(TenantState t) {
        TenantProfile p = t.profile;
        SplittableRandom r = forecastRandom;
        Map<String, Integer> queueIndex = new HashMap<>();
        for (int i = 0; i < t.queues.length; i++) {
            queueIndex.put(t.queues[i].def.id(), i);
        }
        double[] legs = new double[t.queues.length];
        double[] seconds = new double[t.queues.length];
        for (int k = 0; k < FORECAST_SAMPLES; k++) {
            Caller caller = Caller.fresh(r, p, p.districts.pick(r));
            Contact c = new Contact(t, "forecast", caller, "", p.channels.pick(r), Direction.INBOUND, false);
            ContactPlanner.plan(c, p, r, null, false);
            if (c.route != Contact.Route.AGENT) {
                continue;
            }
            boolean transfer = c.transferTarget != null;
            int q = queueIndex.get(c.firstQueue);
            legs[q]++;
            seconds[q] += handleSeconds(c, r, transfer, c.firstQueue);
            if (transfer) {
                c.leg = 2;
                int q2 = queueIndex.get(c.transferTarget);
                legs[q2]++;
                seconds[q2] += handleSeconds(c, r, false, c.transferTarget);
            }
        }
        int groups = p.groups.size();
        GroupLoad load = new GroupLoad(new double[groups], new double[groups], new boolean[groups]);
        for (int g = 0; g < groups; g++) {
            double n = 0;
            for (String home : p.groups.get(g).homeQueues()) {
                int q = queueIndex.get(home);
                load.secondsPerContact()[g] += seconds[q] / FORECAST_SAMPLES;
                n += legs[q] / FORECAST_SAMPLES;
                load.digital()[g] |= t.queues[q].def.digital();
            }
            load.ahtSeconds()[g] = n > 0 ? load.secondsPerContact()[g] / n : 300;
        }
        return load;
    }

    /** Agents needed per half-hour of every day, covered by shifts; a rested agent comes back for a later shift. */
    private void rosterAgents(TenantState t, GroupLoad load, int[] perDay) {
        int groups = t.profile.groups.size();
        long horizonStart = dayStart(t, 0);
        int slots = (int) ((t.horizonEnd - horizonStart) / Staffing.SLOT_MILLIS);
        int[][] need = new int[groups][slots];
        for (int d = 0; d < settings.days(); d++) {
            long ds = dayStart(t, d);
            double[] shares = Arrivals.forecastShares(ds, dayStart(t, d + 1), t.zone, weekend(d));
            int offset = (int) ((ds - horizonStart) / Staffing.SLOT_MILLIS);
            double peak = 0;
            for (double share : shares) {
                peak = Math.max(peak, share);
            }
            for (int g = 0; g < groups; g++) {
                for (int s = 0; s < shares.length && offset + s < slots; s++) {
                    double erlangs = perDay[d] * shares[s] * load.secondsPerContact()[g] / (Staffing.SLOT_MILLIS / 1000.0);
                    need[g][offset + s] = Staffing.agentsNeeded(erlangs, load.ahtSeconds()[g], load.digital()[g] ? 60 : 20, shares[s] >= 0.75 * peak);
                }
            }
        }
        List<Staffing.Shift> shifts = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            shifts.addAll(Staffing.roster(g, need[g], horizonStart));
        }
        shifts.sort(Comparator.comparingLong(Staffing.Shift::start).thenComparingInt(Staffing.Shift::group));
        List<PriorityQueue<Agent>> pools = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            pools.add(new PriorityQueue<>(Comparator.<Agent>comparingLong(a -> a.freeFrom).thenComparingInt(a -> a.seq)));
        }
        for (Staffing.Shift shift : shifts) {
            PriorityQueue<Agent> pool = pools.get(shift.group());
            Agent a = pool.peek();
            if (a != null && a.freeFrom + 11 * HOUR <= shift.start()) {
                pool.poll();
            } else {
                a = newAgent(t, shift.group());
            }
            a.freeFrom = shift.end();
            pool.add(a);
            Agent agent = a;
            at(shift.start(), () -> login(agent, shift));
        }
    }

    private double handleSeconds(Contact c, SplittableRandom r, boolean transfer, String queue) {
        long hold = 0;
        for (long h : ContactPlanner.holds(c, r)) {
            hold += h;
        }
        long ms = ContactPlanner.ringMillis(c, r) + ContactPlanner.talkMillis(c, r, transfer, 1.0, queue.equals("vip")) + hold
                + ContactPlanner.acwMillis(c, r, transfer);
        return ms / 1000.0;
    }

    private Agent newAgent(TenantState t, int group) {
        TenantProfile.GroupDef g = t.profile.groups.get(group);
        QueueState[] skills = new QueueState[g.skills().length];
        for (int i = 0; i < skills.length; i++) {
            skills[i] = t.queue(g.skills()[i]);
        }
        TenantProfile.Site site = t.profile.sites.pick(random);
        int seq = t.agents.size();
        String id = t.profile.code + (10001 + seq);
        String teamKey = site.id() + "-" + g.name().replace('_', '-');
        int seat = t.agentsPerSiteGroup.merge(teamKey, 1, Integer::sum) - 1;
        String team = String.format("%s-%02d", teamKey, seat / 12 + 1); // teams of twelve per site and group
        double quality = Math.max(-0.6, Math.min(0.6, 0.25 * random.nextGaussian()));
        Agent a = new Agent(t, seq, id, group, skills, site, team, quality, Math.exp(0.12 * random.nextGaussian()));
        t.agents.add(a);
        return a;
    }

    // ---------------------------------------------------------------- arrivals

    private void startDay(TenantState t, int day, int count) {
        long ds = dayStart(t, day);
        long de = dayStart(t, day + 1);
        double[] noise = new double[(int) ((de - ds) / Staffing.SLOT_MILLIS) + 1];
        double drift = 0;
        for (int i = 0; i < noise.length; i++) {
            drift = 0.6 * drift + 0.08 * random.nextGaussian(); // forecast error that persists for a while
            noise[i] = Math.exp(drift);
        }
        Arrivals.Surge surge = null;
        if (day == 0 && t.index == surgeTenant()) {
            LocalDate d = settings.date();
            long s = d.atTime(LocalTime.of(14, 0)).atZone(t.profile.tenant.timeZone()).toInstant().toEpochMilli();
            long e = d.atTime(LocalTime.of(16, 0)).atZone(t.profile.tenant.timeZone()).toInstant().toEpochMilli();
            surge = new Arrivals.Surge(s, e, SURGE_SHARE);
        }
        t.day = day;
        t.arrivals = new Arrivals(ds, de, t.zone, weekend(day), count, noise, surge, random);
    }

    /** The operator's own hotline gets the scripted outage; without one, the first tenant. */
    private int surgeTenant() {
        for (TenantState t : tenants) {
            if (t.profile.kind == TenantProfile.Kind.OPERATOR) {
                return t.index;
            }
        }
        return 0;
    }

    private void scheduleNextArrival(TenantState t, int[] perDay) {
        while (!t.arrivals.hasNext()) {
            if (t.day + 1 >= settings.days()) {
                return;
            }
            startDay(t, t.day + 1, perDay[t.day + 1]);
        }
        long when = t.arrivals.next();
        boolean surge = t.arrivals.lastWasSurge();
        at(when, () -> {
            arrive(t, surge);
            scheduleNextArrival(t, perDay);
        });
    }

    private void arrive(TenantState t, boolean surge) {
        inbound++;
        TenantProfile p = t.profile;
        Caller caller;
        Topic topic = null;
        Channel channel;
        boolean selfServe = false;
        TenantState.Repeat repeat = surge ? null : t.dueRepeat(now);
        if (surge) {
            caller = Caller.fresh(random, p, t.surgeDistrict);
            topic = Catalog.topic(Catalog.BROADBAND_OUTAGE);
            channel = Dist.chance(random, 0.88) ? Channel.VOICE : Dist.chance(random, 0.5) ? Channel.APP : Channel.WECHAT;
        } else if (repeat != null) {
            caller = repeat.caller();
            topic = repeat.topic();
            channel = repeat.channel();
            selfServe = repeat.selfServe();
        } else {
            channel = p.channels.pick(random);
            caller = Dist.chance(random, 0.04) ? t.recentCaller(random) : null;
            if (caller == null) {
                caller = Caller.fresh(random, p, p.districts.pick(random));
                t.remember(caller);
            }
        }
        String text = caller.handle(random, channel, p);
        phones.accept(text);
        Contact c = new Contact(t, contactId(t, "C", ++t.contactSeq), caller, text, channel, Direction.INBOUND, surge);
        ContactPlanner.plan(c, p, random, topic, selfServe);
        begin(c);
    }

    /** E.g. {@code C20261120AH00001234}: prefix, business date of creation, tenant code, sequence number. */
    private String contactId(TenantState t, String prefix, long seq) {
        String date = t.calendar.date(now);
        StringBuilder sb = new StringBuilder(24).append(prefix).append(date, 0, 4).append(date, 5, 7).append(date, 8, 10).append(t.profile.code);
        String n = Long.toString(seq);
        for (int i = n.length(); i < 8; i++) {
            sb.append('0');
        }
        return sb.append(n).toString();
    }

    // ---------------------------------------------------------------- a contact's life

    private void begin(Contact c) {
        c.arrivedAt = now;
        c.legArrivedAt = now;
        ContactEvent e = contactEvent(c, ContactEventType.ARRIVED, now);
        e.callerNumber = c.callerText;
        e.region = c.caller.district.id();
        emit(e, c);
        if (c.isVoice() && c.isInbound()) {
            at(now + Dist.uniformMillis(random, 0.3, 1.2), () -> enterIvr(c));
        } else if (c.route == Contact.Route.DIGITAL_SELF_SERVE) {
            double median = c.channel == Channel.APP ? 75 : 150;
            at(now + Dist.millis(Dist.lognormal(random, median, 0.6), 10_000), () -> endWithoutAgent(c, ContactOutcome.SELF_SERVED, true));
        } else {
            long routing = c.isInbound() ? Dist.uniformMillis(random, 5, 40) : Dist.uniformMillis(random, 0.2, 0.8); // the chat bot asks first
            at(now + routing, () -> enqueue(c, c.tenant.queue(c.firstQueue)));
        }
    }

    private void enterIvr(Contact c) {
        c.ivrEnteredAt = now;
        emit(contactEvent(c, ContactEventType.IVR_ENTERED, now), c);
        double median;
        switch (c.route) {
            case IVR_SELF_SERVE:
                median = 70;
                break;
            case IVR_ABANDON:
                median = 22;
                break;
            default:
                median = 38;
        }
        at(now + Dist.millis(Dist.lognormal(random, median, 0.45), 4_000), () -> leaveIvr(c));
    }

    private void leaveIvr(Contact c) {
        c.ivrLeftAt = now;
        ContactEvent e = contactEvent(c, ContactEventType.IVR_LEFT, now);
        e.selfServed = c.route == Contact.Route.IVR_SELF_SERVE;
        e.ivrTopic = c.route == Contact.Route.IVR_ABANDON && random.nextBoolean() ? null : c.recognizedTopic;
        emit(e, c);
        switch (c.route) {
            case IVR_SELF_SERVE:
                at(now + Dist.uniformMillis(random, 0.2, 1.5), () -> endWithoutAgent(c, ContactOutcome.SELF_SERVED, true));
                break;
            case IVR_ABANDON:
                at(now + Dist.uniformMillis(random, 0.1, 0.6), () -> endWithoutAgent(c, ContactOutcome.ABANDONED, e.ivrTopic != null));
                break;
            default:
                at(now + Dist.uniformMillis(random, 0.1, 0.6), () -> enqueue(c, c.tenant.queue(c.firstQueue)));
        }
    }

    /** Self-served in the IVR, app or chat bot, or hung up in the IVR: one record, no queue. */
    private void endWithoutAgent(Contact c, ContactOutcome outcome, boolean topicKnown) {
        emit(contactEvent(c, ContactEventType.ENDED, now), c);
        ContactRecord r = record(c, outcome, now);
        if (topicKnown) {
            r.topic = c.recognizedTopic;
            if (outcome == ContactOutcome.SELF_SERVED) {
                r.topic = c.topic.code();
                r.subTopic = c.subTopic;
                r.demandCategory = c.demand;
            }
        }
        r.occurredAt = now;
        emit(r, c);
        if (outcome == ContactOutcome.ABANDONED && Dist.chance(random, 0.5)) {
            callAgain(c, clamp(Dist.lognormal(random, 4 * 60, 0.8), 30, 2 * 3600), Channel.VOICE, false);
        } else if (outcome == ContactOutcome.SELF_SERVED && Dist.chance(random, 0.02)) {
            callAgain(c, clamp(Dist.lognormal(random, 3 * 3600, 0.8), 600, 30 * 3600), Channel.VOICE, false);
        }
    }

    private void enqueue(Contact c, QueueState q) {
        c.queue = q;
        c.queuedAt = now;
        ContactEvent e = contactEvent(c, ContactEventType.QUEUED, now);
        e.queueId = q.def.id();
        e.skill = q.def.id();
        e.ivrTopic = c.isInbound() ? c.recognizedTopic : null;
        emit(e, c);
        Agent idle = q.idle.isEmpty() ? null : q.idle.first();
        if (idle != null) {
            offer(c, idle);
            return;
        }
        boolean voice = c.isVoice() && c.isInbound();
        c.overflowed = voice && q.full();
        c.waiting = true;
        int token = ++c.waitToken;
        q.waiting.addLast(c);
        q.waitingCount++;
        double patience = c.leg > 1 ? c.patienceSeconds * 1.5 : c.patienceSeconds; // after a transfer callers hold on longer
        c.abandonAt = Double.isInfinite(patience) ? Long.MAX_VALUE : now + Dist.millis(patience, 1_000);
        c.callbackAt = voice && q.def.callbackOffer() && c.acceptsCallback ? now + 90 * SECOND : Long.MAX_VALUE;
        if (c.overflowed) {
            c.flowOutAt = now + Dist.uniformMillis(random, 10, 30); // after the "all agents busy" announcement
        } else {
            c.flowOutAt = voice && q.def.maxWaitSeconds() > 0 ? now + q.def.maxWaitSeconds() * SECOND : Long.MAX_VALUE;
        }
        long first = Math.min(c.abandonAt, Math.min(c.callbackAt, c.flowOutAt));
        if (first != Long.MAX_VALUE) {
            at(first, () -> stopWaiting(c, token));
        }
    }

    /** The caller's patience, the callback offer or the queue's maximum wait ends the wait, unless an agent came first. */
    private void stopWaiting(Contact c, int token) {
        if (!c.waiting || c.waitToken != token) {
            return;
        }
        c.waiting = false;
        QueueState q = c.queue;
        q.waitingCount--;
        int waited = seconds(now - c.queuedAt);
        ContactOutcome outcome;
        if (now == c.abandonAt) {
            ContactEvent e = contactEvent(c, ContactEventType.ABANDONED, now);
            e.queueId = q.def.id();
            e.skill = q.def.id();
            e.waitSeconds = waited;
            emit(e, c);
            outcome = ContactOutcome.ABANDONED;
        } else if (now == c.callbackAt) {
            ContactEvent e = contactEvent(c, ContactEventType.CALLBACK_REQUESTED, now);
            e.queueId = q.def.id();
            e.skill = q.def.id();
            emit(e, c);
            outcome = ContactOutcome.CALLBACK_REQUESTED;
        } else {
            ContactEvent e = contactEvent(c, ContactEventType.FLOWED_OUT, now);
            e.queueId = q.def.id();
            e.waitSeconds = waited;
            e.targetQueueId = c.overflowed ? TenantProfile.overflow() : TenantProfile.voicemail();
            emit(e, c);
            outcome = ContactOutcome.FLOWED_OUT;
        }
        long ended = now + Dist.uniformMillis(random, 0.05, 0.5);
        ContactEvent endEvent = contactEvent(c, ContactEventType.ENDED, ended);
        endEvent.queueId = q.def.id();
        emit(endEvent, c);
        ContactRecord r = record(c, outcome, ended);
        r.queueId = q.def.id();
        r.queuedAt = c.queuedAt;
        r.queueWaitSeconds = waited;
        r.topic = c.recognizedTopic;
        r.occurredAt = ended;
        emit(r, c);
        switch (outcome) {
            case ABANDONED:
                if (Dist.chance(random, c.topic.code().equals(Catalog.BROADBAND_OUTAGE) ? 0.7 : 0.6)) {
                    callAgain(c, clamp(Dist.lognormal(random, 6 * 60, 0.9), 30, 3 * 3600), c.channel, false);
                }
                break;
            case FLOWED_OUT:
                if (Dist.chance(random, 0.6)) {
                    callAgain(c, clamp(Dist.lognormal(random, 40 * 60, 0.8), 120, 12 * 3600), Channel.VOICE, false);
                }
                break;
            default:
                long callbackAt = ended + Dist.millis(clamp(Dist.lognormal(random, 15 * 60, 0.7), 180, 3 * 3600), 0);
                if (callbackAt < c.tenant.horizonEnd) { // only while the tenant's agents are rostered
                    at(callbackAt, () -> placeCallback(c, q));
                }
        }
    }

    /** The centre calls back a customer who asked for it, from the queue they left. */
    private void placeCallback(Contact original, QueueState q) {
        outbound++;
        TenantState t = original.tenant;
        String text = original.caller.format(random, t.profile.english);
        phones.accept(text);
        Contact c = new Contact(t, contactId(t, "B", ++t.callbackSeq), original.caller, text, Channel.VOICE, Direction.OUTBOUND, false);
        ContactPlanner.plan(c, t.profile, random, original.topic, false);
        c.firstQueue = q.def.id();
        begin(c);
    }

    private void offer(Contact c, Agent a) {
        takeOffIdle(a);
        a.state = Agent.State.BUSY;
        a.contact = c;
        c.agent = a;
        c.waiting = false;
        long offeredAt = now + Dist.uniformMillis(random, 0.05, 0.4);
        AgentStateEvent s = agentEvent(a, AgentState.ON_CONTACT, offeredAt);
        s.contactId = c.id;
        emit(s, a);
        ContactEvent e = contactEvent(c, ContactEventType.OFFERED, offeredAt);
        e.queueId = c.queue.def.id();
        e.skill = c.queue.def.id();
        e.agentId = a.id;
        emit(e, c);
        at(offeredAt + ContactPlanner.ringMillis(c, random), () -> answer(c));
    }

    private void answer(Contact c) {
        Agent a = c.agent;
        c.answeredAt = now;
        ContactEvent e = contactEvent(c, ContactEventType.ANSWERED, now);
        e.queueId = c.queue.def.id();
        e.skill = c.queue.def.id();
        e.agentId = a.id;
        e.waitSeconds = seconds(now - c.queuedAt);
        emit(e, c);
        boolean transfer = c.transferTarget != null && c.leg == 1;
        long talk = ContactPlanner.talkMillis(c, random, transfer, a.pace, c.queue.def.id().equals("vip"));
        long[] holds = ContactPlanner.holds(c, random);
        long holdTotal = 0;
        long t = now;
        long[] cuts = new long[holds.length];
        for (int i = 0; i < holds.length; i++) {
            cuts[i] = (long) (talk * (0.15 + 0.7 * random.nextDouble()));
        }
        java.util.Arrays.sort(cuts);
        long talked = 0;
        for (int i = 0; i < holds.length; i++) {
            t += cuts[i] - talked;
            talked = cuts[i];
            ContactEvent hold = contactEvent(c, ContactEventType.HOLD, t);
            hold.queueId = c.queue.def.id();
            hold.agentId = a.id;
            emit(hold, c);
            t += holds[i];
            holdTotal += holds[i];
            ContactEvent unhold = contactEvent(c, ContactEventType.UNHOLD, t);
            unhold.queueId = c.queue.def.id();
            unhold.agentId = a.id;
            emit(unhold, c);
        }
        long endAt = now + talk + holdTotal;
        int holdCount = holds.length;
        long holdMs = holdTotal;
        at(endAt, () -> endTalk(c, transfer, endAt - c.answeredAt - holdMs, holdCount, holdMs));
    }

    private void endTalk(Contact c, boolean transfer, long talkMs, int holdCount, long holdMs) {
        Agent a = c.agent;
        QueueState q = c.queue;
        ContactEvent e = contactEvent(c, transfer ? ContactEventType.TRANSFERRED : ContactEventType.ENDED, now);
        e.queueId = q.def.id();
        e.agentId = a.id;
        if (transfer) {
            e.targetQueueId = c.transferTarget;
        }
        emit(e, c);
        ContactRecord r = record(c, ContactOutcome.HANDLED, now);
        r.queueId = q.def.id();
        r.queuedAt = c.queuedAt;
        r.answeredAt = c.answeredAt;
        r.queueWaitSeconds = seconds(c.answeredAt - c.queuedAt);
        r.talkSeconds = seconds(talkMs);
        r.holdSeconds = seconds(holdMs);
        r.holdCount = holdCount;
        r.agentId = a.id;
        r.teamId = a.teamId;
        r.siteId = a.site.id();
        r.remoteSeat = a.site.remote();
        r.topic = c.topic.code();
        r.subTopic = c.subTopic;
        r.demandCategory = c.demand;
        r.transferCount = transfer ? 1 : 0;
        r.selfServiceRecommended = SelfServiceChannel.NONE;
        boolean resolved = false;
        if (transfer) {
            r.resolvedOnContact = false;
        } else {
            double chance = c.demand == DemandCategory.COMPLAINT ? 0.35 : c.topic.resolveRate();
            resolved = Dist.chance(random, Math.max(0.05, Math.min(0.98, chance + 0.2 * a.quality)));
            r.resolvedOnContact = resolved;
            if (c.isInbound() && c.topic.selfService() != SelfServiceChannel.NONE && Dist.chance(random, c.surge ? 0.6 : 0.35)) {
                r.selfServiceRecommended = c.topic.selfService();
            }
            if (c.demand != DemandCategory.COMPLAINT && Dist.chance(random, 0.14)) {
                offer(r, c);
            }
        }
        a.state = Agent.State.WRAP_UP;
        AgentStateEvent s = agentEvent(a, AgentState.AFTER_CONTACT_WORK, now);
        s.contactId = c.id;
        emit(s, a);
        long wrapEnd = now + ContactPlanner.acwMillis(c, random, transfer);
        boolean finalLeg = !transfer;
        boolean wasResolved = resolved;
        at(wrapEnd, () -> endWrapUp(a, c, r, finalLeg, wasResolved));
        if (transfer) {
            String target = c.transferTarget;
            c.transfers++;
            c.leg++;
            c.agent = null;
            c.legArrivedAt = now;
            c.transferTarget = null;
            at(now + Dist.uniformMillis(random, 0.5, 2), () -> enqueue(c, c.tenant.queue(target)));
        }
    }

    /** A service-marketing offer on this leg: product, how it would be fulfilled, and the customer's answer. */
    private void offer(ContactRecord r, Contact c) {
        String[] offers = c.topic.offers();
        String product = offers.length > 0 && Dist.chance(random, 0.8) ? Dist.pick(random, offers) : Dist.pick(random, DEFAULT_OFFERS);
        OfferFlowType flow = Catalog.PRODUCTS.get(product);
        double accept;
        double decline;
        switch (flow) {
            case DIRECT_HANDLING:
                accept = 0.30;
                decline = 0.52;
                break;
            case APPOINTMENT:
                accept = 0.20;
                decline = 0.48;
                break;
            default:
                accept = 0.14;
                decline = 0.58;
        }
        double x = random.nextDouble();
        r.offerProduct = product;
        r.offerFlowType = flow;
        r.offerOutcome = x < accept ? OfferOutcome.ACCEPTED : x < accept + decline ? OfferOutcome.DECLINED : OfferOutcome.UNDECIDED;
    }

    private void endWrapUp(Agent a, Contact c, ContactRecord r, boolean finalLeg, boolean resolved) {
        r.wrapupEndedAt = now;
        r.acwSeconds = seconds(now - r.endedAt);
        r.occurredAt = now;
        emit(r, c);
        if (finalLeg) {
            afterHandled(c, r, resolved);
        }
        a.contact = null;
        nextForAgent(a);
    }

    /** What a handled contact leads to: a complaint ticket, a survey answer, and the caller's next contact. */
    private void afterHandled(Contact c, ContactRecord r, boolean resolved) {
        if (c.demand == DemandCategory.COMPLAINT) {
            openComplaint(c, r);
        }
        if (Dist.chance(random, 0.30) && Dist.chance(random, 0.42)) {
            scheduleSurvey(c, r, resolved);
        }
        SelfServiceChannel rec = r.selfServiceRecommended;
        if (rec != SelfServiceChannel.NONE) {
            double x = random.nextDouble();
            if (x < 0.5) { // uses the recommended path later
                Channel ch = rec == SelfServiceChannel.IVR ? Channel.VOICE : Channel.APP;
                callAgain(c, clamp(Dist.lognormal(random, 2 * 3600, 0.7), 600, 24 * 3600), ch, true);
                return;
            }
            if (x < 0.65) { // tries, gives up, calls an agent after all
                callAgain(c, clamp(Dist.lognormal(random, 4 * 3600, 0.8), 900, 30 * 3600), Channel.VOICE, false);
                return;
            }
        }
        if (!resolved && Dist.chance(random, 0.40)) {
            Channel ch = Dist.chance(random, 0.8) ? Channel.VOICE : c.channel;
            callAgain(c, clamp(Dist.lognormal(random, 3 * 3600, 0.9), 1200, 30 * 3600), ch, false);
        } else if (resolved && Dist.chance(random, 0.03)) {
            callAgain(c, clamp(Dist.lognormal(random, 26 * 3600, 0.5), 3600, 72 * 3600), c.channel, false);
        }
    }

    private void callAgain(Contact c, double delaySeconds, Channel channel, boolean selfServe) {
        if (c.isInbound()) {
            c.tenant.callAgain(now + Dist.millis(delaySeconds, 0), c.caller, c.topic, channel, selfServe);
        }
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    // ---------------------------------------------------------------- agents

    private void login(Agent a, Staffing.Shift shift) {
        a.shiftToken++;
        a.logoutDue = false;
        a.duePauses.clear();
        a.state = Agent.State.LOGGING_IN;
        for (QueueState q : a.skills) {
            q.staffed++;
        }
        AgentStateEvent e = agentEvent(a, AgentState.LOGIN, now);
        e.skills = a.skillCodes;
        emit(e, a);
        int token = a.shiftToken;
        at(now + Dist.uniformMillis(random, 15, 90), () -> {
            if (a.shiftToken == token && a.state == Agent.State.LOGGING_IN) {
                nextForAgent(a);
            }
        });
        for (Agent.Pause p : pauses(shift)) {
            at(p.start(), () -> pauseDue(a, p, token));
        }
        at(shift.end(), () -> shiftOver(a, token));
    }

    /** Breaks and a meal at their usual places in the shift, plus the occasional training, meeting or coaching. */
    private List<Agent.Pause> pauses(Staffing.Shift shift) {
        List<Agent.Pause> out = new ArrayList<>();
        long s = shift.start();
        long len = shift.end() - s;
        if (len >= 6 * HOUR) {
            out.add(new Agent.Pause(s + Dist.uniformMillis(random, 1.75 * 3600, 2.25 * 3600), Dist.uniformMillis(random, 12 * 60, 17 * 60), NotReadyReason.BREAK));
            out.add(new Agent.Pause(s + len / 2 + Dist.uniformMillis(random, -45 * 60, 15 * 60), Dist.uniformMillis(random, 30 * 60, 45 * 60), NotReadyReason.MEAL));
            out.add(new Agent.Pause(s + len - Dist.uniformMillis(random, 1.75 * 3600, 2.25 * 3600), Dist.uniformMillis(random, 12 * 60, 17 * 60), NotReadyReason.BREAK));
        } else if (len >= 3 * HOUR) {
            out.add(new Agent.Pause(s + len / 2 + Dist.uniformMillis(random, -20 * 60, 20 * 60), Dist.uniformMillis(random, 12 * 60, 17 * 60), NotReadyReason.BREAK));
        }
        extra(out, shift, 0.05, NotReadyReason.TRAINING, 45, 90);
        extra(out, shift, 0.08, NotReadyReason.MEETING, 20, 35);
        extra(out, shift, 0.10, NotReadyReason.COACHING, 15, 25);
        extra(out, shift, 0.30, NotReadyReason.ADMIN, 4, 10);
        extra(out, shift, 0.06, NotReadyReason.TECHNICAL, 3, 12);
        extra(out, shift, 0.22, NotReadyReason.PERSONAL, 3, 8);
        out.sort(Comparator.comparingLong(Agent.Pause::start));
        return out;
    }

    private void extra(List<Agent.Pause> out, Staffing.Shift shift, double chance, NotReadyReason reason, int minMinutes, int maxMinutes) {
        if (Dist.chance(random, chance)) {
            long len = shift.end() - shift.start();
            long at = shift.start() + (long) (len * Dist.uniform(random, 0.1, 0.85));
            out.add(new Agent.Pause(at, Dist.uniformMillis(random, minMinutes * 60, maxMinutes * 60), reason));
        }
    }

    private void pauseDue(Agent a, Agent.Pause p, int token) {
        if (a.shiftToken != token || a.state == Agent.State.OFFLINE) {
            return;
        }
        if (a.state == Agent.State.IDLE) {
            takeOffIdle(a);
            startPause(a, p);
        } else {
            a.duePauses.addLast(p); // starts when the current contact or pause is done
        }
    }

    private void startPause(Agent a, Agent.Pause p) {
        a.state = Agent.State.NOT_READY;
        AgentStateEvent e = agentEvent(a, AgentState.NOT_READY, now);
        e.reason = p.reason();
        emit(e, a);
        int token = ++a.pauseToken;
        at(now + p.durationMillis(), () -> {
            if (a.pauseToken == token && a.state == Agent.State.NOT_READY) {
                nextForAgent(a);
            }
        });
    }

    private void shiftOver(Agent a, int token) {
        if (a.shiftToken != token) {
            return;
        }
        if (now >= a.tenant.horizonEnd && a.state != Agent.State.IDLE && a.state != Agent.State.OFFLINE) {
            // the run's last shift stays until its queues are empty, so no contact is left without an end
            a.draining = true;
            if (a.state == Agent.State.NOT_READY || a.state == Agent.State.LOGGING_IN) {
                a.pauseToken++;
                a.duePauses.clear();
                nextForAgent(a);
            }
            return;
        }
        switch (a.state) {
            case IDLE:
                takeOffIdle(a);
                logout(a);
                break;
            case NOT_READY:
            case LOGGING_IN:
                a.pauseToken++;
                logout(a);
                break;
            case BUSY:
            case WRAP_UP:
                a.logoutDue = true; // finishes the contact first
                break;
            default:
                break;
        }
    }

    private void logout(Agent a) {
        for (QueueState q : a.skills) {
            q.staffed--;
        }
        a.state = Agent.State.OFFLINE;
        a.draining = false;
        a.duePauses.clear();
        a.logoutDue = false;
        emit(agentEvent(a, AgentState.LOGOUT, now), a);
    }

    /** After login, a pause or a contact: log out, start a due pause, take the next waiting contact, or wait idle. */
    private void nextForAgent(Agent a) {
        if (a.logoutDue) {
            logout(a);
            return;
        }
        Agent.Pause due = a.draining ? null : a.duePauses.pollFirst();
        if (due != null) {
            startPause(a, due);
            return;
        }
        Contact next = oldestWaitingFor(a);
        if (a.draining && next == null) {
            logout(a);
            return;
        }
        emit(agentEvent(a, AgentState.READY, now), a);
        if (next != null) {
            next.queue.waiting.pollFirst();
            next.queue.waitingCount--;
            offer(next, a);
            return;
        }
        a.state = Agent.State.IDLE;
        a.idleSince = now;
        for (QueueState q : a.skills) {
            q.idle.add(a);
        }
    }

    /** The contact this agent takes: from the highest-priority queue among its skills, the one waiting longest. */
    private static Contact oldestWaitingFor(Agent a) {
        Contact best = null;
        for (QueueState q : a.skills) {
            Contact head = q.peekWaiting();
            if (head != null && (best == null || q.def.priority() > best.queue.def.priority()
                    || (q.def.priority() == best.queue.def.priority() && head.queuedAt < best.queuedAt))) {
                best = head;
            }
        }
        return best;
    }

    private static void takeOffIdle(Agent a) {
        if (a.state == Agent.State.IDLE) {
            for (QueueState q : a.skills) {
                q.idle.remove(a);
            }
        }
    }

    // ---------------------------------------------------------------- complaints and surveys

    private void openComplaint(Contact c, ContactRecord r) {
        complaints++;
        TenantState t = c.tenant;
        ComplaintCategory category = c.topic.complaintCategory();
        if (c.subTopic.equals("unknown_vas_charge") || c.subTopic.equals("unauthorized_subscription")) {
            category = ComplaintCategory.UNAUTHORIZED_CHARGE;
        } else if (c.topic.code().equals("service_complaint") && c.subTopic.equals("repeated_fault")) {
            category = ComplaintCategory.NETWORK_QUALITY;
        }
        String site = r.siteId.equals("remote") ? t.profile.sites.items().get(0).id() : r.siteId;
        String team = "cmp-" + site + "-" + (1 + random.nextInt(4));
        ComplaintPlan plan = ComplaintPlan.plan(random, now, t.zone, category, team, "sup-" + site);
        String id = contactId(t, "CP", ++t.complaintSeq);
        String caller = c.caller.handle(random, c.channel, t.profile);
        phones.accept(caller);
        complaintStep(t, id, plan, 0, c.id, c.channel, caller, category);
    }

    private void complaintStep(TenantState t, String id, ComplaintPlan plan, int index, String contactId, Channel channel, String caller,
            ComplaintCategory category) {
        ComplaintPlan.Step step = plan.steps.get(index);
        ComplaintEvent e = new ComplaintEvent();
        e.tenantId = t.id();
        e.occurredAt = now;
        e.complaintId = id;
        e.action = step.action();
        e.assignedTo = step.assignedTo();
        e.level = step.level();
        e.linkedContactId = contactId;
        if (step.action() == ComplaintAction.OPENED) {
            e.category = category;
            e.severity = plan.severity;
            e.deadlinePolicy = plan.policy;
            e.channel = channel;
            e.callerNumber = caller;
        }
        emitter.emit(Stream.COMPLAINT_EVENTS, e, id);
        if (index + 1 < plan.steps.size()) {
            at(plan.steps.get(index + 1).at(), () -> complaintStep(t, id, plan, index + 1, contactId, channel, caller, category));
        }
    }

    private void scheduleSurvey(Contact c, ContactRecord r, boolean resolved) {
        SurveyMethod method = Surveys.method(c.channel, random);
        long answerAt = Math.max(now + SECOND, r.endedAt + Surveys.delayMillis(method, random));
        int wait = r.queueWaitSeconds == null ? 0 : r.queueWaitSeconds;
        Agent a = c.agent;
        double quality = a == null ? 0 : a.quality;
        at(answerAt, () -> {
            surveys++;
            SurveyResponse s = new SurveyResponse();
            s.tenantId = c.tenant.id();
            s.occurredAt = now;
            s.contactId = c.id;
            s.agentId = r.agentId;
            s.queueId = r.queueId;
            s.method = method;
            Surveys.answer(s, random, resolved, wait, c.transfers, c.demand == DemandCategory.COMPLAINT, quality, c.tenant.profile.english, c.caller,
                    c.tenant.profile, phones);
            emitter.emit(Stream.SURVEY_RESPONSES, s, c.id);
        });
    }

    // ---------------------------------------------------------------- events

    private ContactEvent contactEvent(Contact c, ContactEventType type, long at) {
        ContactEvent e = new ContactEvent();
        e.tenantId = c.tenant.id();
        e.occurredAt = at;
        e.contactId = c.id;
        e.eventType = type;
        e.channel = c.channel;
        return e;
    }

    /** The record of the contact's current leg, with what every outcome shares. */
    private ContactRecord record(Contact c, ContactOutcome outcome, long endedAt) {
        ContactRecord r = new ContactRecord();
        r.tenantId = c.tenant.id();
        r.contactId = c.id;
        r.leg = c.leg;
        r.channel = c.channel;
        r.direction = c.direction;
        r.outcome = outcome;
        r.callerNumber = c.callerText;
        r.region = c.caller.district.id();
        r.customerSegment = c.caller.segment;
        r.arrivedAt = c.legArrivedAt;
        r.endedAt = endedAt;
        if (c.leg == 1 && c.ivrEnteredAt > 0) {
            r.ivrSeconds = seconds(c.ivrLeftAt - c.ivrEnteredAt);
        }
        r.transferCount = 0;
        return r;
    }

    private AgentStateEvent agentEvent(Agent a, AgentState state, long at) {
        AgentStateEvent e = new AgentStateEvent();
        e.tenantId = a.tenant.id();
        e.occurredAt = at;
        e.agentId = a.id;
        e.state = state;
        e.teamId = a.teamId;
        e.siteId = a.site.id();
        e.remoteSeat = a.site.remote();
        return e;
    }

    private void emit(ContactEvent e, Contact c) {
        emitter.emit(Stream.CONTACT_EVENTS, e, c.id);
    }

    private void emit(ContactRecord r, Contact c) {
        emitter.emit(Stream.CONTACT_RECORDS, r, c.id);
    }

    private void emit(AgentStateEvent e, Agent a) {
        emitter.emit(Stream.AGENT_STATE_EVENTS, e, a.id);
    }

    private static int seconds(long millis) {
        return (int) Math.round(millis / 1000.0);
    }

    /** UTC offset of a tenant's zone, cached between transitions so formatting a timestamp allocates nothing. */
    private static final class ZoneCache {
        private final java.time.zone.ZoneRules rules;
        private long from = Long.MAX_VALUE;
        private long until = Long.MIN_VALUE;
        private int offset;

        ZoneCache(TenantState t) {
            this.rules = t.zone;
        }

        int offset(long ms) {
            if (ms < from || ms >= until) {
                Instant i = Instant.ofEpochMilli(ms);
                offset = rules.getOffset(i).getTotalSeconds();
                ZoneOffsetTransition prev = rules.previousTransition(i.plusMillis(1));
                ZoneOffsetTransition next = rules.nextTransition(i);
                from = prev == null ? Long.MIN_VALUE : prev.getInstant().toEpochMilli();
                until = next == null ? Long.MAX_VALUE : next.getInstant().toEpochMilli();
            }
            return offset;
        }
    }
}
