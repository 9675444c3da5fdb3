package com.certcare.customer.customer;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.certcare.customer.Roles;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/customers/{customerId:\\d+}/system-changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "system changes", description = "Changes of a customer's management system it reported (ISO/IEC 17021-1 8.5), "
        + "flagged until the market department acknowledges their evaluation")
public class SystemChangeResource {

    private final SystemChanges changes;
    private final SecurityIdentity identity;

    SystemChangeResource(SystemChanges changes, SecurityIdentity identity) {
        this.changes = changes;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listSystemChanges", summary = "The customer's reported management-system changes, open and acknowledged, newest first")
    @APIResponse(responseCode = "200", description = "The changes")
    @APIResponse(responseCode = "404", description = "No such customer (problem+json)")
    public List<SystemChangeView> list(@RestPath long customerId) {
        return changes.of(customerId).stream().map(SystemChangeView::of).toList();
    }

    @POST
    @Path("/{changeId:\\d+}/acknowledge")
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "acknowledgeSystemChange", summary = "Confirm a reported management-system change was evaluated (market only; once)")
    @APIResponse(responseCode = "200", description = "The change, acknowledged by the caller")
    @APIResponse(responseCode = "400", description = "The note is invalid (problem+json)")
    @APIResponse(responseCode = "404", description = "No such customer, or no such change of this customer (problem+json)")
    @APIResponse(responseCode = "409", description = "Acknowledged already; the problem says by whom and when")
    public SystemChangeView acknowledge(@RestPath long customerId, @RestPath long changeId, @NotNull AcknowledgeInput body) {
        return SystemChangeView.of(changes.acknowledge(customerId, changeId, body, identity.getPrincipal().getName()));
    }
}
