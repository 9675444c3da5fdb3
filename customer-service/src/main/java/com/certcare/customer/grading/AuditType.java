package com.certcare.customer.grading;

/** The audit whose on-site feedback is recorded. */
public enum AuditType {
    STAGE2, SURVEILLANCE, RECERTIFICATION
}
