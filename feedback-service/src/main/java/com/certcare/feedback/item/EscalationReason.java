package com.certcare.feedback.item;

/**
 * Why an item went to the leader: triaged as class c (beyond the handling department's authority, 4.5), or a due
 * time it missed (escalated once per due time by {@link OverdueEscalation}).
 */
public enum EscalationReason {
    CLASS_C, OVERDUE_ACKNOWLEDGEMENT, OVERDUE_FIRST_RESPONSE, OVERDUE_RESOLUTION
}
