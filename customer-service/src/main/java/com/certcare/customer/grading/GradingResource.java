package com.certcare.customer.grading;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import com.certcare.customer.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/** On-site feedback and the grade of a customer (分等分级, procedure 4.2.3). */
@Path("/api/customers/{customerId:\\d+}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "grading", description = "The audit team's on-site feedback and the customer's grade (分等分级, 4.2.3)")
public class GradingResource {

    private final Grading grading;
    private final SecurityIdentity identity;

    GradingResource(Grading grading, SecurityIdentity identity) {
        this.grading = grading;
        this.identity = identity;
    }

    @GET
    @Path("/onsite-feedback")
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listOnsiteFeedback", summary = "The customer's on-site feedback, newest audit first")
    @APIResponse(responseCode = "200", description = "The feedback")
    @APIResponse(responseCode = "404", description = "No such customer (problem+json)")
    public List<OnsiteFeedbackView> feedback(@RestPath long customerId) {
        return grading.feedback(customerId);
    }

    @POST
    @Path("/onsite-feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AUDITOR, Roles.MARKET, Roles.ADMIN })
    @Operation(operationId = "recordOnsiteFeedback", summary = "Record the audit team's on-site feedback; the customer is graded again")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "400", description = "A field missing or out of range, or a certification of another customer (problem+json)")
    @APIResponse(responseCode = "404", description = "No such customer (problem+json)")
    public RestResponse<OnsiteFeedbackView> record(@RestPath long customerId, @NotNull OnsiteFeedbackInput body) {
        OnsiteFeedbackView view = grading.record(customerId, body, identity.getPrincipal().getName());
        return RestResponse.ResponseBuilder.<OnsiteFeedbackView> created(
                URI.create("/api/customers/" + customerId + "/onsite-feedback")).entity(view).build();
    }

    @GET
    @Path("/grade")
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getCustomerGrade", summary = "The customer's grade: in force, computed with its inputs, override, history")
    @APIResponse(responseCode = "200", description = "The grade (grade null while ungraded)")
    @APIResponse(responseCode = "404", description = "No such customer (problem+json)")
    public GradeView grade(@RestPath long customerId) {
        return grading.view(customerId);
    }

    @POST
    @Path("/grade/recompute")
    @RolesAllowed({ Roles.MARKET, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "recomputeCustomerGrade", summary = "Grade the customer again from its current inputs (e.g. a surveillance that has since become overdue)")
    @APIResponse(responseCode = "200", description = "The grade")
    @APIResponse(responseCode = "404", description = "No such customer (problem+json)")
    public GradeView recompute(@RestPath long customerId) {
        return grading.recompute(customerId, identity.getPrincipal().getName());
    }

    @PUT
    @Path("/grade/override")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "overrideCustomerGrade", summary = "Set the customer's grade by hand, with the reason (market only)")
    @APIResponse(responseCode = "200", description = "The grade")
    @APIResponse(responseCode = "400", description = "No grade or no reason, or too long (problem+json)")
    @APIResponse(responseCode = "404", description = "No such customer (problem+json)")
    public GradeView override(@RestPath long customerId, @NotNull GradeOverrideInput body) {
        return grading.override(customerId, body, identity.getPrincipal().getName());
    }

    @DELETE
    @Path("/grade/override")
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "removeCustomerGradeOverride", summary = "Return to the computed grade (market only)")
    @APIResponse(responseCode = "200", description = "The grade")
    @APIResponse(responseCode = "404", description = "No such customer (problem+json)")
    public GradeView removeOverride(@RestPath long customerId) {
        return grading.removeOverride(customerId, identity.getPrincipal().getName());
    }
}
