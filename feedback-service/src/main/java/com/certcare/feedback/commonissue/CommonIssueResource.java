package com.certcare.feedback.commonissue;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import com.certcare.feedback.Roles;
import com.certcare.feedback.access.Callers;
import com.certcare.platform.history.ChangeHistory;
import com.certcare.platform.history.ChangeRecord;
import com.certcare.platform.web.ListPage;

@Path("/api/feedback/common-issues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feedback-common-issues", description = "Topics recurring across clients (共性问题, 4.6), forwarded to departments or the management representative and tracked until answered")
public class CommonIssueResource {

    /** One changed field of a forwarding (its creation, each answer). */
    @Schema(name = "CommonIssueForwardingHistoryEntry")
    public record Entry(@Schema(required = true) String field, String oldValue, String newValue, String reason,
            @Schema(required = true) String changedBy, @Schema(required = true) java.time.Instant changedAt) {
    }

    private final CommonIssueService issues;
    private final ChangeHistory history;
    private final Callers callers;

    CommonIssueResource(CommonIssueService issues, ChangeHistory history, Callers callers) {
        this.issues = issues;
        this.history = history;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({ Roles.MARKET, Roles.LEADER })
    @Operation(operationId = "listCommonIssues", summary = "Topics on items of at least min-clients distinct clients in the window (default 3 clients, 12 months), with the latest forwarding's state")
    @APIResponse(responseCode = "200", description = "The common issues, most clients first (at most 200)")
    public CommonIssueList list() {
        return issues.list();
    }

    @POST
    @Path("/forwardings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "forwardCommonIssue", summary = "Forward a common issue to departments and/or the management representative in one action")
    @APIResponse(responseCode = "201", description = "Forwarded (Location names it); CommonIssueForwarded published",
            content = @Content(schema = @Schema(implementation = ForwardingView.class)))
    @APIResponse(responseCode = "400", description = "No body, topic or recipients; a bad or repeated recipient code (recipients[i]); a topic that is not a common issue now (problem+json)")
    public RestResponse<ForwardingView> forward(@NotNull ForwardInput body) {
        ForwardingView f = issues.forward(body, callers.current());
        return RestResponse.ResponseBuilder.<ForwardingView> created(
                URI.create("/api/feedback/common-issues/forwardings/" + f.id())).entity(f).build();
    }

    @GET
    @Path("/forwardings")
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.DEPARTMENT })
    @Operation(operationId = "listCommonIssueForwardings", summary = "Forwardings the caller may see (a department: those addressed to it), newest first")
    @APIResponse(responseCode = "200", description = "One page of forwardings")
    @APIResponse(responseCode = "400", description = "A bad state, overdue, topic or paging value (problem+json)")
    public ListPage<ForwardingView> forwardings(@RestQuery("state") ForwardingView.State state,
            @Parameter(description = "true: open and past its due time; false: not") @RestQuery("overdue") Boolean overdue,
            @Parameter(description = "The topic (exact, normalised)") @RestQuery("topic") String topic,
            @RestQuery("page") Integer page, @RestQuery("size") Integer size) {
        return issues.list(callers.current(), state, overdue, topic, page, size);
    }

    @GET
    @Path("/forwardings/{id:\\d+}")
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.DEPARTMENT })
    @Operation(operationId = "getCommonIssueForwarding", summary = "A forwarding and its recipients' answers")
    @APIResponse(responseCode = "200", description = "The forwarding")
    @APIResponse(responseCode = "404", description = "No such forwarding, or not addressed to the caller's department (problem+json)")
    public ForwardingView get(@RestPath long id) {
        return issues.get(id, callers.current());
    }

    @POST
    @Path("/forwardings/{id:\\d+}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DEPARTMENT, Roles.LEADER, Roles.MARKET })
    @Operation(operationId = "answerCommonIssueForwarding", summary = "A recipient's answer (a department for itself, the leader for the management representative, market on a recipient's behalf)")
    @APIResponse(responseCode = "200", description = "The forwarding; ANSWERED once every recipient has answered")
    @APIResponse(responseCode = "400", description = "No body or answer; market without department, or one that is not a recipient (problem+json)")
    @APIResponse(responseCode = "404", description = "No such forwarding, or not addressed to the caller's department (problem+json)")
    @APIResponse(responseCode = "409", description = "This recipient has answered already (already-answered); a leader on a forwarding not sent to the management representative (not-a-recipient)")
    public ForwardingView answer(@RestPath long id, @NotNull AnswerInput body) {
        return issues.answer(id, body, callers.current());
    }

    @GET
    @Path("/forwardings/{id:\\d+}/history")
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.DEPARTMENT })
    @Operation(operationId = "listCommonIssueForwardingHistory", summary = "The forwarding's changes (created, each answer with who recorded it), newest first")
    @APIResponse(responseCode = "200", description = "One page of changes")
    @APIResponse(responseCode = "404", description = "No such forwarding, or not addressed to the caller's department (problem+json)")
    public ListPage<Entry> history(@RestPath long id, @RestQuery("page") Integer page, @RestQuery("size") Integer size) {
        issues.visible(id, callers.current());
        ListPage<ChangeRecord> changes = history.of(Forwarding.HISTORY, id, page, size);
        return new ListPage<>(changes.items().stream()
                .map(r -> new Entry(r.field, r.oldValue, r.newValue, r.reason, r.changedBy, r.changedAt)).toList(),
                changes.total(), changes.page(), changes.size());
    }
}
