package com.certcare.feedback.item;

import java.time.Instant;

/**
 * An item a system opens from an event (see {@link FeedbackService#postBySystem}): the customer as the producing
 * service names it, the kind, the channel, when it was received (now if absent or in the future), the words.
 */
public record SystemPost(Long customerId, String customerName, FeedbackKind kind, FeedbackChannel channel,
        Instant receivedAt, String words) {
}
