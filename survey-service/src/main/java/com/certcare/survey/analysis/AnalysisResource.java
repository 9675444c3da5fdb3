package com.certcare.survey.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import com.certcare.platform.problem.Messages;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.web.HeavyReads;
import com.certcare.survey.Roles;
import com.certcare.survey.campaign.Quarter;

import io.smallrye.mutiny.Uni;

/**
 * The satisfaction figures, read-only: the quarter's (per item, dimension and segment, with the previous quarter) and
 * the year's. For the market department, the leader and the auditors (who see aggregates only, never a client's
 * answers), as JSON or CSV.
 */
@Path("/api/surveys")
@Tag(name = "survey analysis", description = "Quarterly and annual satisfaction figures (4.7); groups below the minimum are suppressed")
public class AnalysisResource {

    static final String CSV = "text/csv";

    private final SatisfactionAnalysis analysis;

    private final HeavyReads heavyReads;

    AnalysisResource(SatisfactionAnalysis analysis, HeavyReads heavyReads) {
        this.analysis = analysis;
        this.heavyReads = heavyReads;
    }

    @GET
    @Path("/aggregates")
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "quarterAggregates", summary = "A quarter's satisfaction: index, response rate, dimensions and items overall and per segment, beside the previous quarter")
    @APIResponse(responseCode = "200", description = "The figures (JSON, or CSV with format=csv)",
            content = { @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuarterReport.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "A bad quarter, segment or format (problem+json naming it)")
    @APIResponse(responseCode = "503", description = "Too many heavy reads at once (database-busy), or a query stopped at its time limit (query-timeout); nothing written, try again after Retry-After (problem+json)")
    public Uni<Response> aggregates(
            @Parameter(description = "yyyy-Qn", example = "2026-Q3") @RestQuery("quarter") String quarter,
            @Parameter(description = "NONE (default), SCHEME, PROVINCE, PROFESSIONAL_CODE or GRADE") @RestQuery("by") Segment by,
            @Parameter(description = "json (default) or csv") @RestQuery("format") String format, HttpHeaders headers) {
        Quarter q = Quarter.parse(quarter, "quarter");
        Segment segment = by == null ? Segment.NONE : by;
        boolean csv = csv(format);
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        // checked above (400 at once, even under load); the figures wait for a heavy read's turn without a thread
        // (an auditor's script may pull every quarter and segment at once); the few rows' CSV is written after
        return jsonOrCsv(heavyReads.submit(() -> analysis.quarter(q, segment, locale)), csv, r -> "survey-" + q + ".csv",
                AnalysisResource::quarterCsv);
    }

    @GET
    @Path("/annual")
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "annualSatisfaction", summary = "The year's satisfaction figure (4.7.2): the quarters, the serious events, the deduction and the target")
    @APIResponse(responseCode = "200", description = "The figure (JSON, or CSV with format=csv)",
            content = { @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnualReport.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "A bad year or format (problem+json naming it)")
    @APIResponse(responseCode = "503", description = "Too many heavy reads at once (database-busy), or a query stopped at its time limit (query-timeout); nothing written, try again after Retry-After (problem+json)")
    public Uni<Response> annual(@Parameter(description = "2000–2099", example = "2026") @RestQuery("year") String year,
            @RestQuery("format") String format) {
        if (year == null || year.isBlank()) {
            throw ProblemException.invalid("year", "required");
        }
        if (!year.strip().matches("20[0-9]{2}")) {
            throw ProblemException.invalid("year", "year-format");
        }
        boolean csv = csv(format);
        int asked = Integer.parseInt(year.strip());
        return jsonOrCsv(heavyReads.submit(() -> analysis.annual(asked)), csv, r -> "satisfaction-" + r.year() + ".csv",
                AnalysisResource::annualCsv);
    }

    /** The figures as JSON, or as a CSV file written from them once the read is done (a few lines a group). */
    private static <T> Uni<Response> jsonOrCsv(Uni<T> figures, boolean csv, Function<T, String> fileName,
            Function<T, String> toCsv) {
        return figures.map(r -> csv ? file(fileName.apply(r), toCsv.apply(r)) : Response.ok(r, MediaType.APPLICATION_JSON).build());
    }

    private static boolean csv(String format) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            return false;
        }
        if (format.equalsIgnoreCase("csv")) {
            return true;
        }
        throw ProblemException.invalid("format", "one-of", "json, csv");
    }

    private static Response file(String name, String body) {
        // UTF-8 with a BOM, so a spreadsheet shows the Chinese names
        return Response.ok("\uFEFF" + body, CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "private, no-cache").build();
    }

    static String quarterCsv(QuarterReport r) {
        StringBuilder out = new StringBuilder();
        line(out, "quarter", "segment", "group", "level", "code", "name", "suppressed", "dispatched", "responses",
                "response_rate", "mean", "index", "previous_index", "n1", "n2", "n3", "n4", "n5");
        List<QuarterReport.Group> all = new ArrayList<>();
        all.add(r.overall());
        all.addAll(r.groups());
        for (QuarterReport.Group g : all) {
            String segment = g == r.overall() ? "NONE" : r.by().name();
            String key = g == r.overall() ? "ALL" : g.key() == null ? "" : g.key();
            line(out, r.quarter(), segment, key, "group", "", "", g.suppressed() ? "yes" : "no", g.dispatched(),
                    g.responses(), g.responseRate(), null, g.index(), g.previousIndex(), null, null, null, null, null);
            for (QuarterReport.Dimension d : g.dimensions()) {
                line(out, r.quarter(), segment, key, "dimension", d.code(), d.name(), "no", null, d.responses(), null,
                        d.mean(), d.index(), d.previousIndex(), null, null, null, null, null);
            }
            for (QuarterReport.Item i : g.items()) {
                List<Integer> n = i.distribution();
                line(out, r.quarter(), segment, key, "item", i.code(), i.text(), n == null ? "yes" : "no", null,
                        n == null ? null : i.answers(), null, i.mean(), null, null, n == null ? null : n.get(0),
                        n == null ? null : n.get(1), n == null ? null : n.get(2), n == null ? null : n.get(3),
                        n == null ? null : n.get(4));
            }
        }
        return out.toString();
    }

    static String annualCsv(AnnualReport r) {
        StringBuilder out = new StringBuilder();
        line(out, "period", "suppressed", "dispatched", "responses", "response_rate", "index", "serious_events",
                "deduction", "figure", "target", "met");
        for (AnnualReport.QuarterFigure q : r.quarters()) {
            line(out, q.quarter(), q.suppressed() ? "yes" : "no", q.dispatched(), q.responses(), q.responseRate(),
                    q.index(), null, null, null, null, null);
        }
        line(out, String.valueOf(r.year()), r.suppressed() ? "yes" : "no", null, r.responses(), null, r.index(),
                r.seriousEvents(), r.deduction(), r.figure(), r.target(), r.met() == null ? null : r.met() ? "yes" : "no");
        return out.toString();
    }

    /** One CSV line (RFC 4180 quoting; a text a spreadsheet would run as a formula gets a leading apostrophe). */
    private static void line(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = values[i];
            if (v == null) {
                continue;
            }
            String s = v instanceof BigDecimal b ? b.toPlainString() : v.toString();
            if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !(v instanceof Number)) {
                s = "'" + s;
            }
            if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            out.append(s);
        }
        out.append("\r\n");
    }
}
