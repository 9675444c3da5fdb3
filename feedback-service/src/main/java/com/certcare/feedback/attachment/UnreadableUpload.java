package com.certcare.feedback.attachment;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.certcare.platform.problem.FieldError;
import com.certcare.platform.problem.Messages;
import com.certcare.platform.problem.Problem;
import com.certcare.platform.web.RequestIds;

/**
 * A form body the multipart parser cannot read (no boundary where one was promised, random bytes, a sender that
 * stopped mid-upload) is the request's fault: 400 {@code malformed-form} naming {@code body}, not a 500. In this service
 * an {@link IOException} reaches the REST layer only from reading the attachment form: the store's own failures
 * travel as unchecked exceptions, a download's are met after its answer began, and the year-end workbook wraps its own.
 * (application-contract-service has the same mapper for its uploads.)
 */
public class UnreadableUpload {

    private static final Logger LOG = Logger.getLogger(UnreadableUpload.class);

    private final Messages messages;

    UnreadableUpload(Messages messages) {
        this.messages = messages;
    }

    @ServerExceptionMapper
    RestResponse<Problem> unreadable(IOException e, HttpHeaders headers, UriInfo uri) {
        LOG.infof("Unreadable form body on %s: %s", uri.getPath(), e.getMessage());
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        Problem problem = new Problem(Problem.TYPE_PREFIX + "malformed-form", messages.get(locale, "problem.malformed-form.title"),
                400, messages.get(locale, "problem.malformed-form.detail"), uri.getPath(), "malformed-form",
                RequestIds.current(), List.of(new FieldError("body", messages.get(locale, "field.unreadable"))));
        return RestResponse.ResponseBuilder.create(RestResponse.Status.BAD_REQUEST, problem).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag()).build();
    }
}
