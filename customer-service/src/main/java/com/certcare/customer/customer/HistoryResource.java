package com.certcare.customer.customer;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.certcare.customer.Roles;
import com.certcare.platform.history.ChangeHistory;
import com.certcare.platform.history.ChangeRecord;
import com.certcare.platform.web.ListPage;

@Path("/api/customers/{customerId:\\d+}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "history", description = "Who changed what, when: old → new")
public class HistoryResource {

    /** One changed field. */
    public record Entry(@Schema(description = "What changed: customer (the customer itself) or certification (one of its records)") String entity,
            long entityId, String field, String oldValue, String newValue, String reason,
            String changedBy, Instant changedAt) {
    }

    private final ChangeHistory history;
    private final CustomerService customers;

    HistoryResource(ChangeHistory history, CustomerService customers) {
        this.history = history;
        this.customers = customers;
    }

    @GET
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listCustomerHistory", summary = "The customer's and its certifications' changes, newest first")
    public ListPage<Entry> list(@RestPath long customerId, @RestQuery("page") Integer page, @RestQuery("size") Integer size) {
        customers.get(customerId);
        ListPage<ChangeRecord> changes = history.of(Customer.HISTORY, customerId, page, size);
        return new ListPage<>(changes.items().stream()
                .map(r -> new Entry(entity(r.entity), r.entityId, r.field, r.oldValue, r.newValue, r.reason, r.changedBy,
                        r.changedAt))
                .toList(), changes.total(), changes.page(), changes.size());
    }

    /** The API's word for a changed entity: the customer's own changes are stored under the database's {@link Customer#HISTORY}. */
    private static String entity(String stored) {
        return Customer.HISTORY.equals(stored) ? "customer" : stored;
    }
}
