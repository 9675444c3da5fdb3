package com.certcare.feedback.topic;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An item's topics, all of them (an empty list removes them); {@code version} the item's, optional. */
@Schema(name = "FeedbackTopicsInput")
public record TopicsInput(
        @Schema(required = true, maxItems = Topics.MAX_PER_ITEM, description = "Short labels, each at most 40 characters after NFKC normalisation; duplicates after normalisation count once",
                example = "[\"审核时间安排\", \"证书邮寄\"]") List<String> topics,
        @Schema(description = "The item's version you read; a stale one gets 409 (omit to set the topics whatever the version)") Integer version) {
}
