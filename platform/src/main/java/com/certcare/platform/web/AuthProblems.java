package com.certcare.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.certcare.platform.problem.Messages;
import com.certcare.platform.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * 401 and 403 decided by the HTTP security layer, before any resource runs (a missing, forged or expired
 * token; a path policy), carry a problem+json body in the caller's language like every other error —
 * Quarkus's own answer is an empty body. Those raised inside a resource go through {@code ProblemMappers}.
 */
@ApplicationScoped
public class AuthProblems {

    private final Messages messages;
    private final ObjectMapper mapper;

    AuthProblems(Messages messages, ObjectMapper mapper) {
        this.messages = messages;
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().failureHandler(ctx -> {
            switch (com.certcare.platform.security.AuthFailures.status(ctx.failure())) {
                case 401 -> {
                    ctx.response().putHeader("WWW-Authenticate", "Bearer");
                    send(ctx, 401, "unauthorized");
                }
                case 403 -> send(ctx, 403, "forbidden");
                default -> ctx.next();
            }
        });
    }

    private void send(RoutingContext ctx, int status, String code) {
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        List<Locale> acceptable = ctx.acceptableLanguages().stream()
                .map(l -> Locale.forLanguageTag(l.tag() + (l.subtag() == null ? "" : "-" + l.subtag()))).toList();
        Locale locale = Messages.pick(acceptable);
        String id = ctx.request().getHeader(RequestIds.HEADER);
        if (!RequestIds.acceptable(id)) {
            id = UUID.randomUUID().toString();
        }
        Problem problem = new Problem(Problem.TYPE_PREFIX + code, messages.get(locale, "problem." + code + ".title"),
                status, messages.get(locale, "problem." + code + ".detail"), ctx.request().path(), code, id, null);
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + ",\"code\":\"" + code + "\"}";
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Content-Language", locale.toLanguageTag()).putHeader(RequestIds.HEADER, id).end(body);
    }
}
