package com.certcare.feedback.department;

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

@Path("/api/feedback/departments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "departments", description = "The body's departments items are posted by, assigned to and decided for")
public class DepartmentResource {

    private final Departments departments;

    DepartmentResource(Departments departments) {
        this.departments = departments;
    }

    @GET
    @RolesAllowed({ Roles.DEPARTMENT, Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listFeedbackDepartments", summary = "The departments an item can be assigned or decided to (code and names)")
    @APIResponse(responseCode = "200", description = "The departments, in the reference list's order")
    public List<Department> list(@Context HttpHeaders headers) {
        List<Locale> languages = headers.getAcceptableLanguages();
        Locale locale = languages.isEmpty() ? Locale.SIMPLIFIED_CHINESE : languages.get(0);
        return departments.list(locale);
    }
}
