package com.certcare.survey.campaign;

/**
 * PENDING: made, invitation not yet sent; SENT: the invitation left (reminders may follow); FAILED: no invitation
 * could be sent (no e-mail address, the server refused it; the reason is kept) — phone or fax is the fallback;
 * ANSWERED: the one answer is in; EXPIRED: the link's time ran out unanswered.
 */
public enum DispatchStatus {
    PENDING, SENT, FAILED, ANSWERED, EXPIRED
}
