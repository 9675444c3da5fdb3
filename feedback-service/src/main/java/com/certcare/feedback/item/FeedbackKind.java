package com.certcare.feedback.item;

/**
 * What the customer's requirement is about (4.4.1, 4.8): an opinion or suggestion about the body; understanding or
 * a reasonable request during an audit; an after-sales service request; a change in the client's management system
 * (17021-1 8.5); a certificate or mark-use question (4.8.1); a value-added service need (4.8.2); a complaint; an appeal.
 */
public enum FeedbackKind {
    OPINION, AUDIT_REQUEST, AFTER_SALES, CLIENT_SYSTEM_CHANGE, CERTIFICATE_OR_MARK, VALUE_ADDED, COMPLAINT, APPEAL;

    /** Complaints and appeals: acknowledged at once, decided by someone independent (17021-1 9.7-9.8, ISO 10002). */
    public boolean isComplaintOrAppeal() {
        return this == COMPLAINT || this == APPEAL;
    }
}
