package com.callpulse.generator;

import com.callpulse.model.QuarantineReason;

/**
 * What ingestion must do with one emitted line: accept it (flagged late or not), drop it as a duplicate, or refuse it
 * with a reason. {@code fault} is the injected fault, null for a clean line.
 */
public record Expectation(Verdict verdict, boolean late, QuarantineReason reason, Fault fault) {
    public enum Verdict { ACCEPTED, DUPLICATE, REJECTED }

    static final Expectation CLEAN = new Expectation(Verdict.ACCEPTED, false, null, null);

    static Expectation accepted(boolean late, Fault fault) {
        return fault == null && !late ? CLEAN : new Expectation(Verdict.ACCEPTED, late, null, fault);
    }

    static Expectation duplicate() {
        return new Expectation(Verdict.DUPLICATE, false, QuarantineReason.DUPLICATE, Fault.DUPLICATE);
    }

    static Expectation rejected(QuarantineReason reason, Fault fault) {
        return new Expectation(Verdict.REJECTED, false, reason, fault);
    }

    public boolean accepted() {
        return verdict == Verdict.ACCEPTED;
    }
}
