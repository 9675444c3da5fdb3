package com.certcare.application.ping;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.certcare.platform.ping.Pong;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/applications/ping")
@Tag(name = "ping")
public class PingResource {

    private final SecurityIdentity identity;

    PingResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Who may work on applications and contracts: the market department, leadership, admins. */
    @GET
    @RolesAllowed({ "market", "leader", "admin" })
    @Operation(operationId = "pingApplications", summary = "Check that application-contract-service is up and the caller's token is accepted")
    public Pong ping() {
        return Pong.of("application-contract-service", identity);
    }
}
