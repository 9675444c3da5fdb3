package com.certcare.customer.reporting;

import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.certcare.customer.Roles;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.web.Downloads;
import com.certcare.platform.web.ListPage;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * National reporting (认证机构信息管理系统): the month's records, the deadline, the upload workbook; marking a month
 * sent after the upload and resending a record are the market department's.
 */
@Path("/api/customers/national-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "national reporting", description = "Records for the national certification information system and their monthly upload")
public class ReportingResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final NationalReports reports;
    private final SecurityIdentity identity;

    ReportingResource(NationalReports reports, SecurityIdentity identity) {
        this.reports = reports;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.ADMIN })
    @Operation(operationId = "listNationalReports", summary = "A month's records, oldest first, page by page with the month's total")
    public ListPage<NationalReports.Report> list(
            @Parameter(description = "yyyy-MM, the month of the change (Asia/Shanghai)", example = "2026-12") @RestQuery("period") String period,
            @Parameter(description = "PENDING, SENT or FAILED") @RestQuery("status") String status,
            @Parameter(description = "From 1; default 1") @RestQuery("page") Integer page,
            @Parameter(description = "1-200; default 50") @RestQuery("size") Integer size) {
        return reports.list(period(period), status, page, size);
    }

    @GET
    @Path("/summary")
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.ADMIN })
    @Operation(operationId = "nationalReportSummary", summary = "This month's and last month's deadline and the records still open")
    public NationalReports.Summary summary() {
        return reports.summary();
    }

    @GET
    @Path("/batches/{period}")
    @Produces({ XLSX, "application/problem+json" })
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.ADMIN })
    @Operation(operationId = "nationalReportBatch", summary = "The month's upload workbook: the sheets of the data file with the month's records")
    public Response batch(@RestPath String period) throws IOException {
        YearMonth month = period(period);
        return Downloads.generated("national-report-" + month + ".xlsx", XLSX, reports.workbook(month));
    }

    @POST
    @Path("/batches/{period}/sent")
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "markNationalReportBatchSent", summary = "After the upload: the month's open records are SENT")
    @APIResponse(responseCode = "200", description = "How many records were marked")
    public Marked sent(@RestPath String period) {
        return new Marked(reports.markSent(period(period), identity.getPrincipal().getName()));
    }

    /** How many records a month's marking changed. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "NationalReportsMarked")
    public record Marked(@org.eclipse.microprofile.openapi.annotations.media.Schema(required = true) int marked) {
    }

    @POST
    @Path("/{id:\\d+}/resend")
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "resendNationalReport", summary = "A record to send again (PENDING)")
    @APIResponse(responseCode = "204", description = "Pending again")
    @APIResponse(responseCode = "404", description = "No such record (problem+json)")
    public void resend(@RestPath long id) {
        reports.resend(id);
    }

    private static YearMonth period(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid("period", "required");
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("period", "period-format");
        }
    }
}
