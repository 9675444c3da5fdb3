package com.certcare.feedback.item;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.certcare.feedback.customer.CustomerCopy;
import com.certcare.platform.problem.Violations;

/** The checks of a new item; every invalid field is named at once. */
@ApplicationScoped
public class FeedbackRules {

    static final int WORDS_MAX = 10000;
    static final int NAME_MAX = 200;
    static final int TEXT_MAX = 5000;
    static final int DEPARTMENT_MAX = 100;

    CheckedFeedbackInput check(FeedbackInput in, Instant now, Violations v) {
        v.check(in.kind() != null, "kind", "required");
        v.check(in.channel() != null, "channel", "required");
        v.text(in.words(), true, WORDS_MAX, "words");
        String customerName = null;
        String prospect = null;
        if (in.customerId() != null) {
            CustomerCopy copy = CustomerCopy.findById(in.customerId());
            if (v.check(copy != null, "customerId", "unknown-customer", String.valueOf(in.customerId()))) {
                customerName = copy.name;
            }
            v.check(in.prospectName() == null || in.prospectName().isBlank(), "prospectName", "customer-or-prospect");
        } else {
            if (v.text(in.prospectName(), in.kind() != FeedbackKind.CLIENT_SYSTEM_CHANGE, NAME_MAX, "prospectName")
                    && in.prospectName() != null) {
                prospect = in.prospectName().strip();
            }
            v.check(in.kind() != FeedbackKind.CLIENT_SYSTEM_CHANGE, "customerId", "required-for-client-system-change");
        }
        v.check(in.receivedAt() == null || !in.receivedAt().isAfter(now), "receivedAt", "in-future");
        return new CheckedFeedbackInput(in.customerId(), customerName, prospect, in.kind(), in.channel(),
                in.receivedAt() == null ? now : in.receivedAt(), in.words() == null ? null : in.words().strip());
    }
}
