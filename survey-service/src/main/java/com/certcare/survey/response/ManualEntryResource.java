package com.certcare.survey.response;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import com.certcare.survey.Roles;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/surveys/dispatches/{id}/responses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "survey campaigns")
public class ManualEntryResource {

    private final ResponseService responses;
    private final SecurityIdentity identity;

    ManualEntryResource(ResponseService responses, SecurityIdentity identity) {
        this.responses = responses;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "enterSurveyResponse", summary = "Enter an answer taken by phone or fax against a dispatch (once, as online)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ManualAnswersInput.class)))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = SurveyForm.Receipt.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named (problem+json)")
    @APIResponse(responseCode = "404", description = "No such dispatch (problem+json)")
    @APIResponse(responseCode = "409", description = "The dispatch has its answer already (problem+json)")
    public RestResponse<SurveyForm.Receipt> enter(@RestPath long id, @NotNull ManualAnswersInput body) {
        return RestResponse.status(RestResponse.Status.CREATED,
                responses.answerManually(id, body, identity.getPrincipal().getName()));
    }
}
