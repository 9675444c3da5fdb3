package com.certcare.customer.exchange;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import com.certcare.customer.Roles;
import com.certcare.customer.directory.Directory;
import com.certcare.customer.search.CustomerFilter;
import com.certcare.platform.problem.Messages;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/customers")
@Tag(name = "exchange", description = "Export and import of the customer ledger (CSV, XLSX)")
public class ExchangeResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv";

    private final LedgerExport export;
    private final LedgerImport ledgerImport;
    private final SecurityIdentity identity;
    private final Clock clock;

    private final Directory directory;

    ExchangeResource(LedgerExport export, LedgerImport ledgerImport, SecurityIdentity identity, Clock clock,
            Directory directory) {
        this.directory = directory;
        this.export = export;
        this.ledgerImport = ledgerImport;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Path("/export")
    @Produces({ CSV, XLSX })
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "exportCustomers",
            summary = "The filtered ledger, one row per certification record, as CSV (UTF-8 with BOM) or XLSX; headers in the caller's language")
    @APIResponse(responseCode = "429", description = "As many exports as allowed are running; try again after Retry-After (problem+json)")
    public Response export(@BeanParam CustomerFilter filter, @RestQuery("format") String format,
            HttpHeaders headers, @jakarta.ws.rs.core.Context io.vertx.ext.web.RoutingContext http) {
        LedgerExport.Format f = format(format);
        CustomerFilter.Criteria criteria = filter.criteria();
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        String name = "customers-" + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE) + "." + f.name().toLowerCase();
        LedgerExport.Stream body = export.open(criteria, f, locale);
        // its place is freed when the answer ends or the connection closes, even if the body is never written
        http.addEndHandler(done -> body.close());
        return Response.ok(body)
                .type(f == LedgerExport.Format.CSV ? CSV + ";charset=UTF-8" : XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    @GET
    @Path("/directory/export")
    @Produces({ CSV, XLSX })
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "exportDirectory",
            summary = "The public directory (every row /api/public/directory pages through, same filters) as CSV (UTF-8 with BOM) or XLSX for the body's website")
    @APIResponse(responseCode = "429", description = "As many exports as allowed are running; try again after Retry-After (problem+json)")
    public Response exportDirectory(@RestQuery("q") String q, @RestQuery("scheme") String scheme,
            @RestQuery("province") String province, @RestQuery("format") String format, HttpHeaders headers,
            @jakarta.ws.rs.core.Context io.vertx.ext.web.RoutingContext http) {
        LedgerExport.Format f = format(format);
        Directory.Query query = directory.query(q, scheme, province, new Violations());
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        String name = "directory-" + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE) + "." + f.name().toLowerCase();
        LedgerExport.Stream body = export.openDirectory(query, f, locale);
        http.addEndHandler(done -> body.close());
        return Response.ok(body)
                .type(f == LedgerExport.Format.CSV ? CSV + ";charset=UTF-8" : XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "private, no-cache")
                .build();
    }

    @POST
    @Path("/import")
    @Consumes({ CSV, XLSX, MediaType.APPLICATION_OCTET_STREAM })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.MARKET, Roles.ADMIN })
    @Operation(operationId = "importCustomers",
            summary = "Import a ledger file: dryRun=true (default) reports what would change, every bad cell by line, conflicts and ignored columns; otherwise all rows are written or none")
    @APIResponse(responseCode = "200", description = "Dry run report, or the import was committed")
    @APIResponse(responseCode = "400", description = "Bad rows: nothing was written; each is named by line and column (problem+json)")
    @APIResponse(responseCode = "409", description = "Another import is committing, or a row was changed while this one wrote: nothing was written (problem+json, Retry-After)")
    @APIResponse(responseCode = "413", description = "More rows or columns than the limits (problem+json naming the limit)")
    public ImportReport importLedger(InputStream file, @RestQuery("dryRun") Boolean dryRun,
            @RestQuery("format") String format,
            @Parameter(description = "CSV encoding: auto (default: UTF-8, else GB18030/GBK), UTF-8, GB18030 or GBK")
            @RestQuery("encoding") String encoding,
            @Parameter(description = "Rows for customers or records changed since the export: skip (default) or overwrite")
            @RestQuery("onConflict") String onConflict,
            HttpHeaders headers) throws java.io.IOException {
        LedgerExport.Format f = format != null ? format(format)
                : headers.getMediaType() != null && headers.getMediaType().toString().startsWith(XLSX)
                        ? LedgerExport.Format.XLSX : LedgerExport.Format.CSV;
        boolean overwrite;
        if (onConflict == null || onConflict.isBlank() || onConflict.equalsIgnoreCase("skip")) {
            overwrite = false;
        } else if (onConflict.equalsIgnoreCase("overwrite")) {
            overwrite = true;
        } else {
            throw ProblemException.invalid("onConflict", "import-on-conflict");
        }
        LedgerImport.Options options = new LedgerImport.Options(f, encoding, overwrite,
                Messages.pick(headers.getAcceptableLanguages()));
        if (dryRun == null || dryRun) {
            return ledgerImport.dryRun(file, options);
        }
        return ledgerImport.commit(file, options, identity.getPrincipal().getName());
    }

    private static LedgerExport.Format format(String format) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("csv")) {
            return LedgerExport.Format.CSV;
        }
        if (format.equalsIgnoreCase("xlsx")) {
            return LedgerExport.Format.XLSX;
        }
        throw ProblemException.invalid("format", "import-format");
    }
}
