package com.certcare.survey.template;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

@Path("/api/surveys/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "survey templates", description = "The satisfaction questionnaire (form 16-03) and its versions")
public class TemplateResource {

    private final TemplateService templates;
    private final SecurityIdentity identity;

    TemplateResource(TemplateService templates, SecurityIdentity identity) {
        this.templates = templates;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listSurveyTemplates", summary = "List the questionnaires with their current version")
    public List<TemplateView.Summary> list() {
        return templates.list();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getSurveyTemplate", summary = "Get a questionnaire: its current version and the list of versions")
    @APIResponse(responseCode = "200", description = "The template", content = @Content(schema = @Schema(implementation = TemplateView.Detail.class)))
    @APIResponse(responseCode = "404", description = "No such template (problem+json)")
    public TemplateView.Detail get(@RestPath String code) {
        return templates.detail(code);
    }

    @GET
    @Path("/{code}/versions/{version}")
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getSurveyTemplateVersion", summary = "Get one version of a questionnaire")
    @APIResponse(responseCode = "200", description = "The version", content = @Content(schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "404", description = "No such template or version (problem+json)")
    public TemplateView version(@RestPath String code, @RestPath int version) {
        return templates.version(code, version);
    }

    @POST
    @Path("/{code}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "createSurveyTemplateVersion", summary = "Make a new version of a questionnaire (the old ones stay as they are)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TemplateDefinition.class)))
    @APIResponse(responseCode = "201", description = "The new version", content = @Content(schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named with its reason (problem+json)")
    @APIResponse(responseCode = "404", description = "No such template (problem+json)")
    public RestResponse<TemplateView> newVersion(@RestPath String code, @NotNull TemplateDefinition body) {
        TemplateView created = templates.newVersion(code, body, identity.getPrincipal().getName());
        return RestResponse.ResponseBuilder.<TemplateView> created(
                java.net.URI.create("/api/surveys/templates/" + code + "/versions/" + created.version()))
                .entity(created).build();
    }
}
