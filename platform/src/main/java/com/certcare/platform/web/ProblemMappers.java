package com.certcare.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.certcare.platform.persistence.DatabaseFailures;
import com.certcare.platform.problem.FieldError;
import com.certcare.platform.problem.Messages;
import com.certcare.platform.problem.Problem;
import com.certcare.platform.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Turns every failure into {@code application/problem+json} in the caller's language. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** What a 503 database-busy asks the caller to wait, wherever it is answered. */
    public static final java.time.Duration DATABASE_BUSY_RETRY_AFTER = java.time.Duration.ofSeconds(2);

    /** nginx's status for a request whose caller closed the connection before the answer: not a fault. */
    static final int CALLER_GONE = 499;

    /**
     * The name every resource gives its request-body parameter, annotated {@code @NotNull}: an empty body or
     * {@code null} is then a 400 naming the field "body", not a NullPointerException (500) further in.
     */
    public static final String BODY = "body";

    private final Messages messages;

    ProblemMappers(Messages messages) {
        this.messages = messages;
    }

    @ServerExceptionMapper
    RestResponse<Problem> domain(ProblemException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        List<FieldError> errors = e.violations().isEmpty() ? null
                : e.violations().stream()
                        .map(v -> new FieldError(v.field(), messages.get(locale, "field." + v.messageKey(), v.args())))
                        .toList();
        RestResponse<Problem> response = build(locale, uri, e.status(), e.code(), errors, e.args());
        if (e.retryAfter() != null) {
            response.getHeaders().putSingle("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        }
        return response;
    }

    @ServerExceptionMapper
    RestResponse<Problem> validation(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String field = fieldOf(violation.getPropertyPath());
            if (BODY.equals(field) && violation.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.NotNull) {
                // an empty body, or the JSON literal null, for a parameter named "body" (see REQUIRED_BODY)
                errors.add(new FieldError(BODY, messages.get(locale, "field.body-required")));
                continue;
            }
            errors.add(new FieldError(field, violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return build(locale, uri, 400, "validation", errors);
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    RestResponse<Problem> stale(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        return build(Messages.pick(headers.getAcceptableLanguages()), uri, 409, "stale", null);
    }

    /**
     * Two writers met on the same rows: a deadlock the database broke, a lock not granted within the lock
     * timeout, or a serialisation failure. Nothing was written; trying again shortly is safe.
     */
    @ServerExceptionMapper({ org.hibernate.exception.LockAcquisitionException.class,
            jakarta.persistence.PessimisticLockException.class, jakarta.persistence.LockTimeoutException.class,
            org.hibernate.PessimisticLockException.class })
    RestResponse<Problem> busy(Throwable e, HttpHeaders headers, UriInfo uri) {
        LOG.infof("Write conflict on %s: %s", uri.getPath(), e.getMessage());
        RestResponse<Problem> response = build(Messages.pick(headers.getAcceptableLanguages()), uri, 409, "write-conflict",
                null);
        response.getHeaders().putSingle("Retry-After", "1");
        return response;
    }

    /**
     * Overload, not a fault: no database connection came free in time (every one busy with other requests) or
     * PostgreSQL refused one. Nothing was written; 503 with Retry-After, as the gateway answers when a service is
     * overloaded, instead of a 500 that reads as a bug.
     */
    RestResponse<Problem> databaseBusy(Throwable e, HttpHeaders headers, UriInfo uri) {
        LOG.infof("Database busy on %s: %s", uri.getPath(), e.getMessage());
        RestResponse<Problem> response = build(Messages.pick(headers.getAcceptableLanguages()), uri, 503,
                "database-busy", null);
        response.getHeaders().putSingle("Retry-After", Long.toString(DATABASE_BUSY_RETRY_AFTER.toSeconds()));
        return response;
    }

    @ServerExceptionMapper
    RestResponse<Problem> malformed(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.pick(headers.getAcceptableLanguages());
        List<FieldError> errors = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            errors = List.of(new FieldError(pathOf(mapping.getPath()), messages.get(locale, "field.unreadable")));
        }
        return build(locale, uri, 400, "malformed", errors);
    }

    /** Replaces Quarkus' own mapper for this type, which answers plain JSON. */
    @ServerExceptionMapper
    RestResponse<Problem> mismatched(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return malformed(e, headers, uri);
    }

    @ServerExceptionMapper
    RestResponse<Problem> forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return build(Messages.pick(headers.getAcceptableLanguages()), uri, 403, "forbidden", null);
    }

    @ServerExceptionMapper
    RestResponse<Problem> unauthorized(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        return build(Messages.pick(headers.getAcceptableLanguages()), uri, 401, "unauthorized", null);
    }

    @ServerExceptionMapper
    RestResponse<Problem> web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        if (e.getCause() instanceof ProblemException problem) { // e.g. an unknown enum value (EnumParams)
            return domain(problem, headers, uri);
        }
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return malformed(unreadable, headers, uri);
        }
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 404 -> "no-such-path";
            case 405 -> "method-not-allowed";
            case 406, 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal" : "bad-request";
        };
        return build(Messages.pick(headers.getAcceptableLanguages()), uri, status, code, null);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    RestResponse<Problem> unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        // a write that meets another at commit arrives wrapped (RollbackException, ArcUndeclaredThrowableException)
        for (Throwable cause : DatabaseFailures.causes(e)) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return stale((RuntimeException) cause, headers, uri);
            }
            if (DatabaseFailures.isLockConflict(cause)) {
                return busy(cause, headers, uri);
            }
            if (DatabaseFailures.isBusy(cause)) {
                return databaseBusy(cause, headers, uri);
            }
            if (cause instanceof io.vertx.core.http.HttpClosedException) {
                // the caller went away before the answer was written (a closed tab, a load generator stopping): its
                // work is done or rolled back as for any request, there is no one to answer and nothing failed here
                // answered 499 (as nginx logs it), so the access log and the metrics do not count it as a 500
                LOG.debugf("Caller of %s closed the connection before the answer", uri.getPath());
                return RestResponse.ResponseBuilder.<Problem> create(CALLER_GONE).build();
            }
        }
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return build(Messages.pick(headers.getAcceptableLanguages()), uri, 500, "internal", null);
    }

    private RestResponse<Problem> build(Locale locale, UriInfo uri, int status, String code, List<FieldError> errors,
            Object... args) {
        Problem problem = new Problem(Problem.TYPE_PREFIX + code, messages.get(locale, "problem." + code + ".title"),
                status, messages.get(locale, "problem." + code + ".detail", args), uri.getPath(), code,
                RequestIds.current(), errors);
        return RestResponse.ResponseBuilder.create(Response.Status.fromStatusCode(status) == null
                ? RestResponse.Status.INTERNAL_SERVER_ERROR
                : RestResponse.Status.fromStatusCode(status), problem)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .build();
    }

    /** {@code create.body.contacts[0].phone} → {@code contacts[0].phone}; a query parameter keeps its name. */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.isInIterable()) {
                // Hibernate Validator puts the index on the element's node: contacts, [0]phone
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? String.valueOf(parameter) : field.toString();
    }

    private static String pathOf(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
