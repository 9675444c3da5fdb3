package com.certcare.feedback.item;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Marks an item a serious dissatisfaction or complaint event (重大不满意或投诉事件), with why. */
public record SeriousInput(
        @Schema(required = true, maxLength = 5000, description = "Why it is a serious dissatisfaction or complaint event") String reason,
        @Schema(required = true, description = "The version you read") Integer version) {
}
