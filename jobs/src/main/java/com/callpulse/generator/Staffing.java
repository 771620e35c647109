package com.callpulse.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * Workforce planning from the forecast: agents needed per half-hour from the offered load, then a roster of full and
 * part-time shifts that covers the need, built greedily in time order. Off-peak the plan aims at an occupancy of 0.88
 * with an Erlang C service-level floor (which decides for small groups); at the peaks it plans no margin at all, and it
 * plans less shrinkage than breaks and meals really take. That deliberate leanness, plus forecast error and the
 * unplanned outage, is what makes service levels dip and abandonment rise at the busy hours.
 */
final class Staffing {
    static final long SLOT_MILLIS = 30 * 60_000L;
    private static final int FULL_SHIFT_SLOTS = 17; // 8.5 h including the meal
    private static final int PART_SHIFT_SLOTS = 9; // 4.5 h
    private static final double OCCUPANCY = 0.88;
    private static final double PEAK_OCCUPANCY = 1.0;
    private static final double SHRINKAGE = 0.08;

    private Staffing() {}

    record Shift(int group, long start, long end) {}

    /**
     * Agents to have logged in for an offered load of {@code erlangs}.
     *
     * @param peak the slot is among the day's busiest for this group, where centres run lean
     */
    static int agentsNeeded(double erlangs, double ahtSeconds, double answerWithinSeconds, boolean peak) {
        if (erlangs <= 0) {
            return 1;
        }
        int byOccupancy = (int) Math.ceil(erlangs / (peak ? PEAK_OCCUPANCY : OCCUPANCY));
        int byServiceLevel = erlangC(erlangs, ahtSeconds, answerWithinSeconds, peak ? 0.3 : 0.65);
        int working = Math.max(1, Math.max(byOccupancy, byServiceLevel));
        return (int) Math.ceil(working / (1 - SHRINKAGE));
    }

    /** Smallest number of agents reaching the service level {@code target} within {@code t} seconds (Erlang C). */
    static int erlangC(double a, double aht, double t, double target) {
        double b = 1.0; // Erlang B, built up agent by agent
        for (int n = 1; n < 100_000; n++) {
            b = a * b / (n + a * b);
            if (n > a) {
                double c = n * b / (n - a * (1 - b));
                double sl = 1 - c * Math.exp(-(n - a) * t / aht);
                if (sl >= target) {
                    return n;
                }
            }
        }
        return (int) Math.ceil(a) + 1;
    }

    /**
     * Shifts covering {@code need[slot]} agents for one group; slot 0 starts at {@code start}. Where the deficit
     * lasts a full shift, full-time agents start; the rest is covered by part-timers.
     */
    static List<Shift> roster(int group, int[] need, long start) {
        int slots = need.length;
        int[] cover = new int[slots];
        List<Shift> shifts = new ArrayList<>();
        for (int s = 0; s < slots; s++) {
            int deficit = need[s] - cover[s];
            if (deficit <= 0) {
                continue;
            }
            int lasting = deficit;
            for (int x = s; x < Math.min(slots, s + FULL_SHIFT_SLOTS); x++) {
                lasting = Math.min(lasting, need[x] - cover[x]);
            }
            int full = Math.max(0, lasting);
            add(shifts, cover, group, start, s, FULL_SHIFT_SLOTS, full);
            add(shifts, cover, group, start, s, PART_SHIFT_SLOTS, deficit - full);
        }
        return shifts;
    }

    private static void add(List<Shift> shifts, int[] cover, int group, long start, int slot, int length, int count) {
        int end = Math.min(cover.length, slot + length);
        for (int i = 0; i < count; i++) {
            shifts.add(new Shift(group, start + slot * SLOT_MILLIS, start + end * SLOT_MILLIS));
        }
        for (int x = slot; x < end; x++) {
            cover[x] += count;
        }
    }
}
