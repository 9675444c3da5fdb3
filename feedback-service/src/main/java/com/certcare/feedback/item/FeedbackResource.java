package com.certcare.feedback.item;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import com.certcare.feedback.Roles;
import com.certcare.feedback.access.Callers;
import com.certcare.platform.web.ListPage;

import io.smallrye.mutiny.Uni;

@Path("/api/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feedback", description = "Customer requirements, feedback, complaints and appeals (4.4, 4.8, 4.10.3) and their three-class triage (4.5)")
public class FeedbackResource {

    static final String EXAMPLE = """
            {
              "customerId": 1024,
              "kind": "AUDIT_REQUEST",
              "channel": "PHONE",
              "receivedAt": "2026-03-16T09:30:00+08:00",
              "words": "希望将监督审核安排在四月第二周，避开我公司的年度盘点。"
            }""";

    private final FeedbackService items;
    private final Callers callers;

    FeedbackResource(FeedbackService items, Callers callers) {
        this.items = items;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DEPARTMENT, Roles.MARKET, Roles.AUDITOR })
    @Operation(operationId = "createFeedback", summary = "Post a customer requirement, feedback, complaint or appeal (as the caller's department)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FeedbackInput.class),
            examples = @ExampleObject(name = "audit-request", summary = "A customer's request about its surveillance audit, by phone", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Received (Location names it); complaints and appeals are acknowledged at once",
            content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "200", description = "Posted before with this Idempotency-Key: the first item (header Idempotent-Replayed: true)",
            headers = @Header(name = "Idempotent-Replayed", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named with its reason (problem+json)")
    @APIResponse(responseCode = "403", description = "No department known for the caller (no-department)")
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used before with another body (idempotency-key-reused)")
    public RestResponse<FeedbackView> create(@NotNull FeedbackInput body,
            @Parameter(in = ParameterIn.HEADER, description = "Makes a retried post return the first item, never a second (per caller; at most 200 characters)")
            @RestHeader("Idempotency-Key") String idempotencyKey) {
        FeedbackService.Posted posted = items.post(body, idempotencyKey, callers.current());
        if (posted.replayed()) {
            return RestResponse.ResponseBuilder.ok(posted.item()).header("Idempotent-Replayed", "true").build();
        }
        return RestResponse.ResponseBuilder.<FeedbackView> created(URI.create("/api/feedback/" + posted.item().id()))
                .entity(posted.item()).build();
    }

    @GET
    @RolesAllowed({ Roles.DEPARTMENT, Roles.MARKET, Roles.LEADER, Roles.ADMIN })
    @Operation(operationId = "listFeedback", summary = "The items the caller may see (a department: its own), filtered, sorted and paged")
    @APIResponse(responseCode = "200", description = "One page of items")
    @APIResponse(responseCode = "400", description = "A filter, sort key or paging value is invalid (problem+json)")
    @APIResponse(responseCode = "503", description = "Too many heavy reads at once (database-busy), or a query stopped at its time limit (query-timeout); nothing written, try again after Retry-After (problem+json)")
    public Uni<ListPage<FeedbackView>> list(@RestQuery("status") FeedbackStatus status, @RestQuery("kind") FeedbackKind kind,
            @RestQuery("class") FeedbackClass feedbackClass,
            @Parameter(description = "Posted by or assigned to this department") @RestQuery("department") String department,
            @Parameter(description = "true: open and past a due time; false: not") @RestQuery("overdue") Boolean overdue,
            @Parameter(description = "true: waiting for the leader — ESCALATED (class c), or open and escalated for a missed due time; false: neither")
            @RestQuery("escalated") Boolean escalated,
            @Parameter(description = "Part of the reference, the customer's name or words") @RestQuery("q") String q,
            @Parameter(description = "Items carrying this topic, as GET /api/feedback/topics lists it (a common issue's items)")
            @RestQuery("topic") String topic,
            @Parameter(description = "id, reference, receivedAt, status, kind, resolutionDueAt, updatedAt; `receivedAt,desc`; repeatable")
            @RestQuery("sort") List<String> sort, @RestQuery("page") Integer page, @RestQuery("size") Integer size) {
        return items.list(callers.current(), status, kind, feedbackClass, department, overdue, escalated, q, topic, sort,
                page, size);
    }

    @GET
    @Path("/counts")
    @RolesAllowed({ Roles.DEPARTMENT, Roles.MARKET, Roles.LEADER, Roles.ADMIN })
    @Operation(operationId = "countFeedback", summary = "New, escalated, overdue and overdue-escalated items the caller may see (the menu badge)")
    @APIResponse(responseCode = "200", description = "The counts")
    public FeedbackCounts counts() {
        return items.counts(callers.current());
    }

    @GET
    @Path("/{id:\\d+}")
    @RolesAllowed({ Roles.DEPARTMENT, Roles.MARKET, Roles.LEADER, Roles.ADMIN })
    @Operation(operationId = "getFeedback", summary = "An item")
    @APIResponse(responseCode = "200", description = "The item")
    @APIResponse(responseCode = "404", description = "No such item, or not the caller's department's (problem+json)")
    public FeedbackView get(@RestPath long id) {
        return items.detail(id, callers.current());
    }

    @POST
    @Path("/{id:\\d+}/triage")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "triageFeedback", summary = "Class a RECEIVED item (4.5): a explain and decline, b assign to a department, c escalate to the leader")
    @APIResponse(responseCode = "200", description = "a: TRIAGED; b: IN_HANDLING; c: ESCALATED")
    @APIResponse(responseCode = "400", description = "No version or class; b without a department (problem+json)")
    @APIResponse(responseCode = "404", description = "No such item (problem+json)")
    @APIResponse(responseCode = "409", description = "Not RECEIVED (forbidden-transition) or stale (problem+json)")
    public FeedbackView triage(@RestPath long id, @NotNull TriageInput body) {
        return items.triage(id, body, callers.current());
    }

    @POST
    @Path("/{id:\\d+}/decide")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LEADER)
    @Operation(operationId = "decideFeedback", summary = "The leader's decision on an ESCALATED (class c) item; then handled by the department named")
    @APIResponse(responseCode = "200", description = "IN_HANDLING at the department")
    @APIResponse(responseCode = "400", description = "No version, decision or department (problem+json)")
    @APIResponse(responseCode = "404", description = "No such item (problem+json)")
    @APIResponse(responseCode = "409", description = "Not ESCALATED (forbidden-transition), stale, or a complaint the leader recorded (decider-not-independent)")
    public FeedbackView decide(@RestPath long id, @NotNull DecideInput body) {
        return items.decide(id, body, callers.current());
    }

    @POST
    @Path("/{id:\\d+}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DEPARTMENT, Roles.MARKET })
    @Operation(operationId = "resolveFeedback", summary = "Record how the assigned department resolved an item IN_HANDLING")
    @APIResponse(responseCode = "200", description = "RESOLVED")
    @APIResponse(responseCode = "400", description = "No version or resolution (problem+json)")
    @APIResponse(responseCode = "403", description = "The caller's department can see the item but it is assigned to another (not-assigned-department)")
    @APIResponse(responseCode = "404", description = "No such item, or not the caller's department's (problem+json)")
    @APIResponse(responseCode = "409", description = "Not IN_HANDLING (forbidden-transition) or stale (problem+json)")
    public FeedbackView resolve(@RestPath long id, @NotNull ResolveInput body) {
        return items.resolve(id, body, callers.current());
    }

    @POST
    @Path("/{id:\\d+}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "closeFeedback", summary = "Close a RESOLVED item, or a class a item once its explanation is recorded")
    @APIResponse(responseCode = "200", description = "CLOSED")
    @APIResponse(responseCode = "400", description = "No version; a class a item without explanation (problem+json)")
    @APIResponse(responseCode = "404", description = "No such item (problem+json)")
    @APIResponse(responseCode = "409", description = "Not closable now (forbidden-transition), stale, a complaint closed by who recorded or handled it (decider-not-independent), or a complaint or appeal whose outcome was not notified (outcome-not-notified)")
    public FeedbackView close(@RestPath long id, @NotNull CloseInput body) {
        return items.close(id, body, callers.current());
    }

    @POST
    @Path("/{id:\\d+}/serious")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "markFeedbackSerious", summary = "Mark an item (any kind) a serious dissatisfaction or complaint event (重大不满意或投诉事件), once; emits SeriousComplaintRecorded")
    @APIResponse(responseCode = "200", description = "Marked (serious: who, when, why)")
    @APIResponse(responseCode = "400", description = "No version or reason (problem+json)")
    @APIResponse(responseCode = "404", description = "No such item (problem+json)")
    @APIResponse(responseCode = "409", description = "Marked before, by hand or automatically (already-serious), or stale (problem+json)")
    public FeedbackView markSerious(@RestPath long id, @NotNull SeriousInput body) {
        return items.markSerious(id, body, callers.current());
    }

    @POST
    @Path("/{id:\\d+}/notify-outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKET)
    @Operation(operationId = "notifyFeedbackOutcome", summary = "Record the formal notification of the outcome to the complainant (17021-1 9.8); a complaint or appeal closes only with it")
    @APIResponse(responseCode = "200", description = "Recorded (outcome)")
    @APIResponse(responseCode = "400", description = "No version, channel, day or summary; a day in the future or before the receipt (problem+json)")
    @APIResponse(responseCode = "404", description = "No such item (problem+json)")
    @APIResponse(responseCode = "409", description = "Not resolved or explained yet (outcome-not-due), recorded before (outcome-already-notified), or stale (problem+json)")
    public FeedbackView notifyOutcome(@RestPath long id, @NotNull OutcomeInput body) {
        return items.notifyOutcome(id, body, callers.current());
    }
}
