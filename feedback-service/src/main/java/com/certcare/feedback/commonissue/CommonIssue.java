package com.certcare.feedback.commonissue;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A topic recurring across distinct clients (4.6 共性问题), with how its latest forwarding stands.
 *
 * @param tracking NOT_FORWARDED, OPEN (a recipient has not answered) or ANSWERED (every recipient has)
 */
@Schema(name = "CommonIssue")
public record CommonIssue(@Schema(required = true) String topic,
        @Schema(required = true, description = "Distinct customers (prospects by name) with an item on this topic in the window") long clients,
        @Schema(required = true) long items,
        @Schema(required = true) Instant firstSeen,
        @Schema(required = true) Instant lastSeen,
        @Schema(required = true) Tracking tracking,
        @Schema(description = "The latest forwarding of this topic") Long forwardingId,
        Instant forwardedAt,
        @Schema(required = true, description = "The latest forwarding is open and past its due time") boolean overdue) {

    public enum Tracking {
        NOT_FORWARDED, OPEN, ANSWERED
    }
}
