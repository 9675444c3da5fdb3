package com.certcare.platform.inbox;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.certcare.platform.problem.ProblemException;

import io.smallrye.common.annotation.Blocking;

/**
 * {@code /api/admin/{service}/dead-letters}: what this service's consumers gave up on, and a replay of one
 * message. The service name in the path lets the gateway route each service's own list to it.
 */
@Path("/api/admin/{service}/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Blocking
@Tag(name = "dead letters")
public class DeadLetterResource {

    static final int MAX_LIMIT = 200;

    private final DeadLetters deadLetters;
    private final String service;

    DeadLetterResource(DeadLetters deadLetters, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.deadLetters = deadLetters;
        this.service = service;
    }

    public record TopicLetters(String topic, String channel, String sourceTopic, List<DeadLetters.Letter> letters) {
    }

    @GET
    @Operation(summary = "The newest messages of each dead-letter topic of this service, with the reason")
    public List<TopicLetters> list(@PathParam("service") String service, @QueryParam("limit") Integer limit) {
        checkService(service);
        int n = limit == null ? 50 : limit;
        if (n < 1) {
            throw ProblemException.invalid("limit", "field.min", 1);
        }
        if (n > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "field.max", MAX_LIMIT);
        }
        return deadLetters.topics().stream()
                .map(t -> new TopicLetters(t.topic(), t.channel(), t.sourceTopic(), deadLetters.list(t, n)))
                .toList();
    }

    @POST
    @Path("/{topic}/{partition}/{offset}/replay")
    @Operation(summary = "Sends one dead message back to the topic it came from; consumers are idempotent")
    public DeadLetters.Replayed replay(@PathParam("service") String service, @PathParam("topic") String topic,
            @PathParam("partition") int partition, @PathParam("offset") long offset, SecurityContext security) {
        checkService(service);
        DeadLetters.Topic dlq = deadLetters.topic(topic)
                .orElseThrow(() -> ProblemException.notFound("@entity.dead-letter-topic", topic));
        String who = security.getUserPrincipal() == null ? "?" : security.getUserPrincipal().getName();
        return deadLetters.replay(dlq, partition, offset, who)
                .orElseThrow(() -> ProblemException.notFound("@entity.dead-letter", topic + "/" + partition + "/" + offset));
    }

    private void checkService(String name) {
        if (!this.service.equals(name)) {
            throw ProblemException.notFound("@entity.service", name);
        }
    }
}
