package com.certcare.feedback.commonissue;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A forwarding and its recipients' answers. Whoever sees a forwarding sees all of it: recipients asked together read
 * each other's answers (one thread, as in its history).
 */
@Schema(name = "CommonIssueForwarding")
public record ForwardingView(@Schema(required = true) long id, @Schema(required = true) String topic, String note,
        @Schema(required = true, description = "Distinct clients when forwarded") int clients,
        @Schema(required = true) int items,
        @Schema(required = true) String forwardedBy, @Schema(required = true) Instant forwardedAt,
        @Schema(required = true, description = "Answers due (working days after forwarding)") Instant dueAt,
        @Schema(required = true) State state,
        @Schema(description = "When the last recipient answered") Instant answeredAt,
        @Schema(required = true, description = "OPEN and past its due time") boolean overdue,
        @Schema(required = true) List<RecipientView> recipients,
        @Schema(required = true) int version) {

    public enum State {
        OPEN, ANSWERED
    }

    @Schema(name = "CommonIssueRecipient")
    public record RecipientView(@Schema(required = true) String department, @Schema(required = true) boolean answered,
            String answer, String answeredBy, Instant answeredAt) {
    }

    static ForwardingView of(Forwarding f, Instant now) {
        List<RecipientView> recipients = f.recipients.stream()
                .map(r -> new RecipientView(r.department, r.answeredAt != null, r.answer, r.answeredBy, r.answeredAt))
                .toList();
        return new ForwardingView(f.id, f.topic, f.note, f.clients, f.items, f.forwardedBy, f.forwardedAt, f.dueAt,
                f.open() ? State.OPEN : State.ANSWERED, f.answeredAt, f.overdue(now), recipients, f.version);
    }
}
