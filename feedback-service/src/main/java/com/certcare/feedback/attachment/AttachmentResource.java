package com.certcare.feedback.attachment;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import com.certcare.feedback.Roles;
import com.certcare.feedback.access.Callers;
import com.certcare.platform.web.Downloads;

@Path("/api/feedback/{id:\\d+}/attachments")
@Tag(name = "feedback-attachments", description = "Files attached to an item (#19): PDF, Word, PNG or JPEG; seen by whoever sees the item")
public class AttachmentResource {

    private final AttachmentService attachments;
    private final Callers callers;

    AttachmentResource(AttachmentService attachments, Callers callers) {
        this.attachments = attachments;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DEPARTMENT, Roles.MARKET, Roles.LEADER, Roles.AUDITOR })
    @Operation(operationId = "attachFeedbackFile", summary = "Attach one file (form field file) to an item: a department its own items, an auditor the items they posted")
    @APIResponse(responseCode = "201", description = "Attached (Location names the file); the item's history shows it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentView.class)))
    @APIResponse(responseCode = "400", description = "No file, an empty one, a type other than PDF/DOCX/PNG/JPEG (told from the bytes), the item's limit of files reached, or an unreadable form; field file (problem+json)")
    @APIResponse(responseCode = "404", description = "No such item, or not one the caller may attach to (problem+json)")
    @APIResponse(responseCode = "409", description = "The item is closed (item-closed; problem+json)")
    @APIResponse(responseCode = "413", description = "The file is larger than certcare.feedback.attachments.max-bytes (file-too-large, field file; problem+json)")
    public RestResponse<AttachmentView> attach(@RestPath long id, @BeanParam AttachmentForm form) {
        AttachmentView attached = attachments.attach(id, form == null ? null : form.file, callers.current());
        return RestResponse.ResponseBuilder.<AttachmentView> created(
                URI.create("/api/feedback/" + id + "/attachments/" + attached.id())).entity(attached).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DEPARTMENT, Roles.MARKET, Roles.LEADER, Roles.ADMIN })
    @Operation(operationId = "listFeedbackAttachments", summary = "The item's attachments, in upload order")
    @APIResponse(responseCode = "200", description = "The attachments")
    @APIResponse(responseCode = "404", description = "No such item, or not the caller's department's (problem+json)")
    public List<AttachmentView> list(@RestPath long id) {
        return attachments.list(id, callers.current());
    }

    @GET
    @Path("/{attachmentId:\\d+}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({ Roles.DEPARTMENT, Roles.MARKET, Roles.LEADER, Roles.ADMIN })
    @Operation(operationId = "downloadFeedbackAttachment", summary = "The attached file, as stored (Content-Disposition: attachment with its UTF-8 name)")
    @APIResponse(responseCode = "200", description = "The file, with the type told from its bytes at upload",
            content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such item or attachment, or not the caller's department's (problem+json)")
    public Response download(@RestPath long id, @RestPath long attachmentId) {
        AttachmentService.Download file = attachments.download(id, attachmentId, callers.current());
        AttachmentView a = file.attachment();
        String extension = a.fileName().substring(a.fileName().lastIndexOf('.'));
        return Downloads.stored(a.fileName(), "feedback-" + id + "-attachment-" + a.id() + extension, a.mediaType(),
                a.size(), (StreamingOutput) out -> attachments.write(file, out));
    }
}
