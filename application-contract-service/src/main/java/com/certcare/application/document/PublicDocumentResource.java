package com.certcare.application.document;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** What anyone may read without logging in: the current version of each published document. */
@Path("/api/public/documents")
@PermitAll
@SecurityRequirementsSet
@Tag(name = "public documents", description = "Published documents for the public, no login")
public class PublicDocumentResource {

    private final DocumentService documents;
    private final DocumentConfig config;

    PublicDocumentResource(DocumentService documents, DocumentConfig config) {
        this.documents = documents;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublicDocuments", summary = "Every published document with its current version")
    @APIResponse(responseCode = "200", description = "Published documents, current version each (weak ETag over what is shown)")
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched)")
    public RestResponse<List<PublicDocument>> list(@RestHeader("If-None-Match") String ifNoneMatch) {
        return FileAnswers.list(documents.published(), ifNoneMatch, "public, max-age=" + config.publicMaxAgeSeconds());
    }

    @GET
    @Path("/{id:\\d+}/file")
    @Produces({ "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/problem+json" })
    @Operation(operationId = "downloadPublicDocument", summary = "The current file of a published document (ETag: its SHA-256)")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched)")
    @APIResponse(responseCode = "404", description = "No such published document (problem+json)")
    public Response download(@RestPath long id, @RestHeader("If-None-Match") String ifNoneMatch) {
        return FileAnswers.of(documents.publishedFile(id), ifNoneMatch,
                "public, max-age=" + config.publicMaxAgeSeconds(), documents);
    }
}
