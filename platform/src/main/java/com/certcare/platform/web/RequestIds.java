package com.certcare.platform.web;

import java.util.UUID;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every request carries an {@code X-Request-Id}: the gateway's, the caller's, or a new one. It is put in
 * the log context ({@code %X{requestId}}), echoed in the response, and quoted in problem bodies.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final int MAX_LENGTH = 64;

    @ServerRequestFilter(preMatching = true)
    void assign(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (!acceptable(id)) {
            id = UUID.randomUUID().toString();
            request.getHeaders().putSingle(HEADER, id);
        }
        MDC.put(MDC_KEY, id);
    }

    @ServerResponseFilter
    void echo(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, request.getHeaderString(HEADER));
        MDC.remove(MDC_KEY);
    }

    /** Whether a caller's id is taken as is: short, and nothing a log line or header could be forged with. */
    public static boolean acceptable(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_LENGTH && id.matches("[A-Za-z0-9._-]+");
    }

    /** The current request's id, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
