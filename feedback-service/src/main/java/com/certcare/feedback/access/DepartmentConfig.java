package com.certcare.feedback.access;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which department a caller belongs to when the token does not say: {@code certcare.feedback.access.user-departments."<username>"=<department>}
 * (the principal name: Keycloak's {@code preferred_username}, for the client-credentials account
 * {@code service-account-certcare-department-system}). The token claim {@code department} wins when present.
 */
@ConfigMapping(prefix = "certcare.feedback.access")
public interface DepartmentConfig {

    /** username → department code. */
    Map<String, String> userDepartments();

    /** The department a market user posts as when neither the token nor the mapping says. */
    @WithDefault("market")
    String marketDepartment();

    /**
     * The department an auditor posts as (the audit team, 审核组): auditors post what a client asked for or
     * complained about during an audit, and read nothing else here (issue #19).
     */
    @WithDefault("audit-team")
    String auditorDepartment();
}
