package com.certcare.customer.directory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.web.Etags;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;

/**
 * What anyone may read without logging in (4.10.2; 17021-1 8.1.2): the directory of certified clients, a
 * certificate's status, and the QR code printed on a certificate that opens the public verification page. Answers
 * carry an ETag and Cache-Control; the gateway limits the rate per address.
 */
@Path("/api/public")
@PermitAll
@SecurityRequirementsSet
@Tag(name = "public directory", description = "Certified clients and certificate checks for the public, no login")
public class PublicDirectoryResource {

    private final Directory directory;
    private final DirectoryConfig config;
    private final ObjectMapper mapper;

    PublicDirectoryResource(Directory directory, DirectoryConfig config, ObjectMapper mapper) {
        this.directory = directory;
        this.config = config;
        this.mapper = mapper;
    }

    @GET
    @Path("/directory")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listDirectory", summary = "Valid and suspended certificates of clients not left out of the directory, newest issue first")
    @APIResponse(responseCode = "200", description = "A page of the directory (weak ETag)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DirectoryPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched)")
    @APIResponse(responseCode = "400", description = "A bad parameter (problem+json naming it)")
    @APIResponse(responseCode = "503", description = "Too many heavy reads at once (database-busy), or a query stopped at its time limit (query-timeout); nothing written, try again after Retry-After (problem+json)")
    public Uni<Response> list(
            @Parameter(description = "Words that must all be in the client's name or the certificate number (any case, full-width typed too)")
            @RestQuery("q") String q,
            @Parameter(description = "Scheme code, e.g. QMS") @RestQuery("scheme") String scheme,
            @Parameter(description = "Province code (GB/T 2260), e.g. 330000") @RestQuery("province") String province,
            @RestQuery("page") Integer page, @RestQuery("size") Integer size,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        return directory.list(q, scheme, province, page, size).map(found -> Etags.json(mapper, DirectoryPage.of(found),
                ifNoneMatch, "public, max-age=" + config.directoryMaxAgeSeconds()));
    }

    @GET
    @Path("/certificates/{number}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkCertificate", summary = "A certificate's status: valid, suspended, withdrawn, cancelled or expired")
    @APIResponse(responseCode = "200", description = "The certificate (weak ETag)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CertificateCheck.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched)")
    @APIResponse(responseCode = "404", description = "No certificate of this body has this number (problem+json)")
    public Response check(@RestPath String number, @RestHeader("If-None-Match") String ifNoneMatch) {
        return Etags.json(mapper, directory.check(number), ifNoneMatch, "public, max-age=" + config.checkMaxAgeSeconds());
    }

    @GET
    @Path("/certificates/{number}/qr")
    @Produces({ "image/svg+xml", "image/png", "application/problem+json" })
    @Operation(operationId = "certificateQrCode", summary = "A QR code that opens the public verification page of this certificate, for printing on it")
    @APIResponse(responseCode = "200", description = "SVG (default) or PNG",
            content = { @Content(mediaType = "image/svg+xml", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched)")
    @APIResponse(responseCode = "400", description = "A bad format or size (problem+json)")
    @APIResponse(responseCode = "404", description = "No certificate of this body has this number (problem+json)")
    public Response qr(@RestPath String number,
            @Parameter(description = "svg (default) or png") @RestQuery("format") String format,
            @Parameter(description = "PNG width in pixels, 64–1024 (default 256); SVG scales") @RestQuery("size") Integer size,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        String f = format == null || format.isBlank() ? "svg" : format.strip().toLowerCase(java.util.Locale.ROOT);
        if (!f.equals("svg") && !f.equals("png")) {
            throw ProblemException.invalid("format", "one-of", "svg, png");
        }
        int pixels = size == null ? 256 : size;
        if (pixels < QrCodes.MIN_PNG || pixels > QrCodes.MAX_PNG) {
            throw ProblemException.invalid("size", "between", QrCodes.MIN_PNG, QrCodes.MAX_PNG);
        }
        // only a certificate of ours gets a code: the page it opens must have something to show
        String certificate = directory.check(number).certificateNo();
        String url = config.verifyUrl().replace("{number}",
                URLEncoder.encode(certificate, StandardCharsets.UTF_8).replace("+", "%20"));
        String cache = "public, max-age=" + config.qrMaxAgeSeconds();
        return f.equals("png") ? Etags.bytes(QrCodes.png(url, pixels), "image/png", false, ifNoneMatch, cache)
                : Etags.bytes(QrCodes.svg(url), "image/svg+xml", false, ifNoneMatch, cache);
    }
}
