package com.certcare.survey;

/** Realm roles as survey-service uses them. */
public final class Roles {

    /** 市场部: templates, campaigns, reminders, phone and fax answers. */
    public static final String MARKET = "market";
    /** Management representative, general manager: reads. */
    public static final String LEADER = "leader";
    /** Audit team and accreditation auditors: templates and (later) aggregates, never a client's own answers. */
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
