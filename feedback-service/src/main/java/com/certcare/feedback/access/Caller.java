package com.certcare.feedback.access;

import java.util.Set;

import com.certcare.feedback.Roles;

/**
 * Who calls: the principal name, the realm roles, and the department (claim {@code department}, else the
 * configured mapping, else the market department for a market user; null when none applies).
 */
public record Caller(String name, Set<String> roles, String department) {

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Market, leader, auditor and admin see every item; a department-only caller sees its department's. */
    public boolean seesAll() {
        return has(Roles.MARKET) || has(Roles.LEADER) || has(Roles.ADMIN);
    }
}
