package com.certcare.customer.customer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.certcare.customer.Roles;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/customers/{customerId:\\d+}/directory-restriction")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "public directory")
public class DirectoryRestrictionResource {

    private final DirectoryRestrictions restrictions;
    private final SecurityIdentity identity;

    DirectoryRestrictionResource(DirectoryRestrictions restrictions, SecurityIdentity identity) {
        this.restrictions = restrictions;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getDirectoryRestriction", summary = "Whether the customer is left out of the public directory, and why")
    @APIResponse(responseCode = "200", description = "The restriction (restricted false when listed)")
    @APIResponse(responseCode = "404", description = "No such customer (problem+json)")
    public DirectoryRestriction get(@RestPath long customerId) {
        return restrictions.of(customerId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "restrictDirectoryListing", summary = "Leave the customer out of the public directory (17021-1 8.1.2), with the reason; its certificates stay verifiable by number")
    @APIResponse(responseCode = "200", description = "The restriction")
    @APIResponse(responseCode = "400", description = "No reason, or too long (problem+json)")
    @APIResponse(responseCode = "404", description = "No such customer (problem+json)")
    public DirectoryRestriction restrict(@RestPath long customerId, @NotNull DirectoryRestrictionInput body) {
        return restrictions.restrict(customerId, body, identity.getPrincipal().getName());
    }

    @DELETE
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "liftDirectoryRestriction", summary = "List the customer in the public directory again")
    @APIResponse(responseCode = "200", description = "Listed (restricted false)")
    @APIResponse(responseCode = "404", description = "No such customer (problem+json)")
    public DirectoryRestriction lift(@RestPath long customerId) {
        return restrictions.lift(customerId, identity.getPrincipal().getName());
    }
}
