package com.certcare.application.applying;

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
import com.certcare.application.document.FileAnswers;
import com.certcare.platform.web.ListPage;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "applications", description = "Certification applications (认证申请, form 16-01): inbox, review (17021-1 9.1.2) and decision")
public class ApplicationResource {

    private final ApplicationService applications;
    private final SecurityIdentity identity;

    ApplicationResource(ApplicationService applications, SecurityIdentity identity) {
        this.applications = applications;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listApplications", summary = "The inbox: filtered by status, scheme, province, overdue review and text, sorted and paged")
    @APIResponse(responseCode = "200", description = "One page of applications, each saying whether its review is overdue")
    @APIResponse(responseCode = "400", description = "A filter, sort key or paging value is invalid (problem+json)")
    public ListPage<Views.ApplicationRow> list(@RestQuery("status") ApplicationStatus status, @RestQuery("scheme") String scheme,
            @RestQuery("province") String province, @RestQuery("overdue") Boolean overdue,
            @Parameter(description = "Part of the name, credit code or reference") @RestQuery("q") String q,
            @Parameter(description = "id, reference, name, status, provinceCode, submittedAt, decidedAt, createdAt, updatedAt; `name,desc`; repeatable")
            @RestQuery("sort") List<String> sort, @RestQuery("page") Integer page, @RestQuery("size") Integer size) {
        return applications.list(status, scheme, province, overdue, q, sort, page, size);
    }

    @GET
    @Path("/{id:\\d+}")
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getApplication", summary = "An application with its attachments, thread and review checklist")
    @APIResponse(responseCode = "200", description = "The application")
    @APIResponse(responseCode = "404", description = "No such application (problem+json)")
    public Views.ApplicationDetail get(@RestPath long id) {
        return applications.detail(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "createApplication", summary = "Enter an application on a client's behalf (a DRAFT; attach files, then submit)")
    @APIResponseSchema(value = Views.ApplicationDetail.class, responseCode = "201", responseDescription = "Created")
    @APIResponse(responseCode = "400", description = "Invalid fields, each named with its reason (problem+json)")
    public RestResponse<Views.ApplicationDetail> create(@NotNull ApplicationInput body) {
        Views.ApplicationDetail created = applications.create(body, user());
        return RestResponse.ResponseBuilder.<Views.ApplicationDetail> created(URI.create("/api/applications/" + created.id()))
                .entity(created).build();
    }

    @PUT
    @Path("/{id:\\d+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "updateApplication", summary = "Correct the applicant's fields (DRAFT or NEEDS_INFO); send the version you read")
    @APIResponse(responseCode = "200", description = "The application as changed")
    @APIResponse(responseCode = "400", description = "Invalid fields (problem+json)")
    @APIResponse(responseCode = "404", description = "No such application (problem+json)")
    @APIResponse(responseCode = "409", description = "Changed by someone else (stale), or no longer editable (problem+json)")
    public Views.ApplicationDetail update(@RestPath long id, @NotNull ApplicationInput body) {
        return applications.update(id, body, user());
    }

    @POST
    @Path("/{id:\\d+}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "attachApplicationFiles", summary = "Attach files, in parts named by kind (BUSINESS_LICENCE, PERMIT, OTHER)")
    @APIResponse(responseCode = "200", description = "The application with the new attachments")
    @APIResponse(responseCode = "400", description = "No file, an empty file or one that is not PDF/DOCX/PNG/JPEG by its bytes, too many (problem+json)")
    @APIResponse(responseCode = "404", description = "No such application (problem+json)")
    @APIResponse(responseCode = "409", description = "The application is decided or withdrawn (problem+json)")
    @APIResponse(responseCode = "413", description = "A file too large (problem+json)")
    public Views.ApplicationDetail attach(@RestPath long id, @BeanParam AttachForm form) {
        return applications.attach(id, form, user());
    }

    @GET
    @Path("/{id:\\d+}/attachments/{attachmentId:\\d+}/file")
    @Produces({ "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "image/png",
            "image/jpeg", "application/problem+json" })
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "downloadApplicationAttachment", summary = "An attached file (ETag: its SHA-256)")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched)")
    @APIResponse(responseCode = "404", description = "No such application or attachment (problem+json)")
    public Response download(@RestPath long id, @RestPath long attachmentId, @RestHeader("If-None-Match") String ifNoneMatch) {
        return FileAnswers.of(applications.attachmentFile(id, attachmentId), ifNoneMatch, "private, no-cache",
                applications.store());
    }

    @POST
    @Path("/{id:\\d+}/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "submitApplicationDraft", summary = "Submit a DRAFT entered on a client's behalf (the schemes' required attachments must be there)")
    @APIResponse(responseCode = "200", description = "SUBMITTED")
    @APIResponse(responseCode = "400", description = "No version, a required attachment missing (attachments.<KIND>) (problem+json)")
    @APIResponse(responseCode = "404", description = "No such application (problem+json)")
    @APIResponse(responseCode = "409", description = "Not a DRAFT (forbidden-transition) or stale (problem+json)")
    public Views.ApplicationDetail submit(@RestPath long id, @NotNull TransitionInput body) {
        return applications.submit(id, body, user());
    }

    @POST
    @Path("/{id:\\d+}/start-review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "startApplicationReview", summary = "Take a SUBMITTED application into review")
    @APIResponse(responseCode = "200", description = "UNDER_REVIEW")
    @APIResponse(responseCode = "400", description = "No version (problem+json)")
    @APIResponse(responseCode = "404", description = "No such application (problem+json)")
    @APIResponse(responseCode = "409", description = "Not SUBMITTED (forbidden-transition) or stale (problem+json)")
    public Views.ApplicationDetail startReview(@RestPath long id, @NotNull TransitionInput body) {
        return applications.startReview(id, body, user());
    }

    @POST
    @Path("/{id:\\d+}/request-info")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "requestApplicationInfo", summary = "Ask the applicant for information (`question`); the applicant answers on the status page")
    @APIResponse(responseCode = "200", description = "NEEDS_INFO")
    @APIResponse(responseCode = "400", description = "No version or question (problem+json)")
    @APIResponse(responseCode = "404", description = "No such application (problem+json)")
    @APIResponse(responseCode = "409", description = "Not UNDER_REVIEW (forbidden-transition) or stale (problem+json)")
    public Views.ApplicationDetail requestInfo(@RestPath long id, @NotNull TransitionInput body) {
        return applications.requestInfo(id, body, user());
    }

    @POST
    @Path("/{id:\\d+}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "acceptApplication", summary = "Accept (受理): every checklist item must be yes and the audit days estimated; `reasons` go to the applicant")
    @APIResponse(responseCode = "200", description = "ACCEPTED; ApplicationAccepted is published")
    @APIResponse(responseCode = "400", description = "No version; checklist items not answered yes, each named review.<item> (problem+json)")
    @APIResponse(responseCode = "404", description = "No such application (problem+json)")
    @APIResponse(responseCode = "409", description = "Not UNDER_REVIEW (forbidden-transition) or stale (problem+json)")
    public Views.ApplicationDetail accept(@RestPath long id, @NotNull TransitionInput body) {
        return applications.accept(id, body, user());
    }

    @POST
    @Path("/{id:\\d+}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "rejectApplication", summary = "Reject, with `reasons` given to the applicant")
    @APIResponse(responseCode = "200", description = "REJECTED; ApplicationRejected is published")
    @APIResponse(responseCode = "400", description = "No version or reasons (problem+json)")
    @APIResponse(responseCode = "404", description = "No such application (problem+json)")
    @APIResponse(responseCode = "409", description = "Not UNDER_REVIEW (forbidden-transition) or stale (problem+json)")
    public Views.ApplicationDetail reject(@RestPath long id, @NotNull TransitionInput body) {
        return applications.reject(id, body, user());
    }

    @POST
    @Path("/{id:\\d+}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "withdrawApplication", summary = "Withdraw (from any state not final), e.g. at the client's request by phone")
    @APIResponse(responseCode = "200", description = "WITHDRAWN; ApplicationWithdrawn is published")
    @APIResponse(responseCode = "400", description = "No version (problem+json)")
    @APIResponse(responseCode = "404", description = "No such application (problem+json)")
    @APIResponse(responseCode = "409", description = "Already final (forbidden-transition) or stale (problem+json)")
    public Views.ApplicationDetail withdraw(@RestPath long id, @NotNull TransitionInput body) {
        return applications.withdraw(id, body, user());
    }

    @PUT
    @Path("/{id:\\d+}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "updateApplicationReview", summary = "Fill in the review checklist (UNDER_REVIEW or NEEDS_INFO); send the version you read")
    @APIResponse(responseCode = "200", description = "The application with its checklist")
    @APIResponse(responseCode = "400", description = "Invalid fields (problem+json)")
    @APIResponse(responseCode = "404", description = "No such application (problem+json)")
    @APIResponse(responseCode = "409", description = "Not under review, or stale (problem+json)")
    public Views.ApplicationDetail review(@RestPath long id, @NotNull ReviewInput body) {
        return applications.review(id, body, user());
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
