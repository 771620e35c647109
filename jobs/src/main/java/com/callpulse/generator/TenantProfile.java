package com.callpulse.generator;

import com.callpulse.config.TenantConfig;
import com.callpulse.model.Channel;
import com.callpulse.model.CustomerSegment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What kind of desk a configured tenant is, and everything that follows from it: its districts, sites, queues,
 * agent groups, channel and topic mix and caller numbers. The first tenant in a Chinese zone is the operator's own
 * provincial hotline; further Chinese tenants are outsourced MVNO desks; a tenant in any other zone is the
 * English-speaking roaming partner desk.
 */
final class TenantProfile {
    enum Kind { OPERATOR, MVNO, ROAMING }

    /** A district callers live in; the area code makes landline numbers, the country code foreign ones. */
    record District(String id, String areaCode, String countryCode) {}

    record Site(String id, boolean remote) {}

    /**
     * @param priority higher is served first by an agent with several skills
     * @param callbackOffer long-waiting voice callers are offered a callback
     * @param maxWaitSeconds a voice contact waiting this long flows out to voicemail
     */
    record QueueDef(String id, int priority, boolean digital, boolean callbackOffer, int maxWaitSeconds) {}

    /** Agents with the same skills, staffed for the load of their home queues. */
    record GroupDef(String name, String[] skills, String[] homeQueues) {}

    private static final Set<String> CHINA_ZONES = Set.of("Asia/Shanghai", "Asia/Chongqing", "Asia/Chungking", "Asia/Harbin", "Asia/Urumqi", "PRC");
    private static final String VOICEMAIL = "voicemail";
    private static final String OVERFLOW = "overflow-partner";

    final TenantConfig tenant;
    final Kind kind;
    final double share;
    /** Short upper-case tenant code used in agent, contact and complaint ids. */
    final String code;
    final Weighted<District> districts;
    final Weighted<Site> sites;
    final Weighted<CustomerSegment> segments;
    final Weighted<Channel> channels;
    final Weighted<Topic> voiceTopics;
    final Weighted<Topic> digitalTopics;
    final Map<Channel, Double> digitalSelfServe;
    final List<QueueDef> queues;
    final List<GroupDef> groups;
    /** Share of callers calling from a landline (operator) or a foreign number (roaming desk). */
    final double landlineShare;
    final double foreignShare;
    final String[] mobilePrefixes;
    final boolean english;

    private TenantProfile(TenantConfig tenant, Kind kind, double share, String code) {
        this.tenant = tenant;
        this.kind = kind;
        this.share = share;
        this.code = code;
        this.districts = districtsOf(kind);
        this.sites = sitesOf(kind);
        this.segments = segmentsOf(kind);
        this.channels = channelsOf(kind);
        this.voiceTopics = topicsOf(kind, false);
        this.digitalTopics = topicsOf(kind, true);
        this.digitalSelfServe = new EnumMap<>(Channel.class);
        digitalSelfServe.put(Channel.APP, 0.70);
        digitalSelfServe.put(Channel.WEBCHAT, 0.25);
        digitalSelfServe.put(Channel.WECHAT, 0.30);
        digitalSelfServe.put(Channel.SMS, 0.10);
        digitalSelfServe.put(Channel.WEIBO, 0.0);
        digitalSelfServe.put(Channel.EMAIL, 0.0);
        this.queues = queuesOf(kind);
        this.groups = groupsOf(kind);
        this.landlineShare = kind == Kind.OPERATOR ? 0.12 : 0.0;
        this.foreignShare = kind == Kind.ROAMING ? 0.70 : 0.0;
        this.mobilePrefixes = kind == Kind.MVNO
                ? new String[] {"170", "171", "165", "167", "162", "170", "171"}
                : new String[] {"134", "135", "136", "137", "138", "139", "147", "150", "151", "152", "157", "158", "159", "172", "178", "182", "183",
                        "184", "187", "188", "195", "197", "198"};
        this.english = kind == Kind.ROAMING;
    }

    /** Profiles of the configured tenants, in configuration order, with their volume shares (85/10/5 % for three). */
    static List<TenantProfile> of(List<TenantConfig> tenants) {
        List<TenantProfile> out = new ArrayList<>();
        boolean operatorTaken = false;
        double[] shares = shares(tenants.size());
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < tenants.size(); i++) {
            TenantConfig t = tenants.get(i);
            Kind kind;
            if (!CHINA_ZONES.contains(t.timeZone().getId())) {
                kind = Kind.ROAMING;
            } else if (!operatorTaken) {
                kind = Kind.OPERATOR;
                operatorTaken = true;
            } else {
                kind = Kind.MVNO;
            }
            String code = codeOf(t.id());
            if (codes.contains(code)) {
                code = code + i;
            }
            codes.add(code);
            out.add(new TenantProfile(t, kind, shares[i], code));
        }
        return out;
    }

    static double[] shares(int n) {
        double[] s = new double[n];
        if (n == 1) {
            s[0] = 1.0;
            return s;
        }
        s[0] = 0.85;
        double rest = 0;
        for (int i = 1; i < n; i++) {
            rest += Math.pow(0.5, i);
        }
        for (int i = 1; i < n; i++) {
            s[i] = 0.15 * Math.pow(0.5, i) / rest;
        }
        return s;
    }

    private static String codeOf(String tenantId) {
        String last = tenantId.substring(tenantId.lastIndexOf('-') + 1).replace("_", "");
        if (last.isEmpty()) {
            last = tenantId.replace("-", "").replace("_", "");
        }
        return last.substring(0, Math.min(3, last.length())).toUpperCase(Locale.ROOT);
    }

    /** Queue a contact is routed to, given what the IVR or bot recognized. */
    String queueFor(Topic topic, CustomerSegment segment, Channel channel) {
        if (channel != Channel.VOICE) {
            return channel == Channel.EMAIL && hasQueue("email") ? "email" : "digital";
        }
        switch (kind) {
            case ROAMING:
                return topic.isTechnical() ? "roaming_tech" : "english";
            case MVNO:
                return topic.isTechnical() ? "mobile_tech" : topic.queue();
            default:
                String q = topic.queue();
                boolean premium = segment == CustomerSegment.GOLD || segment == CustomerSegment.PLATINUM || segment == CustomerSegment.ENTERPRISE;
                if (premium && (q.equals("general") || q.equals("billing"))) {
                    return "vip";
                }
                return q;
        }
    }

    /** A queue of this tenant that stands in for an operator queue (e.g. where a transfer goes). */
    String mapQueue(String operatorQueue) {
        if (hasQueue(operatorQueue)) {
            return operatorQueue;
        }
        if (kind == Kind.ROAMING) {
            return operatorQueue.endsWith("_tech") ? "roaming_tech" : "english";
        }
        return operatorQueue.endsWith("_tech") ? "mobile_tech" : "general";
    }

    boolean hasQueue(String id) {
        for (QueueDef q : queues) {
            if (q.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** Where a caller goes who waited the queue's maximum. */
    static String voicemail() {
        return VOICEMAIL;
    }

    /** Where the ACD sends callers while a queue is full: the outsourced overflow site. */
    static String overflow() {
        return OVERFLOW;
    }

    private static Weighted<District> districtsOf(Kind kind) {
        Weighted.Builder<District> b = Weighted.builder();
        switch (kind) {
            case OPERATOR:
                b.add(new District("hefei-shushan", "0551", "86"), 8).add(new District("hefei-baohe", "0551", "86"), 6)
                        .add(new District("hefei-luyang", "0551", "86"), 6).add(new District("hefei-yaohai", "0551", "86"), 5)
                        .add(new District("hefei-feidong", "0551", "86"), 3).add(new District("hefei-changfeng", "0551", "86"), 3)
                        .add(new District("wuhu-jinghu", "0553", "86"), 4).add(new District("wuhu-jiujiang", "0553", "86"), 3)
                        .add(new District("wuhu-yijiang", "0553", "86"), 2).add(new District("bengbu-yuhui", "0552", "86"), 3)
                        .add(new District("bengbu-bengshan", "0552", "86"), 2).add(new District("huainan-tianjiaan", "0554", "86"), 3)
                        .add(new District("maanshan-huashan", "0555", "86"), 3).add(new District("anqing-yingjiang", "0556", "86"), 3)
                        .add(new District("fuyang-yingzhou", "0558", "86"), 5).add(new District("fuyang-yingquan", "0558", "86"), 3)
                        .add(new District("luan-jinan", "0564", "86"), 4).add(new District("chuzhou-langya", "0550", "86"), 3)
                        .add(new District("suzhou-yongqiao", "0557", "86"), 4).add(new District("bozhou-qiaocheng", "0558", "86"), 3)
                        .add(new District("tongling-tongguan", "0562", "86"), 2).add(new District("xuancheng-xuanzhou", "0563", "86"), 2)
                        .add(new District("huangshan-tunxi", "0559", "86"), 1.5).add(new District("chizhou-guichi", "0566", "86"), 1.5)
                        .add(new District("huaibei-xiangshan", "0561", "86"), 2);
                break;
            case MVNO:
                b.add(new District("beijing-chaoyang", "010", "86"), 6).add(new District("shanghai-pudong", "021", "86"), 6)
                        .add(new District("guangzhou-tianhe", "020", "86"), 5).add(new District("shenzhen-nanshan", "0755", "86"), 5)
                        .add(new District("hangzhou-xihu", "0571", "86"), 3).add(new District("nanjing-gulou", "025", "86"), 3)
                        .add(new District("hefei-shushan", "0551", "86"), 4).add(new District("wuhan-hongshan", "027", "86"), 3)
                        .add(new District("chengdu-wuhou", "028", "86"), 3).add(new District("xian-yanta", "029", "86"), 2)
                        .add(new District("chongqing-yubei", "023", "86"), 2).add(new District("tianjin-nankai", "022", "86"), 2);
                break;
            default:
                b.add(new District("de-berlin", "", "49"), 5).add(new District("de-munich", "", "49"), 4).add(new District("de-frankfurt", "", "49"), 3)
                        .add(new District("fr-paris", "", "33"), 5).add(new District("fr-nice", "", "33"), 1.5).add(new District("uk-london", "", "44"), 5)
                        .add(new District("it-rome", "", "39"), 2.5).add(new District("it-milan", "", "39"), 2.5).add(new District("es-madrid", "", "34"), 2.5)
                        .add(new District("es-barcelona", "", "34"), 2).add(new District("nl-amsterdam", "", "31"), 2.5)
                        .add(new District("ch-zurich", "", "41"), 1.5).add(new District("at-vienna", "", "43"), 1.5);
        }
        return b.build();
    }

    private static Weighted<Site> sitesOf(Kind kind) {
        Weighted.Builder<Site> b = Weighted.builder();
        switch (kind) {
            case OPERATOR:
                return b.add(new Site("hefei", false), 60).add(new Site("wuhu", false), 30).add(new Site("remote", true), 10).build();
            case MVNO:
                return b.add(new Site("hefei", false), 75).add(new Site("remote", true), 25).build();
            default:
                return b.add(new Site("hefei-intl", false), 70).add(new Site("remote", true), 30).build();
        }
    }

    private static Weighted<CustomerSegment> segmentsOf(Kind kind) {
        Weighted.Builder<CustomerSegment> b = Weighted.builder();
        switch (kind) {
            case OPERATOR:
                return b.add(CustomerSegment.STANDARD, 60).add(CustomerSegment.SILVER, 21).add(CustomerSegment.GOLD, 11)
                        .add(CustomerSegment.PLATINUM, 4).add(CustomerSegment.ENTERPRISE, 4).build();
            case MVNO:
                return b.add(CustomerSegment.STANDARD, 80).add(CustomerSegment.SILVER, 15).add(CustomerSegment.GOLD, 5).build();
            default:
                return b.add(CustomerSegment.STANDARD, 55).add(CustomerSegment.SILVER, 20).add(CustomerSegment.GOLD, 15)
                        .add(CustomerSegment.PLATINUM, 5).add(CustomerSegment.ENTERPRISE, 5).build();
        }
    }

    private static Weighted<Channel> channelsOf(Kind kind) {
        Weighted.Builder<Channel> b = Weighted.builder();
        switch (kind) {
            case OPERATOR:
                return b.add(Channel.VOICE, 70).add(Channel.WECHAT, 9).add(Channel.WEBCHAT, 8).add(Channel.APP, 7).add(Channel.SMS, 3)
                        .add(Channel.EMAIL, 1.5).add(Channel.WEIBO, 1.5).build();
            case MVNO:
                return b.add(Channel.VOICE, 62).add(Channel.WECHAT, 12).add(Channel.WEBCHAT, 10).add(Channel.APP, 10).add(Channel.SMS, 3)
                        .add(Channel.EMAIL, 2).add(Channel.WEIBO, 1).build();
            default:
                return b.add(Channel.VOICE, 72).add(Channel.WEBCHAT, 10).add(Channel.APP, 8).add(Channel.EMAIL, 6).add(Channel.SMS, 2)
                        .add(Channel.WECHAT, 2).build();
        }
    }

    /** Topic weights as (code, voice weight, digital weight) triples. */
    private static Weighted<Topic> topicsOf(Kind kind, boolean digital) {
        Object[] table;
        switch (kind) {
            case OPERATOR:
                table = new Object[] {"bill_query", 14, 16, "balance", 9, 6, "data_usage", 8, 9, "data_package", 8, 10, "5g_upgrade", 5, 5,
                    "family_plan", 3, 3, "broadband_install", 4, 4, "broadband_fault", 7, 4, Catalog.BROADBAND_OUTAGE, 0.4, 0.3,
                    "mobile_signal", 5, 3, "roaming", 2, 2, "international_roaming", 1.5, 1.5, "number_porting", 2, 1.5, "sim_replacement", 3, 3,
                    "contract_cancel", 2.5, 1.5, "account_security", 2, 2, "value_added_service", 4, 4, "service_complaint", 0.9, 0.8,
                    "iot_device", 1, 1.5, "suggestion", 0.8, 1.5, "other", 5, 5};
                break;
            case MVNO:
                table = new Object[] {"bill_query", 14, 15, "balance", 12, 8, "data_usage", 11, 12, "data_package", 10, 12, "5g_upgrade", 3, 3,
                    "mobile_signal", 6, 4, "roaming", 1, 1, "number_porting", 5, 4, "sim_replacement", 4, 4, "contract_cancel", 4, 3,
                    "account_security", 2, 2, "value_added_service", 6, 6, "service_complaint", 0.9, 0.8, "suggestion", 0.8, 1.5, "other", 5, 5};
                break;
            default:
                table = new Object[] {"international_roaming", 30, 28, "roaming", 20, 22, "bill_query", 12, 14, "mobile_signal", 10, 6,
                    "data_usage", 8, 10, "sim_replacement", 5, 5, "account_security", 3, 3, "value_added_service", 2, 2,
                    "service_complaint", 0.9, 0.9, "other", 8, 8};
        }
        Weighted.Builder<Topic> b = Weighted.builder();
        for (int i = 0; i < table.length; i += 3) {
            b.add(Catalog.topic((String) table[i]), ((Number) table[digital ? i + 2 : i + 1]).doubleValue());
        }
        return b.build();
    }

    private static List<QueueDef> queuesOf(Kind kind) {
        switch (kind) {
            case OPERATOR:
                return List.of(new QueueDef("general", 1, false, true, 180), new QueueDef("billing", 1, false, true, 180),
                        new QueueDef("mobile_tech", 1, false, true, 180), new QueueDef("broadband_tech", 1, false, true, 180),
                        new QueueDef("vip", 3, false, false, 300), new QueueDef("complaints", 2, false, false, 300),
                        new QueueDef("digital", 1, true, false, 0), new QueueDef("email", 0, true, false, 0));
            case MVNO:
                return List.of(new QueueDef("general", 1, false, true, 180), new QueueDef("billing", 1, false, true, 180),
                        new QueueDef("mobile_tech", 1, false, true, 180), new QueueDef("complaints", 2, false, false, 300),
                        new QueueDef("digital", 1, true, false, 0));
            default:
                return List.of(new QueueDef("english", 1, false, true, 180), new QueueDef("roaming_tech", 1, false, true, 180),
                        new QueueDef("digital", 1, true, false, 0));
        }
    }

    private static List<GroupDef> groupsOf(Kind kind) {
        switch (kind) {
            case OPERATOR:
                return List.of(g("general", "general,billing", "general"), g("billing", "billing,general", "billing"),
                        g("mobile_tech", "mobile_tech,broadband_tech", "mobile_tech"), g("broadband_tech", "broadband_tech", "broadband_tech"),
                        g("vip", "vip,general,billing", "vip"), g("complaints", "complaints,general", "complaints"),
                        g("digital", "digital,email", "digital,email"));
            case MVNO:
                return List.of(g("general", "general,billing", "general"), g("billing", "billing,general", "billing"),
                        g("mobile_tech", "mobile_tech", "mobile_tech"), g("complaints", "complaints,general", "complaints"),
                        g("digital", "digital", "digital"));
            default:
                return List.of(g("english", "english,roaming_tech", "english"), g("roaming_tech", "roaming_tech,english", "roaming_tech"),
                        g("digital", "digital", "digital"));
        }
    }

    private static GroupDef g(String name, String skills, String home) {
        return new GroupDef(name, skills.split(","), home.split(","));
    }
}
