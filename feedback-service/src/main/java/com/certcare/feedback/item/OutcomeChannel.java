package com.certcare.feedback.item;

/** How the outcome was formally notified to the complainant or appellant (17021-1 9.8). */
public enum OutcomeChannel {
    LETTER, EMAIL, PHONE, VISIT, E_DOCUMENT
}
