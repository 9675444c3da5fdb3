package com.certcare.feedback.item;

/**
 * The three classes of 4.5: (a) unreasonable — explain at once and decline; (b) reasonable and within the handling
 * department's authority — handle; (c) reasonable but beyond it — escalate to the leader.
 */
public enum FeedbackClass {
    A_UNREASONABLE, B_WITHIN_AUTHORITY, C_BEYOND_AUTHORITY
}
