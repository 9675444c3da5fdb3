package com.certcare.application.contract;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.certcare.application.Roles;
import com.certcare.platform.history.ChangeHistory;
import com.certcare.platform.history.ChangeRecord;
import com.certcare.platform.web.ListPage;

@Path("/api/contracts/{id:\\d+}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "contracts")
public class ContractHistoryResource {

    /** One changed field of the contract. */
    public record Entry(@Schema(required = true) String entity, @Schema(required = true) long entityId,
            @Schema(required = true) String field, String oldValue, String newValue, String reason,
            @Schema(required = true) String changedBy, @Schema(required = true) Instant changedAt) {
    }

    private final ChangeHistory history;
    private final ContractService contracts;

    ContractHistoryResource(ChangeHistory history, ContractService contracts) {
        this.history = history;
        this.contracts = contracts;
    }

    @GET
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listContractHistory", summary = "The contract's changes (terms and transitions), newest first")
    @APIResponse(responseCode = "200", description = "One page of changes")
    @APIResponse(responseCode = "404", description = "No such contract (problem+json)")
    public ListPage<Entry> list(@RestPath("id") long id, @RestQuery("page") Integer page, @RestQuery("size") Integer size) {
        contracts.get(id);
        ListPage<ChangeRecord> changes = history.of(Contract.HISTORY, id, page, size);
        return new ListPage<>(changes.items().stream()
                .map(r -> new Entry(r.entity, r.entityId, r.field, r.oldValue, r.newValue, r.reason, r.changedBy, r.changedAt))
                .toList(), changes.total(), changes.page(), changes.size());
    }
}
