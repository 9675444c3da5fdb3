package com.certcare.customer.grading;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The grading rules (分等分级, procedure 4.2.3), documented in application.properties and the README:
 * <ol>
 * <li>each counted on-site feedback scores {@code 20 × (weighted mean of its four criteria, 1–5)} (20–100), less
 * {@code major-nonconformity} per major and {@code minor-nonconformity} per minor nonconformity;</li>
 * <li>the feedback that counts: the latest {@code feedback-count} audits held within {@code feedback-within-months}
 * (1 = the latest alone), their scores averaged; none → no grade;</li>
 * <li>less {@code serious-complaint} per serious complaint recorded within {@code complaint-months}, less
 * {@code overdue-surveillance} per live certification with an overdue surveillance;</li>
 * <li>the result, kept within 0–100 and rounded to one decimal, is A from {@code threshold-a}, B from
 * {@code threshold-b}, C from {@code threshold-c}, else D.</li>
 * </ol>
 */
@ConfigMapping(prefix = "certcare.grading")
public interface GradingConfig {

    Weight weight();

    Deduction deduction();

    Threshold threshold();

    Label label();

    /** How many of the latest on-site feedbacks count (their scores are averaged); 1: the latest alone. */
    @WithDefault("1")
    int feedbackCount();

    /** Only on-site feedback of audits held within this many months counts. */
    @WithDefault("36")
    int feedbackWithinMonths();

    /** Serious complaints recorded within this many months count. */
    @WithDefault("12")
    int complaintMonths();

    interface Weight {
        @WithDefault("0.25")
        BigDecimal managementCommitment();

        @WithDefault("0.25")
        BigDecimal documentation();

        @WithDefault("0.30")
        BigDecimal implementation();

        @WithDefault("0.20")
        BigDecimal correctiveAction();
    }

    interface Deduction {
        @WithDefault("10")
        BigDecimal majorNonconformity();

        @WithDefault("2")
        BigDecimal minorNonconformity();

        @WithDefault("10")
        BigDecimal seriousComplaint();

        @WithDefault("10")
        BigDecimal overdueSurveillance();
    }

    interface Threshold {
        @WithDefault("85")
        BigDecimal a();

        @WithDefault("70")
        BigDecimal b();

        @WithDefault("55")
        BigDecimal c();
    }

    /** How the screens and exports name each grade. */
    interface Label {
        @WithDefault("A")
        String a();

        @WithDefault("B")
        String b();

        @WithDefault("C")
        String c();

        @WithDefault("D")
        String d();
    }
}
