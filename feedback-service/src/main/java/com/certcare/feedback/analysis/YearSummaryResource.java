package com.certcare.feedback.analysis;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import com.certcare.feedback.Roles;

@Path("/api/feedback/analysis")
@Tag(name = "feedback-analysis", description = "The year-end summary of customer feedback (4.6): JSON for the charts, XLSX and PDF downloads")
public class YearSummaryResource {

    private final YearReports reports;

    YearSummaryResource(YearReports reports) {
        this.reports = reports;
    }

    @GET
    @Path("/year")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.MARKET, Roles.LEADER })
    @Operation(operationId = "getFeedbackYearSummary", summary = "The year's counts by kind, channel, class, department and month, response and resolution times (median, p90), recurring topics, needs, serious complaints")
    @APIResponse(responseCode = "200", description = "The summary")
    @APIResponse(responseCode = "400", description = "No year, or not from 2000 to this year (problem+json)")
    @APIResponse(responseCode = "503", description = "Too many heavy reads at once (database-busy), or a query stopped at its time limit (query-timeout); nothing written, try again after Retry-After (problem+json)")
    public YearSummary year(@Parameter(description = "2000 to this year (Asia/Shanghai)", required = true) @RestQuery("year") Integer year) {
        return reports.summary(year);
    }

    @GET
    @Path("/year.xlsx")
    @Produces({ YearWorkbook.CONTENT_TYPE, "application/problem+json" })
    @RolesAllowed({ Roles.MARKET, Roles.LEADER })
    @Operation(operationId = "downloadFeedbackYearSummaryXlsx", summary = "The year-end summary as an Excel workbook, one sheet per breakdown, Chinese headers")
    @APIResponse(responseCode = "200", description = "客户意见和建议年度分析-<year>.xlsx (Content-Disposition attachment, RFC 6266)",
            content = @Content(mediaType = YearWorkbook.CONTENT_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "No year, or not from 2000 to this year (problem+json)")
    @APIResponse(responseCode = "503", description = "Too many heavy reads at once (database-busy), or a query stopped at its time limit (query-timeout); nothing written, try again after Retry-After (problem+json)")
    public Response xlsx(@Parameter(description = "2000 to this year (Asia/Shanghai)", required = true) @RestQuery("year") Integer year) {
        return reports.xlsx(year);
    }

    @GET
    @Path("/year.pdf")
    @Produces({ "application/pdf", "application/problem+json" })
    @RolesAllowed({ Roles.MARKET, Roles.LEADER })
    @Operation(operationId = "downloadFeedbackYearSummaryPdf", summary = "The year-end summary as PDF (for the management representative), the Chinese font embedded")
    @APIResponse(responseCode = "200", description = "客户意见和建议年度分析-<year>.pdf (Content-Disposition attachment, RFC 6266)",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "No year, or not from 2000 to this year (problem+json)")
    @APIResponse(responseCode = "503", description = "Too many heavy reads at once (database-busy), or a query stopped at its time limit (query-timeout); nothing written, try again after Retry-After (problem+json)")
    public Response pdf(@Parameter(description = "2000 to this year (Asia/Shanghai)", required = true) @RestQuery("year") Integer year) {
        return reports.pdf(year);
    }
}
