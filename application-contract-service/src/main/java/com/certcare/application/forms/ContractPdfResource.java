package com.certcare.application.forms;


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
import com.certcare.application.document.FileAnswers;

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
        FormPdfs.Pdf pdf = pdfs.contract(id);
        return FileAnswers.generated(pdf.fileName(), "application/pdf", pdf.bytes());
    }

}
