package com.certcare.application.applying;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.certcare.application.document.DocumentRules;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.web.BodyLimits;

import io.vertx.core.http.HttpServerRequest;

/**
 * A form with files (public submission, an answer, a staff upload) whose declared length is beyond
 * {@code certcare.applications.max-total-bytes} plus room for the fields is refused with 413 naming
 * {@code attachments} before its body is read.
 */
public class ApplicationUploadLimit {

    /** What the form's fields (the application JSON, an answer) and the multipart framing may add to the files. */
    static final long FORM_ROOM = 256 * 1024;
    private static final Pattern UPLOADS = Pattern.compile(
            "/api/public/applications/?|/api/public/applications/[^/]+/answers/?|/api/applications/[^/]+/attachments/?");

    private final ApplicationConfig config;

    ApplicationUploadLimit(ApplicationConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true, priority = 100)
    void check(ContainerRequestContext request, HttpServerRequest http) {
        String length = request.getHeaderString("Content-Length");
        if (length == null || !"POST".equals(request.getMethod()) || !UPLOADS.matcher(request.getUriInfo().getPath()).matches()) {
            return;
        }
        long max = config.maxTotalBytes().asLongValue();
        try {
            if (Long.parseLong(length.strip()) <= max + FORM_ROOM) {
                return;
            }
        } catch (NumberFormatException e) {
            return; // the HTTP layer refuses a malformed length itself
        }
        String mb = DocumentRules.megabytes(max);
        BodyLimits.discardBody(http);
        throw new ProblemException(413, "file-too-large",
                List.of(new ProblemException.Violation("attachments", "files-too-large", mb)), mb);
    }
}
