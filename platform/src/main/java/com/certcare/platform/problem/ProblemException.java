package com.certcare.platform.problem;

import java.util.List;

/**
 * A rule violation the caller can understand. Thrown by services and entities; turned into
 * problem+json by {@code web.ProblemMappers}. The text comes from the message bundles:
 * {@code problem.<code>.title} and {@code problem.<code>.detail} (formatted with {@code args}).
 */
public class ProblemException extends RuntimeException {

    /** A field-level reason; {@code messageKey} is looked up as {@code field.<messageKey>}. */
    public record Violation(String field, String messageKey, Object... args) {
    }

    private final int status;
    private final String code;
    private final transient Object[] args;
    private final List<Violation> violations;
    private java.time.Duration retryAfter;

    public ProblemException(int status, String code, List<Violation> violations, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args;
        this.violations = List.copyOf(violations);
    }

    public ProblemException(int status, String code, Object... args) {
        this(status, code, List.of(), args);
    }

    /** 400 for one or more invalid fields. */
    public static ProblemException invalid(List<Violation> violations) {
        return new ProblemException(400, "validation", violations);
    }

    public static ProblemException invalid(String field, String messageKey, Object... args) {
        return invalid(List.of(new Violation(field, messageKey, args)));
    }

    /** 404 for an unknown resource; {@code what} is a message key naming the kind, e.g. {@code @entity.customer}. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", what, id);
    }

    /** 409 for a transition the current state forbids. */
    public static ProblemException forbiddenTransition(Object from, Object to) {
        return new ProblemException(409, "forbidden-transition", from, to);
    }

    /** Asks the caller to try again after {@code delay} (a Retry-After header; for 429 and 503). */
    public ProblemException retryAfter(java.time.Duration delay) {
        this.retryAfter = delay;
        return this;
    }

    /** The delay of {@link #retryAfter(java.time.Duration)}, or null. */
    public java.time.Duration retryAfter() {
        return retryAfter;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }

    public List<Violation> violations() {
        return violations;
    }
}
