package com.callpulse.reconcile;

import com.callpulse.model.QuarantineReason;

/**
 * The counters of the reconciliation. Every record read ends as exactly one of accepted, duplicate, or rejected
 * for one reason, so per stream {@code read = accepted + duplicates + rejected}. {@code late_kept} counts the
 * accepted records that arrived late (a subset of accepted, not a separate outcome).
 */
public final class Outcome {
    public static final int READ = 0;
    public static final int ACCEPTED = 1;
    public static final int LATE_KEPT = 2;
    public static final int DUPLICATE = 3;
    private static final int FIRST_REJECTION = 4;

    /** Counter names, as used in tally deltas and the run summary. */
    static final String[] NAMES;

    static {
        QuarantineReason[] reasons = QuarantineReason.values();
        NAMES = new String[FIRST_REJECTION + reasons.length];
        NAMES[READ] = "read";
        NAMES[ACCEPTED] = "accepted";
        NAMES[LATE_KEPT] = "late_kept";
        NAMES[DUPLICATE] = "duplicates";
        for (QuarantineReason r : reasons) {
            NAMES[FIRST_REJECTION + r.ordinal()] = r.code();
        }
    }

    private Outcome() {}

    public static int count() {
        return NAMES.length;
    }

    /** The counter of a quarantine reason: {@link #DUPLICATE} for duplicates, else the rejection's own. */
    public static int of(QuarantineReason reason) {
        return reason == QuarantineReason.DUPLICATE ? DUPLICATE : FIRST_REJECTION + reason.ordinal();
    }

    public static boolean isRejection(int counter) {
        return counter >= FIRST_REJECTION && counter != FIRST_REJECTION + QuarantineReason.DUPLICATE.ordinal();
    }

    public static String name(int counter) {
        return NAMES[counter];
    }

    public static int byName(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no counter " + name);
    }
}
