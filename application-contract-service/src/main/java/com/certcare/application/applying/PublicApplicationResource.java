package com.certcare.application.applying;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import com.certcare.platform.problem.Messages;

/** The application form 16-01 for the public: no login; the reference and its secret open the status page. */
@Path("/api/public/applications")
@PermitAll
@SecurityRequirementsSet
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "public applications", description = "Apply for certification online (form 16-01), follow and answer, no login")
public class PublicApplicationResource {

    /** The header carrying the secret given at submission. */
    public static final String SECRET = "X-Application-Secret";

    private final ApplicationService applications;

    PublicApplicationResource(ApplicationService applications) {
        this.applications = applications;
    }

    @GET
    @Path("/form")
    @Operation(operationId = "getApplicationForm",
            summary = "The form's number, schemes (with the attachments each requires), provinces, field guidance in the Accept-Language, limits")
    @APIResponse(responseCode = "200", description = "The form's settings")
    public Views.FormView form(HttpHeaders headers) {
        return applications.form(Messages.pick(headers.getAcceptableLanguages()));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "submitApplication",
            summary = "Submit an application: the fields as JSON in part `application`, files in parts named by kind (BUSINESS_LICENCE, PERMIT, OTHER)")
    @APIResponseSchema(value = Views.Submitted.class, responseCode = "201",
            responseDescription = "Submitted: the reference and the secret (shown only now)")
    @APIResponse(responseCode = "400", description = "Invalid fields, a missing required attachment (attachments.<KIND>), a file that is not PDF/DOCX/PNG/JPEG by its bytes, a malformed form — all named at once (problem+json)")
    @APIResponse(responseCode = "413", description = "A file over certcare.applications.max-attachment-bytes, or the whole body over max-total-bytes (problem+json naming the field)")
    @APIResponse(responseCode = "429", description = "Too many requests from this address (at the gateway; Retry-After)")
    public RestResponse<Views.Submitted> submit(@BeanParam SubmitForm form) {
        Views.Submitted submitted = applications.submit(form);
        return RestResponse.ResponseBuilder.<Views.Submitted> created(URI.create("/api/public/applications/" + submitted.reference()))
                .entity(submitted).build();
    }

    @GET
    @Path("/{reference}")
    @Operation(operationId = "getApplicationStatus",
            summary = "The application's status, decision and reasons, the request/answer thread and the attachments' names")
    @APIResponse(responseCode = "200", description = "The status as the applicant sees it")
    @APIResponse(responseCode = "404", description = "Unknown reference or wrong secret: the same answer (problem+json)")
    public Views.PublicStatus status(@RestPath String reference, @RestHeader(SECRET) String secret) {
        return applications.status(reference, secret);
    }

    @POST
    @Path("/{reference}/answers")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "answerApplicationRequest",
            summary = "Answer the body's request for information (text and optional files); the review goes on")
    @APIResponse(responseCode = "200", description = "The status, back UNDER_REVIEW")
    @APIResponse(responseCode = "400", description = "No text, a bad file (problem+json)")
    @APIResponse(responseCode = "404", description = "Unknown reference or wrong secret (problem+json)")
    @APIResponse(responseCode = "409", description = "Nothing was asked: the application is not NEEDS_INFO (problem+json forbidden-transition)")
    @APIResponse(responseCode = "413", description = "A file too large (problem+json)")
    public Views.PublicStatus answer(@RestPath String reference, @RestHeader(SECRET) String secret, @BeanParam AttachForm form) {
        return applications.answer(reference, secret, form);
    }

    @POST
    @Path("/{reference}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "withdrawApplicationByApplicant", summary = "Withdraw the application (any state not final); a reason is optional")
    @APIResponse(responseCode = "200", description = "The status, WITHDRAWN")
    @APIResponse(responseCode = "400", description = "The reason is too long (problem+json)")
    @APIResponse(responseCode = "404", description = "Unknown reference or wrong secret (problem+json)")
    @APIResponse(responseCode = "409", description = "Already decided or withdrawn (problem+json forbidden-transition)")
    public Views.PublicStatus withdraw(@RestPath String reference, @RestHeader(SECRET) String secret, WithdrawInput body) {
        return applications.withdraw(reference, secret, body);
    }
}
