package com.callpulse.metrics.journey;

import com.callpulse.schema.Doc;
import com.callpulse.schema.Required;
import com.callpulse.schema.Timestamp;

/**
 * A row of {@code contact_repeats}: one agent-handled leg and one repeat window. It answers both repeat questions
 * for the leg: backward (was this contact itself a repeat: the anchor's {@code repeat_rate_W}) and forward (was
 * it followed by a repeat: next-contact avoidance, the agent's view). Written once, when both are decided.
 */
@Doc("One agent-handled contact leg and one repeat window: whether the caller had contacted the center within the window before (a repeat) and whether they contacted it again within the window after (followed by a repeat).")
public class ContactRepeat extends LegRow {
    @Required
    @Doc("Repeat window W in hours (metrics.repeat_windows: 24, 72, 168 by default); one row per window.")
    public int windowHours;

    @Required
    @Doc("inbound or outbound (a callback the center placed).")
    public String direction;

    @Required
    @Timestamp
    @Doc("When the contact began: the earliest arrived_at of its legs.")
    public long contactStartedAt;

    @Required
    @Doc("Backward repeat (repeat_rate_W): the caller had another counting contact that began within W before this contact began.")
    public boolean isRepeat;

    @Doc("That contact: the latest one that began within W before this contact; null when is_repeat is false.")
    public String previousContactId;

    @Timestamp
    @Doc("When that previous contact began.")
    public Long previousContactAt;

    @Required
    @Doc("is_repeat restricted to previous contacts with a leg on this leg's topic.")
    public boolean isRepeatSameTopic;

    @Doc("Forward repeat (next-contact avoidance failed): the caller began another counting contact within W after this leg ended; null while undecided.")
    public Boolean followedByRepeat;

    @Doc("That contact: the first one that began within W after this leg ended.")
    public String nextContactId;

    @Timestamp
    @Doc("When that next contact began.")
    public Long nextContactAt;

    @Doc("followed_by_repeat restricted to later contacts with a leg on this leg's topic; null while undecided.")
    public Boolean followedByRepeatSameTopic;

    @Doc("The first later contact within W with a leg on this leg's topic.")
    public String nextSameTopicContactId;

    @Timestamp
    @Doc("When that same-topic contact began.")
    public Long nextSameTopicContactAt;

    @Required
    @Doc("True when every answer is final (the window closed in event time or the repeats were found); false for rows written at the end of a bounded input before their window closed, whose undecided columns are null.")
    public boolean complete;

    public ContactRepeat() {}
}
