package com.certcare.customer.statistics;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import com.certcare.customer.Roles;
import com.certcare.customer.search.CustomerFilter;
import com.certcare.customer.search.CustomerQueries;
import com.certcare.platform.web.ListPage;
import io.smallrye.mutiny.Uni;

@Path("/api/customers/statistics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
@Tag(name = "statistics", description = "Counts and fee sums of the customer database (clause 4.2.2)")
public class StatisticsResource {

    private final StatisticsService statistics;

    StatisticsResource(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GET
    @Operation(operationId = "groupCustomerStatistics",
            summary = "Customers, certification records and fee sums grouped by province, status, scheme, professional code, month, quarter, year or grade")
    @APIResponse(responseCode = "200", description = "One row per group: customers, certification records and fee sums")
    @APIResponse(responseCode = "503", description = "Too many heavy reads at once (database-busy), or a query stopped at its time limit (query-timeout); nothing written, try again after Retry-After (problem+json)")
    public Uni<List<CustomerQueries.Group>> groups(@BeanParam CustomerFilter filter,
            @RestQuery("groupBy") StatisticsService.GroupBy groupBy,
            @RestQuery("periodBy") StatisticsService.PeriodBy periodBy) {
        return statistics.groups(filter, groupBy, periodBy);
    }

    @GET
    @Path("/surveillance-due")
    @Operation(operationId = "listSurveillanceDue", summary = "Live certificates with a planned surveillance within the next N days, soonest first, page by page with the total")
    @APIResponse(responseCode = "200", description = "One page of live certificates with a planned surveillance due, soonest first")
    @APIResponse(responseCode = "503", description = "Too many heavy reads at once (database-busy), or a query stopped at its time limit (query-timeout); nothing written, try again after Retry-After (problem+json)")
    public Uni<ListPage<CustomerQueries.DueItem>> surveillanceDue(@BeanParam CustomerFilter filter,
            @RestQuery("days") Integer days, @RestQuery("page") Integer page, @RestQuery("size") Integer size) {
        return statistics.surveillanceDue(filter, days == null ? 30 : days, page, size);
    }

    @GET
    @Path("/expiring")
    @Operation(operationId = "listExpiringCertificates", summary = "Live certificates expiring within the next N days, soonest first, page by page with the total")
    @APIResponse(responseCode = "200", description = "One page of live certificates expiring, soonest first")
    @APIResponse(responseCode = "503", description = "Too many heavy reads at once (database-busy), or a query stopped at its time limit (query-timeout); nothing written, try again after Retry-After (problem+json)")
    public Uni<ListPage<CustomerQueries.DueItem>> expiring(@BeanParam CustomerFilter filter, @RestQuery("days") Integer days,
            @RestQuery("page") Integer page, @RestQuery("size") Integer size) {
        return statistics.expiring(filter, days == null ? 60 : days, page, size);
    }
}
