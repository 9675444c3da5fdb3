package com.certcare.feedback.access;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.certcare.feedback.department.Department;

/** Who the service sees: what the SPA needs to title a department's list and to show what waits for it. */
@Schema(name = "FeedbackCaller")
public record CallerView(
        @Schema(required = true, description = "The principal name (Keycloak's preferred_username)") String name,
        @Schema(required = true, description = "The caller's realm roles that matter here, sorted") List<String> roles,
        @Schema(nullable = true, description = "The department the caller posts as and handles for (token claim `department`, else the configured mapping); null when none applies") Department department,
        @Schema(required = true, description = "Whether the caller sees every item (market, leader, admin) or only its department's") boolean seesAll) {
}
