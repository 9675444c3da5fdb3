package com.certcare.application.applying;

import java.math.BigDecimal;

/** A {@link ReviewInput} that {@link ApplicationRules} found valid; only ApplicationRules makes one. */
public final class CheckedReview {

    final ReviewInput input;
    final String impartialityNote;
    final BigDecimal auditDays;
    final String notes;

    CheckedReview(ReviewInput input, String impartialityNote, BigDecimal auditDays, String notes) {
        this.input = input;
        this.impartialityNote = impartialityNote;
        this.auditDays = auditDays;
        this.notes = notes;
    }
}
