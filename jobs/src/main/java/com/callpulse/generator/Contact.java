package com.callpulse.generator;

import com.callpulse.model.Channel;
import com.callpulse.model.DemandCategory;
import com.callpulse.model.Direction;

/**
 * One customer contact in flight: what the caller wants (fixed at arrival) and where it is in its life (changed by
 * the simulation's steps). A transfer moves it to its next leg; the id stays the same.
 */
final class Contact {
    enum Route { IVR_SELF_SERVE, IVR_ABANDON, DIGITAL_SELF_SERVE, AGENT }

    final TenantState tenant;
    final String id;
    final Caller caller;
    final String callerText;
    final Channel channel;
    final Direction direction;
    final boolean surge;

    Topic topic;
    DemandCategory demand;
    String subTopic;
    /** Topic the IVR or chat bot recognized; routing follows it, so a misrecognized caller lands in the wrong queue. */
    String recognizedTopic;
    Route route;
    String firstQueue;
    /** Queue leg 1 is transferred to, or null. */
    String transferTarget;
    /** Seconds the caller will wait in queue before hanging up; infinite for e-mail and callbacks. */
    double patienceSeconds;
    boolean acceptsCallback;

    int leg = 1;
    long arrivedAt;
    long ivrEnteredAt;
    long ivrLeftAt;
    long legArrivedAt;
    long queuedAt;
    QueueState queue;
    boolean waiting;
    int waitToken;
    long abandonAt;
    long callbackAt;
    long flowOutAt;
    /** Queued while the queue was full: flows out to the overflow site unless an agent frees up at once. */
    boolean overflowed;
    Agent agent;
    long answeredAt;
    /** Transfers made so far. */
    int transfers;

    Contact(TenantState tenant, String id, Caller caller, String callerText, Channel channel, Direction direction, boolean surge) {
        this.tenant = tenant;
        this.id = id;
        this.caller = caller;
        this.callerText = callerText;
        this.channel = channel;
        this.direction = direction;
        this.surge = surge;
    }

    boolean isVoice() {
        return channel == Channel.VOICE;
    }

    boolean isInbound() {
        return direction == Direction.INBOUND;
    }
}
