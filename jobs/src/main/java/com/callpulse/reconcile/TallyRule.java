package com.callpulse.reconcile;

import java.io.Serializable;

/** Which counters a record adds to. */
@FunctionalInterface
public interface TallyRule<T> extends Serializable {
    void count(T record, Tallies tallies);
}
