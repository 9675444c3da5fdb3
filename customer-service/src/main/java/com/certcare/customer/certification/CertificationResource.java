package com.certcare.customer.certification;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import com.certcare.customer.Roles;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/customers/{customerId:\\d+}/certifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "certifications", description = "A customer's certification records, one per scheme")
public class CertificationResource {

    private final CertificationService service;
    private final SecurityIdentity identity;

    CertificationResource(CertificationService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listCertifications", summary = "The customer's certification records")
    public List<CertificationView> list(@RestPath long customerId) {
        return service.ofCustomer(customerId).stream().map(CertificationView::of).toList();
    }

    @GET
    @Path("/{id:\\d+}")
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getCertification", summary = "One certification record")
    @APIResponse(responseCode = "200", description = "The record")
    @APIResponse(responseCode = "404", description = "No such record for this customer (problem+json)")
    public CertificationView get(@RestPath long customerId, @RestPath long id) {
        return CertificationView.of(service.get(customerId, id));
    }

    @POST
    @RolesAllowed({ Roles.MARKET, Roles.ADMIN })
    @Operation(operationId = "createCertification", summary = "Record a certification for the customer (status APPLYING unless given)")
    @APIResponseSchema(value = CertificationView.class, responseCode = "201", responseDescription = "Recorded (Location names it)")
    @APIResponse(responseCode = "400", description = "Invalid fields (problem+json)")
    @APIResponse(responseCode = "409", description = "A live record for this scheme exists, or the certificate number is taken")
    public RestResponse<CertificationView> create(@RestPath long customerId, @NotNull CertificationInput body) {
        Certification c = service.create(customerId, body, identity.getPrincipal().getName());
        return RestResponse.ResponseBuilder
                .<CertificationView> created(URI.create("/api/customers/" + customerId + "/certifications/" + c.id))
                .entity(CertificationView.of(c)).build();
    }

    @PUT
    @Path("/{id:\\d+}")
    @RolesAllowed({ Roles.MARKET, Roles.ADMIN })
    @Operation(operationId = "updateCertification", summary = "Change a certification record's data (not its status); send the version you read")
    @APIResponse(responseCode = "200", description = "The record as changed")
    @APIResponse(responseCode = "409", description = "Stale version, live record for the scheme exists, or certificate number taken")
    public CertificationView update(@RestPath long customerId, @RestPath long id, @NotNull CertificationInput body) {
        return CertificationView.of(service.update(customerId, id, body, identity.getPrincipal().getName()));
    }

    @POST
    @Path("/{id:\\d+}/transitions")
    @RolesAllowed({ Roles.MARKET, Roles.ADMIN })
    @Operation(operationId = "transitionCertification", summary = "Move the record to another status (only allowed transitions)")
    @APIResponse(responseCode = "200", description = "The record in its new status")
    @APIResponse(responseCode = "409", description = "The current status does not allow it, or the version is stale")
    public CertificationView transition(@RestPath long customerId, @RestPath long id, @NotNull TransitionRequest body) {
        return CertificationView.of(service.transition(customerId, id, body, identity.getPrincipal().getName()));
    }

    @PUT
    @Path("/{id:\\d+}/surveillance-plan")
    @RolesAllowed({ Roles.MARKET, Roles.ADMIN })
    @Operation(operationId = "overrideSurveillancePlan", summary = "Set the planned surveillance dates by hand, with a reason")
    public CertificationView overrideSurveillance(@RestPath long customerId, @RestPath long id, @NotNull SurveillanceOverride body) {
        return CertificationView.of(service.overrideSurveillance(customerId, id, body, identity.getPrincipal().getName()));
    }

    @DELETE
    @Path("/{id:\\d+}/surveillance-plan")
    @RolesAllowed({ Roles.MARKET, Roles.ADMIN })
    @Operation(operationId = "resetSurveillancePlan", summary = "Go back to the computed surveillance plan")
    public CertificationView resetSurveillance(@RestPath long customerId, @RestPath long id, @RestQuery("version") int version) {
        return CertificationView.of(service.resetSurveillance(customerId, id, version, identity.getPrincipal().getName()));
    }
}
