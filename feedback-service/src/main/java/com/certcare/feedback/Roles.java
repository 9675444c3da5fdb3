package com.certcare.feedback;

/** Realm roles as feedback-service uses them. */
public final class Roles {

    /** 市场部: sees and triages every item, closes them. */
    public static final String MARKET = "market";
    /** Other departments and their systems (the client-credentials account holds it): post, see and handle their own. */
    public static final String DEPARTMENT = "department";
    /** Management representative, general manager: decides escalated (class c) items, reads all. */
    public static final String LEADER = "leader";
    /** Reads. */
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
