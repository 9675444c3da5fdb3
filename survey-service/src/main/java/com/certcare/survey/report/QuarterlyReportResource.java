package com.certcare.survey.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.certcare.platform.problem.Messages;
import com.certcare.platform.problem.ProblemException;
import com.certcare.survey.Roles;
import com.certcare.survey.campaign.Quarter;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/surveys/reports/{quarter}")
@Tag(name = "survey reports", description = "The written quarterly satisfaction report (4.7.1): market's conclusions beside the quarter's figures, issued once; PDF and XLSX")
public class QuarterlyReportResource {

    static final String PDF = "application/pdf";
    static final String PROBLEM = "application/problem+json";
    static final String QUARTER = "^20[0-9]{2}-Q[1-4]$";

    private final ReportService reports;
    private final ReportDocuments documents;
    private final SecurityIdentity identity;

    QuarterlyReportResource(ReportService reports, ReportDocuments documents, SecurityIdentity identity) {
        this.reports = reports;
        this.documents = documents;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getQuarterlyReport", summary = "Get a quarter's written report; never saved: a draft of the conclusions written from the figures, in the request's language")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "A bad quarter (problem+json naming it)")
    @APIResponse(responseCode = "403", description = "An auditor asking for a report not issued (problem+json)")
    public ReportView get(@Parameter(description = "yyyy-Qn", example = "2026-Q3", schema = @Schema(type = SchemaType.STRING, pattern = QUARTER)) @RestPath String quarter, HttpHeaders headers) {
        return reports.get(Quarter.parse(quarter, "quarter"), Messages.pick(headers.getAcceptableLanguages()), readsDrafts());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "saveQuarterlyReport", summary = "Save the conclusions of a quarter's report (DRAFT only), against the version read")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReportInput.Conclusions.class)))
    @APIResponse(responseCode = "200", description = "The saved report with its new version", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "A bad quarter, no or too long conclusions, no version (problem+json naming the field)")
    @APIResponse(responseCode = "409", description = "Changed by someone else since it was read (stale), or issued already (report-issued) (problem+json)")
    public ReportView save(@Parameter(description = "yyyy-Qn", example = "2026-Q3", schema = @Schema(type = SchemaType.STRING, pattern = QUARTER)) @RestPath String quarter,
            @NotNull ReportInput.Conclusions body) {
        return reports.save(Quarter.parse(quarter, "quarter"), body, identity.getPrincipal().getName());
    }

    @POST
    @Path("/issue")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "issueQuarterlyReport", summary = "Issue a quarter's saved report: who and when are recorded, the figures frozen; it never changes after")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReportInput.Issue.class)))
    @APIResponse(responseCode = "200", description = "The issued report", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "A bad quarter or no version (problem+json naming the field)")
    @APIResponse(responseCode = "409", description = "Stale version, issued already (report-issued) or never saved (report-not-saved) (problem+json)")
    public ReportView issue(@Parameter(description = "yyyy-Qn", example = "2026-Q3", schema = @Schema(type = SchemaType.STRING, pattern = QUARTER)) @RestPath String quarter,
            @NotNull ReportInput.Issue body) {
        return reports.issue(Quarter.parse(quarter, "quarter"), body, identity.getPrincipal().getName());
    }

    @GET
    @Path("/document")
    @Produces({ PDF, ReportWorkbook.CONTENT_TYPE, PROBLEM })
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "downloadQuarterlyReport", summary = "The report as PDF (charts, items, conclusions; a draft marked 草稿) or XLSX (overview, dimensions, items, segments, conclusions)")
    @APIResponse(responseCode = "200", description = "顾客满意度季度分析报告-<quarter>.pdf|.xlsx (Content-Disposition attachment, RFC 6266)",
            content = { @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = ReportWorkbook.CONTENT_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "400", description = "A bad quarter or format (problem+json naming it)")
    @APIResponse(responseCode = "403", description = "An auditor asking for a report not issued (problem+json)")
    public Response document(@Parameter(description = "yyyy-Qn", example = "2026-Q3", schema = @Schema(type = SchemaType.STRING, pattern = QUARTER)) @RestPath String quarter,
            @Parameter(description = "pdf (default) or xlsx", schema = @Schema(type = SchemaType.STRING, enumeration = { "pdf", "xlsx" })) @RestQuery("format") String format) {
        Quarter q = Quarter.parse(quarter, "quarter");
        return documents.file(q, format(format), readsDrafts());
    }

    private static ReportDocuments.Format format(String format) {
        if (format == null || format.isBlank() || format.strip().equalsIgnoreCase("pdf")) {
            return ReportDocuments.Format.PDF;
        }
        if (format.strip().equalsIgnoreCase("xlsx")) {
            return ReportDocuments.Format.XLSX;
        }
        throw ProblemException.invalid("format", "one-of", "pdf, xlsx");
    }

    /** Market, the leader and admin read drafts; auditors only issued reports. */
    private boolean readsDrafts() {
        return identity.hasRole(Roles.MARKET) || identity.hasRole(Roles.LEADER) || identity.hasRole(Roles.ADMIN);
    }
}
