package com.certcare.feedback.access;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.certcare.feedback.Roles;
import com.certcare.feedback.department.Department;
import com.certcare.feedback.department.Departments;

/**
 * The caller as this service sees it. A department user's department comes from the token or from this service's
 * configuration, so only the service can tell the SPA which department's items a user works on.
 */
@Path("/api/feedback/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "departments")
public class CallerResource {

    private static final List<String> KNOWN = List.of(Roles.ADMIN, Roles.AUDITOR, Roles.DEPARTMENT, Roles.LEADER, Roles.MARKET);

    private final Callers callers;
    private final Departments departments;

    CallerResource(Callers callers, Departments departments) {
        this.callers = callers;
        this.departments = departments;
    }

    @GET
    @RolesAllowed({ Roles.DEPARTMENT, Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getFeedbackCaller", summary = "Who the service sees: name, roles, department (named in the caller's language) and whether every item is visible")
    @APIResponse(responseCode = "200", description = "The caller")
    public CallerView me(@Context HttpHeaders headers) {
        List<Locale> languages = headers.getAcceptableLanguages();
        Locale locale = languages.isEmpty() ? Locale.SIMPLIFIED_CHINESE : languages.get(0);
        Caller caller = callers.current();
        return new CallerView(caller.name(), KNOWN.stream().filter(caller::has).toList(),
                caller.department() == null ? null
                : departments.find(caller.department(), locale).orElseGet(() -> unlisted(caller.department())), caller.seesAll());
    }

    /** A department the token names but the reference list does not: shown by its code rather than hidden. */
    private static Department unlisted(String code) {
        return new Department(code, code, code, code);
    }
}
