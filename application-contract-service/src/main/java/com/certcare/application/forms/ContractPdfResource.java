package com.certcare.application.forms;

import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.certcare.application.Roles;

/** The contract as form 16-02 (PDF), with a Chinese font embedded. */
@Path("/api/contracts/{id:\\d+}/pdf")
@Tag(name = "contracts")
public class ContractPdfResource {

    private final FormPdfs pdfs;

    ContractPdfResource(FormPdfs pdfs) {
        this.pdfs = pdfs;
    }

    @GET
    @Produces("application/pdf")
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "downloadContractPdf", summary = "The contract as form 16-02 (PDF)")
    @APIResponse(responseCode = "200", description = "The PDF")
    @APIResponse(responseCode = "404", description = "No such contract (problem+json)")
    public Response pdf(@RestPath("id") long id) {
        return send(pdfs.contract(id));
    }

    static Response send(FormPdfs.Pdf pdf) {
        String ascii = pdf.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = java.net.URLEncoder.encode(pdf.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(pdf.bytes(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "private, no-cache").build();
    }
}
