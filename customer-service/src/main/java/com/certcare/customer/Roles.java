package com.certcare.customer;

/** Realm roles as customer-service uses them: who reads the registry and who changes it. */
public final class Roles {

    public static final String MARKET = "market";
    public static final String ADMIN = "admin";
    public static final String LEADER = "leader";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
