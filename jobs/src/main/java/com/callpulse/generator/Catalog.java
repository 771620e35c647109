package com.callpulse.generator;

import com.callpulse.model.ComplaintCategory;
import com.callpulse.model.DemandCategory;
import com.callpulse.model.OfferFlowType;
import com.callpulse.model.SelfServiceChannel;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.callpulse.model.DemandCategory.BILLING_INQUIRY;
import static com.callpulse.model.DemandCategory.BUSINESS_CHANGE;
import static com.callpulse.model.DemandCategory.CANCELLATION;
import static com.callpulse.model.DemandCategory.COMPLAINT;
import static com.callpulse.model.DemandCategory.CONSULTATION;
import static com.callpulse.model.DemandCategory.FAULT_REPORT;
import static com.callpulse.model.DemandCategory.NEW_BUSINESS;
import static com.callpulse.model.DemandCategory.OTHER;
import static com.callpulse.model.DemandCategory.SUGGESTION;

/** The hotline's service catalogue: topics and the products agents sell. Static reference data. */
final class Catalog {
    private Catalog() {}

    static final String BROADBAND_OUTAGE = "broadband_outage";

    /** Products of service marketing and new business, with how each is fulfilled. */
    static final Map<String, OfferFlowType> PRODUCTS = new LinkedHashMap<>();

    static {
        PRODUCTS.put("data_add_on", OfferFlowType.DIRECT_HANDLING);
        PRODUCTS.put("5g_package_upgrade", OfferFlowType.DIRECT_HANDLING);
        PRODUCTS.put("video_membership", OfferFlowType.DIRECT_HANDLING);
        PRODUCTS.put("cloud_storage", OfferFlowType.DIRECT_HANDLING);
        PRODUCTS.put("family_plan", OfferFlowType.DIRECT_HANDLING);
        PRODUCTS.put("international_roaming_pack", OfferFlowType.DIRECT_HANDLING);
        PRODUCTS.put("fttr_broadband", OfferFlowType.APPOINTMENT);
        PRODUCTS.put("broadband_speed_upgrade", OfferFlowType.APPOINTMENT);
        PRODUCTS.put("iot_watch", OfferFlowType.PRE_HANDLING_DELIVERY);
        PRODUCTS.put("5g_handset_contract", OfferFlowType.PRE_HANDLING_DELIVERY);
    }

    static final Map<String, Topic> TOPICS = new LinkedHashMap<>();

    private static void topic(String code, String[] subs, Weighted<DemandCategory> demand, String queue, double ivrSelfServe, double talk,
            SelfServiceChannel self, String[] newBusiness, String[] offers, ComplaintCategory complaint, double resolve) {
        TOPICS.put(code, new Topic(code, subs, demand, queue, ivrSelfServe, talk, self, newBusiness, offers, complaint, resolve));
    }

    private static String[] s(String... v) {
        return v;
    }

    private static Weighted<DemandCategory> d(Object... pairs) {
        Weighted.Builder<DemandCategory> b = Weighted.builder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.add((DemandCategory) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return b.build();
    }

    static {
        topic("bill_query", s("monthly_bill", "bill_detail", "unexpected_charge", "e_invoice"),
                d(BILLING_INQUIRY, 85, COMPLAINT, 2, CONSULTATION, 13), "billing", 0.56, 200,
                SelfServiceChannel.APP, s(), s("5g_package_upgrade", "video_membership"), ComplaintCategory.BILLING_DISPUTE, 0.88);
        topic("balance", s("balance_check", "top_up", "arrears_suspension"),
                d(BILLING_INQUIRY, 70, CONSULTATION, 30), "billing", 0.82, 110,
                SelfServiceChannel.IVR, s(), s("data_add_on"), ComplaintCategory.BILLING_DISPUTE, 0.95);
        topic("data_usage", s("data_remaining", "data_overage", "speed_throttled"),
                d(BILLING_INQUIRY, 59, CONSULTATION, 39, COMPLAINT, 2), "billing", 0.68, 160,
                SelfServiceChannel.APP, s(), s("data_add_on", "5g_package_upgrade"), ComplaintCategory.BILLING_DISPUTE, 0.88);
        topic("data_package", s("package_change", "add_on_pack", "package_cancel"),
                d(BUSINESS_CHANGE, 60, NEW_BUSINESS, 25, CONSULTATION, 15), "general", 0.32, 240,
                SelfServiceChannel.APP, s("data_add_on", "5g_package_upgrade"), s("data_add_on", "5g_package_upgrade"), ComplaintCategory.MISSELLING, 0.90);
        topic("5g_upgrade", s("5g_package_upgrade", "5g_coverage", "5g_handset"),
                d(NEW_BUSINESS, 55, CONSULTATION, 35, BUSINESS_CHANGE, 10), "general", 0.05, 300,
                SelfServiceChannel.APP, s("5g_package_upgrade", "5g_handset_contract"), s("5g_package_upgrade", "5g_handset_contract"), ComplaintCategory.MISSELLING, 0.85);
        topic("family_plan", s("add_member", "remove_member", "share_data"),
                d(BUSINESS_CHANGE, 55, NEW_BUSINESS, 35, CONSULTATION, 10), "general", 0.05, 320,
                SelfServiceChannel.APP, s("family_plan"), s("family_plan", "iot_watch"), ComplaintCategory.OTHER, 0.85);
        topic("broadband_install", s("new_broadband_order", "install_appointment", "fttr_upgrade", "relocation"),
                d(NEW_BUSINESS, 60, BUSINESS_CHANGE, 30, CONSULTATION, 10), "broadband_tech", 0.03, 330,
                SelfServiceChannel.WEB, s("fttr_broadband", "new_broadband_order", "broadband_speed_upgrade"), s("fttr_broadband", "broadband_speed_upgrade"),
                ComplaintCategory.BROADBAND_SERVICE, 0.82);
        topic("broadband_fault", s("no_connection", "slow_speed", "wifi_issue", "optical_modem_fault"),
                d(FAULT_REPORT, 89, COMPLAINT, 3, CONSULTATION, 8), "broadband_tech", 0.04, 390,
                SelfServiceChannel.APP, s(), s("fttr_broadband"), ComplaintCategory.BROADBAND_SERVICE, 0.55);
        topic(BROADBAND_OUTAGE, s("area_outage", "outage_eta"),
                d(FAULT_REPORT, 94, COMPLAINT, 6), "broadband_tech", 0.25, 170,
                SelfServiceChannel.IVR, s(), s(), ComplaintCategory.BROADBAND_SERVICE, 0.25);
        topic("mobile_signal", s("no_signal", "call_drops", "volte_issue", "indoor_coverage"),
                d(FAULT_REPORT, 89, COMPLAINT, 3, CONSULTATION, 8), "mobile_tech", 0.03, 300,
                SelfServiceChannel.NONE, s(), s(), ComplaintCategory.NETWORK_QUALITY, 0.60);
        topic("roaming", s("roaming_activation", "roaming_charges", "roaming_package"),
                d(CONSULTATION, 50, BUSINESS_CHANGE, 35, BILLING_INQUIRY, 15), "general", 0.30, 240,
                SelfServiceChannel.SMS_LINK, s(), s("international_roaming_pack"), ComplaintCategory.BILLING_DISPUTE, 0.90);
        topic("international_roaming", s("no_service_abroad", "roaming_data_pack", "roaming_bill_shock"),
                d(CONSULTATION, 44, FAULT_REPORT, 30, BILLING_INQUIRY, 23, COMPLAINT, 3), "mobile_tech", 0.10, 280,
                SelfServiceChannel.SMS_LINK, s(), s("international_roaming_pack"), ComplaintCategory.BILLING_DISPUTE, 0.80);
        topic("number_porting", s("port_out_code", "port_in", "port_eligibility"),
                d(CANCELLATION, 52, BUSINESS_CHANGE, 30, CONSULTATION, 16, COMPLAINT, 2), "general", 0.08, 280,
                SelfServiceChannel.WEB, s(), s(), ComplaintCategory.NUMBER_PORTING, 0.75);
        topic("sim_replacement", s("lost_sim", "esim_transfer", "sim_damaged"),
                d(BUSINESS_CHANGE, 80, CONSULTATION, 20), "general", 0.05, 240,
                SelfServiceChannel.APP, s(), s("iot_watch"), ComplaintCategory.OTHER, 0.85);
        topic("contract_cancel", s("cancel_broadband", "cancel_number", "early_termination_fee"),
                d(CANCELLATION, 86, COMPLAINT, 3, CONSULTATION, 11), "general", 0.02, 360,
                SelfServiceChannel.NONE, s(), s("5g_package_upgrade"), ComplaintCategory.OTHER, 0.70);
        topic("account_security", s("fraud_call", "password_reset", "unauthorized_subscription"),
                d(CONSULTATION, 56, BUSINESS_CHANGE, 38, COMPLAINT, 6), "general", 0.20, 300,
                SelfServiceChannel.APP, s(), s(), ComplaintCategory.PRIVACY, 0.80);
        topic("value_added_service", s("unknown_vas_charge", "vas_unsubscribe", "vas_subscription"),
                d(BILLING_INQUIRY, 60, COMPLAINT, 7, BUSINESS_CHANGE, 33), "billing", 0.30, 230,
                SelfServiceChannel.SMS_LINK, s(), s("video_membership", "cloud_storage"), ComplaintCategory.UNAUTHORIZED_CHARGE, 0.85);
        topic("service_complaint", s("agent_attitude", "store_service", "installer_no_show", "repeated_fault"),
                d(COMPLAINT, 90, SUGGESTION, 10), "complaints", 0.0, 420,
                SelfServiceChannel.NONE, s(), s(), ComplaintCategory.SERVICE_ATTITUDE, 0.35);
        topic("iot_device", s("iot_watch", "smart_home_camera", "iot_card"),
                d(NEW_BUSINESS, 50, CONSULTATION, 30, FAULT_REPORT, 20), "mobile_tech", 0.05, 260,
                SelfServiceChannel.APP, s("iot_watch", "smart_home_camera", "iot_card"), s("iot_watch"), ComplaintCategory.OTHER, 0.80);
        topic("suggestion", s("product_feedback", "app_feedback"),
                d(SUGGESTION, 90, OTHER, 10), "general", 0.05, 180,
                SelfServiceChannel.NONE, s(), s(), ComplaintCategory.OTHER, 0.95);
        topic("other", s("general_inquiry", "store_location", "promotion_inquiry"),
                d(OTHER, 50, CONSULTATION, 50), "general", 0.22, 170,
                SelfServiceChannel.NONE, s(), s("cloud_storage"), ComplaintCategory.OTHER, 0.90);
    }

    static Topic topic(String code) {
        Topic t = TOPICS.get(code);
        if (t == null) {
            throw new IllegalArgumentException("no topic " + code);
        }
        return t;
    }

    /** Survey comments by mood; {@code %s} marks where a phone number goes. */
    static final String[] COMMENTS_GOOD_ZH = {"服务很好，问题很快解决了", "客服态度很耐心，谢谢", "办理很顺利", "解释得很清楚，满意", "速度快，点赞"};
    static final String[] COMMENTS_MIXED_ZH = {"问题解决了，但是等待时间有点长", "转了两次才找到对的人", "还行吧", "希望能在APP上直接办理"};
    static final String[] COMMENTS_BAD_ZH = {"等了很久才接通", "问题还是没有解决", "宽带还是断的，希望尽快修好", "费用解释不清楚，不满意", "一直在转接，体验很差", "套餐被乱办理，要求退费"};
    static final String[] COMMENTS_GOOD_EN = {"Quick and helpful, thanks", "Agent was very friendly", "Solved on the first call", "Clear explanation of the roaming charges"};
    static final String[] COMMENTS_MIXED_EN = {"Fine, but the wait was long", "Had to explain my issue twice", "OK"};
    static final String[] COMMENTS_BAD_EN = {"Waited far too long", "Still not fixed", "Roaming charges were not explained", "Transferred three times, nobody could help"};
    static final String[] COMMENTS_PHONE_ZH = {"请回电 %s", "请打我另一个号码%s联系我", "有问题再联系我 %s"};
    static final String[] COMMENTS_PHONE_EN = {"Please call me back on %s", "Better reach me at %s"};
    static final String[] COMMENTS_PHONE_UNRESOLVED_ZH = {"问题没解决，请尽快联系 %s", "请回电 %s，宽带还是不能用"};
    static final String[] COMMENTS_PHONE_UNRESOLVED_EN = {"Call me at %s, the issue is not solved", "Still not working, please call %s"};
}
