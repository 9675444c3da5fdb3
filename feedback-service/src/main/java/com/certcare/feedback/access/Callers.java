package com.certcare.feedback.access;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.certcare.feedback.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/** The {@link Caller} of the current request. */
@RequestScoped
public class Callers {

    static final String DEPARTMENT_CLAIM = "department";

    private final SecurityIdentity identity;
    private final DepartmentConfig config;

    Callers(SecurityIdentity identity, DepartmentConfig config) {
        this.identity = identity;
        this.config = config;
    }

    public Caller current() {
        String name = identity.getPrincipal().getName();
        Set<String> roles = Set.copyOf(identity.getRoles());
        String department = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim(DEPARTMENT_CLAIM) != null) {
            department = String.valueOf((Object) jwt.getClaim(DEPARTMENT_CLAIM)).strip();
            if (department.startsWith("\"") && department.endsWith("\"") && department.length() > 1) {
                department = department.substring(1, department.length() - 1);
            }
        }
        if (department == null || department.isEmpty()) {
            department = config.userDepartments().get(name);
        }
        if ((department == null || department.isEmpty()) && roles.contains(Roles.MARKET)) {
            department = config.marketDepartment();
        }
        if ((department == null || department.isEmpty()) && roles.contains(Roles.AUDITOR)) {
            department = config.auditorDepartment();
        }
        return new Caller(name, roles, department == null || department.isEmpty() ? null : department);
    }
}
