package com.certcare.feedback.item;

import java.time.Instant;

/** A new item after {@link FeedbackRules}: every field valid, the customer found in the read copy. */
record CheckedFeedbackInput(Long customerId, String customerName, String prospectName, FeedbackKind kind,
        FeedbackChannel channel, Instant receivedAt, String words) {
}
