package com.certcare.application.applying;

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

import com.certcare.application.Roles;
import com.certcare.platform.history.ChangeHistory;
import com.certcare.platform.history.ChangeRecord;
import com.certcare.platform.web.ListPage;

@Path("/api/applications/{id:\\d+}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "applications")
public class ApplicationHistoryResource {

    /** One changed field: of the application, or of one of its messages or attachments. */
    public record Entry(@Schema(required = true) String entity, @Schema(required = true) long entityId,
            @Schema(required = true) String field, String oldValue, String newValue, String reason,
            @Schema(required = true) String changedBy, @Schema(required = true) Instant changedAt) {
    }

    private final ChangeHistory history;
    private final ApplicationService applications;

    ApplicationHistoryResource(ChangeHistory history, ApplicationService applications) {
        this.history = history;
        this.applications = applications;
    }

    @GET
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listApplicationHistory", summary = "The application's changes (fields, transitions, messages, attachments), newest first")
    @APIResponse(responseCode = "200", description = "One page of changes")
    @APIResponse(responseCode = "404", description = "No such application (problem+json)")
    public ListPage<Entry> list(@RestPath("id") long id, @RestQuery("page") Integer page, @RestQuery("size") Integer size) {
        applications.get(id);
        ListPage<ChangeRecord> changes = history.of(Application.HISTORY, id, page, size);
        return new ListPage<>(changes.items().stream()
                .map(r -> new Entry(r.entity, r.entityId, r.field, r.oldValue, r.newValue, r.reason, r.changedBy, r.changedAt))
                .toList(), changes.total(), changes.page(), changes.size());
    }
}
