package com.certcare.survey.campaign;

import java.net.URI;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import com.certcare.platform.web.ListPage;
import com.certcare.survey.Roles;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "survey campaigns", description = "Quarterly campaigns, dispatches with one-time links, reminders (4.7.1)")
public class CampaignResource {

    private final CampaignService campaigns;
    private final SecurityIdentity identity;

    CampaignResource(CampaignService campaigns, SecurityIdentity identity) {
        this.campaigns = campaigns;
        this.identity = identity;
    }

    @POST
    @Path("/campaigns")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "createSurveyCampaign", summary = "Start a quarter's campaign: every due client not yet asked gets a dispatch and an invitation")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CampaignInput.class)))
    @APIResponse(responseCode = "201", description = "The campaign with its dispatches", content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named with its reason (problem+json)")
    @APIResponse(responseCode = "409", description = "The quarter has a campaign already (campaign-exists)")
    public RestResponse<CampaignView> create(@NotNull CampaignInput body) {
        CampaignView created = campaigns.create(body, identity.getPrincipal().getName());
        return RestResponse.ResponseBuilder.<CampaignView> created(URI.create("/api/surveys/campaigns/" + created.id()))
                .entity(created).build();
    }

    @GET
    @Path("/campaigns")
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.ADMIN })
    @Operation(operationId = "listSurveyCampaigns", summary = "List the campaigns, newest quarter first, with their response rates")
    public List<CampaignView> list() {
        return campaigns.list();
    }

    @GET
    @Path("/campaigns/{id}")
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.ADMIN })
    @Operation(operationId = "getSurveyCampaign", summary = "Get a campaign with its counts and response rate (its dispatches page by page: listSurveyDispatches)")
    @APIResponse(responseCode = "200", description = "The campaign", content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "404", description = "No such campaign (problem+json)")
    public CampaignView get(@RestPath long id) {
        return campaigns.get(id);
    }

    @GET
    @Path("/campaigns/{id}/dispatches")
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.ADMIN })
    @Operation(operationId = "listSurveyDispatches", summary = "One page of a campaign's dispatches, in the order they were made")
    @APIResponse(responseCode = "200", description = "{items, total, page, size}; page counts from 1")
    @APIResponse(responseCode = "400", description = "A bad status, q (over 100 characters) or paging value (problem+json)")
    @APIResponse(responseCode = "404", description = "No such campaign (problem+json)")
    public ListPage<CampaignView.DispatchView> dispatches(@RestPath long id, @RestQuery("status") DispatchStatus status,
            @Parameter(description = "Part of the client's name (case ignored)") @RestQuery("q") String q,
            @Parameter(description = "From 1; default 1") @RestQuery("page") Integer page,
            @Parameter(description = "1-200; default 50") @RestQuery("size") Integer size) {
        return campaigns.dispatches(id, status, q, page, size);
    }

    @GET
    @Path("/dispatches/{id}")
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.ADMIN })
    @Operation(operationId = "getSurveyDispatch", summary = "Get one dispatch")
    @APIResponse(responseCode = "200", description = "The dispatch", content = @Content(schema = @Schema(implementation = CampaignView.DispatchView.class)))
    @APIResponse(responseCode = "404", description = "No such dispatch (problem+json)")
    public CampaignView.DispatchView dispatch(@RestPath long id) {
        return campaigns.dispatch(id);
    }

    @POST
    @Path("/dispatches/{id}/remind")
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "remindSurveyDispatch", summary = "Send a reminder now (only unanswered, e-mailed dispatches, at most the configured number)")
    @APIResponse(responseCode = "200", description = "The reminder is queued; it goes out at once", content = @Content(schema = @Schema(implementation = CampaignView.DispatchView.class)))
    @APIResponse(responseCode = "404", description = "No such dispatch (problem+json)")
    @APIResponse(responseCode = "409", description = "Answered, never e-mailed, reminders used up, or a mail still pending (problem+json)")
    @APIResponse(responseCode = "410", description = "The link has expired (problem+json)")
    public CampaignView.DispatchView remind(@RestPath long id) {
        return campaigns.remind(id);
    }
}
