package com.certcare.feedback.topic;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An item's topics (sorted) and the item's version after the change. */
@Schema(name = "FeedbackItemTopics")
public record ItemTopics(@Schema(required = true) long itemId, @Schema(required = true) String reference,
        @Schema(required = true) List<String> topics,
        @Schema(required = true, description = "The item's version (setting topics changes the item)") int version) {
}
