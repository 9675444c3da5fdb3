package com.certcare.application.contract;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a contract (认证合同, form 16-02) stands: DRAFT → SENT → SIGNED → TERMINATED; a DRAFT or a SENT contract
 * may also be terminated (the client does not sign after all). {@link #next()} is the one place that decides.
 */
public enum ContractStatus {
    DRAFT, SENT, SIGNED, TERMINATED;

    public Set<ContractStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SENT, TERMINATED);
            case SENT -> EnumSet.of(SIGNED, TERMINATED);
            case SIGNED -> EnumSet.of(TERMINATED);
            case TERMINATED -> EnumSet.noneOf(ContractStatus.class);
        };
    }

    public boolean canBecome(ContractStatus target) {
        return next().contains(target);
    }
}
