package com.certcare.feedback.topic;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import com.certcare.feedback.Roles;
import com.certcare.feedback.access.Callers;
import com.certcare.platform.web.ListPage;

@Path("/api/feedback/topics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feedback-topics", description = "Topics (tags) on items, the material of common issues and the year-end summary (4.6)")
public class TopicResource {

    private final TopicService topics;
    private final Callers callers;

    TopicResource(TopicService topics, Callers callers) {
        this.topics = topics;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.ADMIN })
    @Operation(operationId = "listFeedbackTopics", summary = "Topics in use with their item and client counts, most items first")
    @APIResponse(responseCode = "200", description = "One page of topics")
    @APIResponse(responseCode = "400", description = "A bad q or paging value (problem+json)")
    public ListPage<TopicCount> list(@Parameter(description = "Part of the topic") @RestQuery("q") String q,
            @RestQuery("page") Integer page, @RestQuery("size") Integer size) {
        return topics.counts(q, page, size);
    }
}
