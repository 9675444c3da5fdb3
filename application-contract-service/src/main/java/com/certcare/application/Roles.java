package com.certcare.application;

/** Realm roles as application-contract-service uses them. */
public final class Roles {

    public static final String MARKET = "market";
    public static final String LEADER = "leader";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
