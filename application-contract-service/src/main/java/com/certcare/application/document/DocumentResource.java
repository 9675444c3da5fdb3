package com.certcare.application.document;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import com.certcare.application.Roles;
import com.certcare.platform.web.ListPage;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "documents", description = "Public documents (公开文件, clause 4.1.1): the library with every version")
public class DocumentResource {

    private final DocumentService documents;
    private final SecurityIdentity identity;

    DocumentResource(DocumentService documents, SecurityIdentity identity) {
        this.documents = documents;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listDocuments", summary = "The document library, filtered by kind and publication, sorted and paged")
    @APIResponse(responseCode = "200", description = "One page of the library")
    @APIResponse(responseCode = "400", description = "A filter, sort key or paging value is invalid (problem+json)")
    public ListPage<DocumentView> list(@RestQuery("kind") DocumentKind kind, @RestQuery("published") Boolean published,
            @Parameter(description = "id, kind, titleZh, titleEn, published, createdAt, updatedAt; `name,desc`; repeatable")
            @RestQuery("sort") List<String> sort, @RestQuery("page") Integer page, @RestQuery("size") Integer size) {
        return documents.list(kind, published, sort, page, size);
    }

    @GET
    @Path("/{id:\\d+}")
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getDocument", summary = "A document with all its versions, newest first")
    @APIResponse(responseCode = "200", description = "The document")
    @APIResponse(responseCode = "404", description = "No such document (problem+json)")
    public DocumentDetail get(@RestPath long id) {
        return documents.detail(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "createDocument", summary = "Describe a new document (its files come as versions)")
    @APIResponseSchema(value = DocumentDetail.class, responseCode = "201", responseDescription = "Created")
    @APIResponse(responseCode = "400", description = "Invalid fields, each named with its reason (problem+json)")
    public RestResponse<DocumentDetail> create(@NotNull DocumentInput body) {
        DocumentDetail created = documents.create(body, identity.getPrincipal().getName());
        return RestResponse.ResponseBuilder.<DocumentDetail> created(URI.create("/api/documents/" + created.id()))
                .entity(created).build();
    }

    @PUT
    @Path("/{id:\\d+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "updateDocument", summary = "Change title, kind or publication; send the version you read")
    @APIResponse(responseCode = "200", description = "The document as changed")
    @APIResponse(responseCode = "400", description = "Invalid fields (problem+json)")
    @APIResponse(responseCode = "404", description = "No such document (problem+json)")
    @APIResponse(responseCode = "409", description = "Changed by someone else since you read it (problem+json)")
    public DocumentDetail update(@RestPath long id, @NotNull DocumentInput body) {
        return documents.update(id, body, identity.getPrincipal().getName());
    }

    @POST
    @Path("/{id:\\d+}/versions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "uploadDocumentVersion",
            summary = "Upload a new version (PDF or DOCX, told from the bytes); it becomes the current one")
    @APIResponse(responseCode = "200", description = "The document with the new version as current")
    @APIResponse(responseCode = "400", description = "No file, an empty file, a file that is neither PDF nor DOCX, or invalid fields (problem+json)")
    @APIResponse(responseCode = "404", description = "No such document (problem+json)")
    @APIResponse(responseCode = "413", description = "The file is larger than certcare.documents.max-bytes (problem+json naming file)")
    public DocumentDetail upload(@RestPath long id, @BeanParam UploadForm form) {
        return documents.addVersion(id, form, identity.getPrincipal().getName());
    }

    @GET
    @Path("/{id:\\d+}/versions/{number:\\d+}/file")
    @Produces({ "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/problem+json" })
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "downloadDocumentVersion", summary = "The file of one version (ETag: its SHA-256)")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched)")
    @APIResponse(responseCode = "404", description = "No such document or version (problem+json)")
    public Response download(@RestPath long id, @RestPath int number, @RestHeader("If-None-Match") String ifNoneMatch) {
        return FileAnswers.of(documents.versionFile(id, number), ifNoneMatch, "private, no-cache", documents);
    }
}
