package com.certcare.feedback.item;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an item stands. RECEIVED → TRIAGED; from TRIAGED a class (a) item closes once explained, a (b) item goes
 * IN_HANDLING at its department, a (c) item is ESCALATED → DECIDED by the leader → IN_HANDLING; IN_HANDLING →
 * RESOLVED → CLOSED. {@link #next()} is the one place that decides.
 */
public enum FeedbackStatus {
    RECEIVED, TRIAGED, ESCALATED, DECIDED, IN_HANDLING, RESOLVED, CLOSED;

    public Set<FeedbackStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(TRIAGED);
            case TRIAGED -> EnumSet.of(IN_HANDLING, ESCALATED, CLOSED);
            case ESCALATED -> EnumSet.of(DECIDED);
            case DECIDED -> EnumSet.of(IN_HANDLING);
            case IN_HANDLING -> EnumSet.of(RESOLVED);
            case RESOLVED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(FeedbackStatus.class);
        };
    }

    public boolean canBecome(FeedbackStatus target) {
        return next().contains(target);
    }

    /** Still waiting for someone: not RESOLVED or CLOSED. */
    public boolean open() {
        return this != RESOLVED && this != CLOSED;
    }
}
