package com.certcare.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem details, the body of every 4xx/5xx answer.
 *
 * @param type      {@code urn:certcare:problem:<code>}
 * @param title     short localized summary of the problem type
 * @param status    the HTTP status
 * @param detail    localized explanation of this occurrence
 * @param instance  the request path
 * @param code      stable machine-readable code, e.g. {@code validation}
 * @param requestId the request id to quote to support
 * @param errors    per-field reasons for validation problems
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
        String requestId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:certcare:problem:";
}
