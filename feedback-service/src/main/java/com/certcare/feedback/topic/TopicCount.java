package com.certcare.feedback.topic;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A topic in use: on how many items, about how many distinct clients, received first and last. */
@Schema(name = "FeedbackTopicCount")
public record TopicCount(@Schema(required = true) String topic, @Schema(required = true) long items,
        @Schema(required = true, description = "Distinct customers (or prospects, by name)") long clients,
        @Schema(required = true) Instant firstSeen, @Schema(required = true) Instant lastSeen) {
}
