package com.certcare.survey.response;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import com.certcare.platform.problem.Messages;

/** The survey page's back end: no login, the one-time link's token is the only key. */
@Path("/api/public/surveys/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "public survey", description = "Answering a satisfaction survey by its one-time link (no login)")
@SecurityRequirements
public class PublicSurveyResource {

    private final ResponseService responses;

    PublicSurveyResource(ResponseService responses) {
        this.responses = responses;
    }

    @GET
    @PermitAll
    @Operation(operationId = "getPublicSurvey", summary = "The questions behind a one-time link and the client's name")
    @APIResponse(responseCode = "200", description = "The survey", content = @Content(schema = @Schema(implementation = SurveyForm.class)))
    @APIResponse(responseCode = "404", description = "No such link (problem+json)")
    @APIResponse(responseCode = "409", description = "The survey was answered already (problem+json)")
    @APIResponse(responseCode = "410", description = "The link has expired (problem+json)")
    public SurveyForm get(@RestPath String token, HttpHeaders headers) {
        return responses.open(token, Messages.pick(headers.getAcceptableLanguages()));
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "answerPublicSurvey", summary = "Answer the survey behind a one-time link (once)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AnswersInput.class)))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = SurveyForm.Receipt.class)))
    @APIResponse(responseCode = "400", description = "Invalid answers, each named answers.<question code> (problem+json)")
    @APIResponse(responseCode = "404", description = "No such link (problem+json)")
    @APIResponse(responseCode = "409", description = "The survey was answered already (problem+json)")
    @APIResponse(responseCode = "410", description = "The link has expired (problem+json)")
    public RestResponse<SurveyForm.Receipt> answer(@RestPath String token, @NotNull AnswersInput body) {
        return RestResponse.status(RestResponse.Status.CREATED, responses.answerOnline(token, body));
    }
}
