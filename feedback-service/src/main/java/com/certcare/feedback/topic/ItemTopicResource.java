package com.certcare.feedback.topic;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.certcare.feedback.Roles;
import com.certcare.feedback.access.Callers;

@Path("/api/feedback/{id:\\d+}/topics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feedback-topics")
public class ItemTopicResource {

    private final TopicService topics;
    private final Callers callers;

    ItemTopicResource(TopicService topics, Callers callers) {
        this.topics = topics;
        this.callers = callers;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "setFeedbackTopics", summary = "Set an item's topics (all of them; an empty list removes them)")
    @APIResponse(responseCode = "200", description = "The item's topics, normalised and sorted, and its new version")
    @APIResponse(responseCode = "400", description = "No body or topics; a topic blank, too long (40) or with control characters, named topics[i]; more than 10 (problem+json)")
    @APIResponse(responseCode = "404", description = "No such item (problem+json)")
    @APIResponse(responseCode = "409", description = "The version sent is stale (problem+json)")
    public ItemTopics set(@RestPath("id") long id, @NotNull TopicsInput body) {
        return topics.set(id, body, callers.current());
    }

    @GET
    @RolesAllowed({ Roles.DEPARTMENT, Roles.MARKET, Roles.LEADER, Roles.ADMIN })
    @Operation(operationId = "getFeedbackTopics", summary = "An item's topics")
    @APIResponse(responseCode = "200", description = "The item's topics")
    @APIResponse(responseCode = "404", description = "No such item, or not the caller's department's (problem+json)")
    public ItemTopics get(@RestPath("id") long id) {
        return topics.get(id, callers.current());
    }
}
