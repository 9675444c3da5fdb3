package com.certcare.customer.registry;

import com.certcare.customer.customer.Customer;
import com.certcare.customer.customer.CustomerInput;
import com.certcare.customer.customer.CustomerService;
import com.certcare.customer.customer.SystemChanges;
import com.certcare.customer.certification.CustomerDetails;
import com.certcare.customer.certification.CustomerView;
import com.certcare.customer.certification.CustomerViews;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
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
import com.certcare.customer.certification.CertificationService;
import com.certcare.customer.search.CustomerFilter;
import com.certcare.customer.search.CustomerSearch;
import com.certcare.platform.web.ListPage;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/api/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customers", description = "Customer enterprises (企业) of the customer database")
public class CustomerResource {

    private final CustomerService customers;
    private final CertificationService certifications;
    private final CustomerSearch search;
    private final CustomerViews views;
    private final CustomerDetails details;
    private final SystemChanges systemChanges;
    private final SecurityIdentity identity;

    CustomerResource(CustomerService customers, CertificationService certifications, CustomerSearch search,
            CustomerViews views, CustomerDetails details, SystemChanges systemChanges, SecurityIdentity identity) {
        this.systemChanges = systemChanges;
        this.customers = customers;
        this.certifications = certifications;
        this.search = search;
        this.views = views;
        this.details = details;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listCustomers", summary = "List customers with any combination of filters, sorted and paged")
    @APIResponse(responseCode = "200", description = "One page of customers, each with its certification records")
    @APIResponse(responseCode = "400", description = "A filter, sort key or paging value is invalid (problem+json)")
    @APIResponse(responseCode = "503", description = "Too many heavy reads at once (database-busy), or a query stopped at its time limit (query-timeout); nothing written, try again after Retry-After (problem+json)")
    public Uni<ListPage<CustomerView>> list(@BeanParam CustomerFilter filter, @RestQuery List<String> sort,
            @RestQuery("page") Integer page, @RestQuery("size") Integer size) {
        return search.list(filter, sort, page, size);
    }

    @GET
    @Path("/{id:\\d+}")
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getCustomer", summary = "A customer with its certification records")
    @APIResponse(responseCode = "200", description = "The customer with its certification records")
    @APIResponse(responseCode = "404", description = "No such customer (problem+json)")
    public CustomerView get(@RestPath long id) {
        return details.read(id);
    }

    @POST
    @RolesAllowed({ Roles.MARKET, Roles.ADMIN })
    @Operation(operationId = "createCustomer", summary = "Register a customer")
    @APIResponseSchema(value = CustomerView.class, responseCode = "201", responseDescription = "Registered (Location names it); no certification records yet")
    @APIResponse(responseCode = "400", description = "Invalid fields, each named with its reason (problem+json)")
    @APIResponse(responseCode = "409", description = "The credit code is registered already; the problem names that customer")
    public RestResponse<CustomerView> create(@NotNull CustomerInput body) {
        Customer customer = customers.create(body, identity.getPrincipal().getName());
        return RestResponse.ResponseBuilder.<CustomerView> created(URI.create("/api/customers/" + customer.id))
                .entity(views.of(customer, List.of(), List.of())).build();
    }

    @PUT
    @Path("/{id:\\d+}")
    @RolesAllowed({ Roles.MARKET, Roles.ADMIN })
    @Operation(operationId = "updateCustomer", summary = "Change a customer; send the version you read")
    @APIResponse(responseCode = "200", description = "The customer as changed, with its certification records")
    @APIResponse(responseCode = "400", description = "Invalid fields (problem+json)")
    @APIResponse(responseCode = "409", description = "Changed by someone else since you read it, or duplicate credit code")
    public CustomerView update(@RestPath long id, @NotNull CustomerInput body) {
        Customer customer = customers.update(id, body, identity.getPrincipal().getName());
        return views.of(customer, certifications.ofCustomer(id), systemChanges.open(id));
    }

    @DELETE
    @Path("/{id:\\d+}")
    @RolesAllowed({ Roles.MARKET, Roles.ADMIN })
    @Operation(operationId = "deleteCustomer", summary = "Remove a customer registered by mistake (one without certification records)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "The customer has certification records, or the version is stale")
    public void delete(@RestPath long id, @RestQuery("version") int version) {
        customers.delete(id, version, identity.getPrincipal().getName());
    }
}
