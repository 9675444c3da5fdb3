package com.certcare.feedback.ping;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.certcare.platform.ping.Pong;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/feedback/ping")
@Tag(name = "ping")
public class PingResource {

    private final SecurityIdentity identity;

    PingResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Who works the feedback desk: the market department, other departments, leadership, admins. */
    @GET
    @RolesAllowed({ "market", "department", "leader", "admin" })
    @Operation(operationId = "pingFeedback", summary = "Check that feedback-service is up and the caller's token is accepted")
    public Pong ping() {
        return Pong.of("feedback-service", identity);
    }
}
