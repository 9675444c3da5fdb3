package com.certcare.application.applying;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an application (认证申请) stands. DRAFT → SUBMITTED → UNDER_REVIEW → NEEDS_INFO ↔ UNDER_REVIEW → ACCEPTED |
 * REJECTED; WITHDRAWN from any state that is not final. {@link #next()} is the one place that decides.
 */
public enum ApplicationStatus {
    DRAFT, SUBMITTED, UNDER_REVIEW, NEEDS_INFO, ACCEPTED, REJECTED, WITHDRAWN;

    /** Decided or withdrawn: nothing changes any more. */
    public static final Set<ApplicationStatus> FINAL = EnumSet.of(ACCEPTED, REJECTED, WITHDRAWN);
    /** Waiting for the body (the review clock runs): these can be overdue. */
    public static final Set<ApplicationStatus> AWAITING_REVIEW = EnumSet.of(SUBMITTED, UNDER_REVIEW);

    public Set<ApplicationStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case SUBMITTED -> EnumSet.of(UNDER_REVIEW, WITHDRAWN);
            case UNDER_REVIEW -> EnumSet.of(NEEDS_INFO, ACCEPTED, REJECTED, WITHDRAWN);
            case NEEDS_INFO -> EnumSet.of(UNDER_REVIEW, WITHDRAWN);
            case ACCEPTED, REJECTED, WITHDRAWN -> EnumSet.noneOf(ApplicationStatus.class);
        };
    }

    public boolean canBecome(ApplicationStatus target) {
        return next().contains(target);
    }

    /** Whether the applicant's fields may still be edited (by market staff). */
    public boolean editable() {
        return this == DRAFT || this == NEEDS_INFO;
    }
}
