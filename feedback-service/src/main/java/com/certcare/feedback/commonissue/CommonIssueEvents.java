package com.certcare.feedback.commonissue;

import java.time.Instant;
import java.util.List;

/** What this package puts on the {@code feedback} topic (schemas/events/CommonIssueForwarded.json). */
public final class CommonIssueEvents {

    public static final String FORWARDED = "CommonIssueForwarded";

    private CommonIssueEvents() {
    }

    /** The record key and envelope subject: {@code forwarding-<id>} (item events use the bare item id). */
    static String key(Forwarding f) {
        return "forwarding-" + f.id;
    }

    /** Neither the note nor any customer: the figures and whom it went to. */
    public record Forwarded(String forwardingId, String topic, List<String> recipients, int clients, int items,
            Instant forwardedAt, Instant dueAt) {
        static Forwarded of(Forwarding f) {
            return new Forwarded(String.valueOf(f.id), f.topic, f.recipients.stream().map(r -> r.department).toList(),
                    f.clients, f.items, f.forwardedAt, f.dueAt);
        }
    }
}
