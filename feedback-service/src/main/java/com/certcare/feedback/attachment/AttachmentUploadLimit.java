package com.certcare.feedback.attachment;

import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.certcare.platform.web.BodyLimits;

import io.vertx.core.http.HttpServerRequest;

/**
 * An upload whose declared length is beyond {@code certcare.feedback.attachments.max-bytes} plus room for the form is
 * refused with 413 naming {@code file} before its body is read. (The platform's BodyLimits lets this route's bodies
 * past its 1 MB — {@code certcare.http.large-body-paths}; {@code quarkus.http.limits.max-body-size} still bounds a body
 * sent without a length, and the service checks the file's own size.)
 */
public class AttachmentUploadLimit {

    /** What the multipart framing and the part's headers may add to the file. */
    static final long FORM_ROOM = 64 * 1024;
    private static final Pattern UPLOAD = Pattern.compile("/api/feedback/\\d+/attachments/?");

    private final AttachmentConfig config;

    AttachmentUploadLimit(AttachmentConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true, priority = 100)
    void check(ContainerRequestContext request, HttpServerRequest http) {
        String length = request.getHeaderString("Content-Length");
        if (length == null || !"POST".equals(request.getMethod())
                || !UPLOAD.matcher(request.getUriInfo().getPath()).matches()) {
            return;
        }
        long max = config.maxBytes().asLongValue();
        try {
            if (Long.parseLong(length.strip()) <= max + FORM_ROOM) {
                return;
            }
        } catch (NumberFormatException e) {
            return; // the HTTP layer refuses a malformed length itself
        }
        BodyLimits.discardBody(http); // a caller still sending gets the 413, not a reset connection
        throw AttachmentService.tooLarge(max);
    }
}
