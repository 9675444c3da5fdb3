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

/** The application as form 16-01 (PDF), with a Chinese font embedded. */
@Path("/api/applications/{id:\\d+}/pdf")
@Tag(name = "applications")
public class ApplicationPdfResource {

    private final FormPdfs pdfs;

    ApplicationPdfResource(FormPdfs pdfs) {
        this.pdfs = pdfs;
    }

    @GET
    @Produces("application/pdf")
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "downloadApplicationPdf", summary = "The application as form 16-01 (PDF)")
    @APIResponse(responseCode = "200", description = "The PDF")
    @APIResponse(responseCode = "404", description = "No such application (problem+json)")
    public Response pdf(@RestPath("id") long id) {
        FormPdfs.Pdf pdf = pdfs.application(id);
        return FileAnswers.generated(pdf.fileName(), "application/pdf", pdf.bytes());
    }
}
