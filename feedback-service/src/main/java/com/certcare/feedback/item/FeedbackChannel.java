package com.certcare.feedback.item;

/**
 * How it reached the body (4.4.2): the feedback/evaluation form, the complaints and appeals investigation group,
 * phone, visit, e-document, a satisfaction-survey follow-up, another way.
 */
public enum FeedbackChannel {
    FORM, INVESTIGATION_GROUP, PHONE, VISIT, E_DOCUMENT, SURVEY_FOLLOW_UP, OTHER
}
