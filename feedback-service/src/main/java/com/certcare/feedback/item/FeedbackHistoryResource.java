package com.certcare.feedback.item;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.certcare.feedback.Roles;
import com.certcare.feedback.access.Callers;
import com.certcare.platform.history.ChangeHistory;
import com.certcare.platform.history.ChangeRecord;
import com.certcare.platform.web.ListPage;

@Path("/api/feedback/{id:\\d+}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feedback")
public class FeedbackHistoryResource {

    /** One changed field of the item: the timeline (who, when, what). */
    @Schema(name = "FeedbackHistoryEntry")
    public record Entry(@Schema(required = true) String field, String oldValue, String newValue, String reason,
            @Schema(required = true) String changedBy, @Schema(required = true) Instant changedAt) {
    }

    private final ChangeHistory history;
    private final FeedbackService items;
    private final Callers callers;

    FeedbackHistoryResource(ChangeHistory history, FeedbackService items, Callers callers) {
        this.history = history;
        this.items = items;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({ Roles.DEPARTMENT, Roles.MARKET, Roles.LEADER, Roles.ADMIN })
    @Operation(operationId = "listFeedbackHistory", summary = "The item's changes (receipt, triage, decision, resolution, closing), newest first")
    @APIResponse(responseCode = "200", description = "One page of changes")
    @APIResponse(responseCode = "404", description = "No such item, or not the caller's department's (problem+json)")
    public ListPage<Entry> list(@RestPath("id") long id, @RestQuery("page") Integer page, @RestQuery("size") Integer size) {
        items.visible(id, callers.current());
        ListPage<ChangeRecord> changes = history.of(FeedbackItem.HISTORY, id, page, size);
        return new ListPage<>(changes.items().stream()
                .map(r -> new Entry(r.field, r.oldValue, r.newValue, r.reason, r.changedBy, r.changedAt)).toList(),
                changes.total(), changes.page(), changes.size());
    }
}
