package com.certcare.application.contract;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import com.certcare.application.Roles;
import com.certcare.platform.web.ListPage;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/contracts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "contracts", description = "Certification contracts (认证合同, form 16-02): drawn up from accepted applications, sent, signed, terminated")
public class ContractResource {

    private final ContractService contracts;
    private final SecurityIdentity identity;

    ContractResource(ContractService contracts, SecurityIdentity identity) {
        this.contracts = contracts;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listContracts", summary = "Contracts by status, application and text, sorted and paged")
    @APIResponse(responseCode = "200", description = "One page of contracts")
    @APIResponse(responseCode = "400", description = "A filter, sort key or paging value is invalid (problem+json)")
    public ListPage<ContractView> list(@RestQuery("status") ContractStatus status,
            @RestQuery("applicationId") Long applicationId,
            @Parameter(description = "Part of the customer's name, credit code or the contract number") @RestQuery("q") String q,
            @Parameter(description = "id, number, name, status, draftedOn, signedOn, updatedAt; `number,desc`; repeatable")
            @RestQuery("sort") List<String> sort, @RestQuery("page") Integer page, @RestQuery("size") Integer size) {
        return contracts.list(status, applicationId, q, sort, page, size);
    }

    @GET
    @Path("/{id:\\d+}")
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getContract", summary = "A contract")
    @APIResponse(responseCode = "200", description = "The contract")
    @APIResponse(responseCode = "404", description = "No such contract (problem+json)")
    public ContractView get(@RestPath long id) {
        return contracts.detail(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "createContract", summary = "Draw up a contract (DRAFT, next number) from an ACCEPTED application")
    @APIResponseSchema(value = ContractView.class, responseCode = "201", responseDescription = "Drawn up (Location names it)")
    @APIResponse(responseCode = "400", description = "No applicationId (problem+json)")
    @APIResponse(responseCode = "404", description = "No such application (problem+json)")
    @APIResponse(responseCode = "409", description = "The application is not ACCEPTED (application-not-accepted) or has a contract already (contract-exists)")
    public RestResponse<ContractView> create(@NotNull NewContract body) {
        ContractView created = contracts.create(body, identity.getPrincipal().getName());
        return RestResponse.ResponseBuilder.<ContractView> created(URI.create("/api/contracts/" + created.id()))
                .entity(created).build();
    }

    @PUT
    @Path("/{id:\\d+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "updateContract", summary = "Change a DRAFT's terms (party, scope, fees, payment terms); send the version you read")
    @APIResponse(responseCode = "200", description = "The contract as changed")
    @APIResponse(responseCode = "400", description = "Invalid fields, each named with its reason (problem+json)")
    @APIResponse(responseCode = "404", description = "No such contract (problem+json)")
    @APIResponse(responseCode = "409", description = "Not a DRAFT (contract-not-editable) or changed by someone else (stale)")
    public ContractView update(@RestPath long id, @NotNull ContractInput body) {
        return contracts.update(id, body, identity.getPrincipal().getName());
    }

    @POST
    @Path("/{id:\\d+}/send")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "sendContract", summary = "Send a DRAFT to the client for signing (both fees must be set)")
    @APIResponse(responseCode = "200", description = "SENT")
    @APIResponse(responseCode = "400", description = "No version, a fee missing (problem+json)")
    @APIResponse(responseCode = "404", description = "No such contract (problem+json)")
    @APIResponse(responseCode = "409", description = "Not a DRAFT (forbidden-transition) or stale (problem+json)")
    public ContractView send(@RestPath long id, @NotNull ContractTransition body) {
        return contracts.send(id, body, identity.getPrincipal().getName());
    }

    @POST
    @Path("/{id:\\d+}/sign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "signContract", summary = "Record that both parties signed a SENT contract; ContractSigned goes to customer-service")
    @APIResponse(responseCode = "200", description = "SIGNED")
    @APIResponse(responseCode = "400", description = "No version, no or a future signing date (problem+json)")
    @APIResponse(responseCode = "404", description = "No such contract (problem+json)")
    @APIResponse(responseCode = "409", description = "Not SENT (forbidden-transition, e.g. signing a DRAFT) or stale (problem+json)")
    public ContractView sign(@RestPath long id, @NotNull ContractTransition body) {
        return contracts.sign(id, body, identity.getPrincipal().getName());
    }

    @POST
    @Path("/{id:\\d+}/terminate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "terminateContract", summary = "Terminate a contract, with the reason")
    @APIResponse(responseCode = "200", description = "TERMINATED")
    @APIResponse(responseCode = "400", description = "No version or no reason (problem+json)")
    @APIResponse(responseCode = "404", description = "No such contract (problem+json)")
    @APIResponse(responseCode = "409", description = "Terminated already (forbidden-transition) or stale (problem+json)")
    public ContractView terminate(@RestPath long id, @NotNull ContractTransition body) {
        return contracts.terminate(id, body, identity.getPrincipal().getName());
    }
}
