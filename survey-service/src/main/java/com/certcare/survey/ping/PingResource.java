package com.certcare.survey.ping;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.certcare.platform.ping.Pong;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/surveys/ping")
@Tag(name = "ping")
public class PingResource {

    private final SecurityIdentity identity;

    PingResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Who may read survey results: the market department, leadership, auditors, admins. */
    @GET
    @RolesAllowed({ "market", "leader", "auditor", "admin" })
    @Operation(operationId = "pingSurveys", summary = "Check that survey-service is up and the caller's token is accepted")
    public Pong ping() {
        return Pong.of("survey-service", identity);
    }
}
