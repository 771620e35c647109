package com.callpulse.model;

import java.util.Locale;
import java.util.function.Supplier;

/** The five input streams. The code is the Kafka-agnostic stream name and the lake table of its facts. */
public enum Stream {
    CONTACT_EVENTS(ContactEvent.class, ContactEvent::new),
    CONTACT_RECORDS(ContactRecord.class, ContactRecord::new),
    AGENT_STATE_EVENTS(AgentStateEvent.class, AgentStateEvent::new),
    COMPLAINT_EVENTS(ComplaintEvent.class, ComplaintEvent::new),
    SURVEY_RESPONSES(SurveyResponse.class, SurveyResponse::new);

    private final Class<? extends Event> eventClass;
    private final Supplier<? extends Event> factory;
    private final String code;

    Stream(Class<? extends Event> eventClass, Supplier<? extends Event> factory) {
        this.eventClass = eventClass;
        this.factory = factory;
        this.code = name().toLowerCase(Locale.ROOT);
    }

    /** Stream name, e.g. {@code contact_events}: file prefix, config key and lake table name. */
    public String code() {
        return code;
    }

    public Class<? extends Event> eventClass() {
        return eventClass;
    }

    public Event newEvent() {
        return factory.get();
    }

    public static Stream ofCode(String code) {
        for (Stream s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stream '" + code + "'");
    }

    public static Stream ofEventClass(Class<?> type) {
        for (Stream s : values()) {
            if (s.eventClass == type) {
                return s;
            }
        }
        throw new IllegalArgumentException("not an event class: " + type);
    }
}
