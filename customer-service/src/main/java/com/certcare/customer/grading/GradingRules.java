package com.certcare.customer.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The grading rule set of {@link GradingConfig}, applied to a customer's inputs: pure, so a test can check it with
 * figures computed by hand.
 */
@ApplicationScoped
public class GradingRules {

    private static final BigDecimal TWENTY = BigDecimal.valueOf(20);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final GradingConfig config;

    GradingRules(GradingConfig config) {
        this.config = config;
    }

    /** An on-site feedback as the rules read it. */
    public record FeedbackFact(long id, LocalDate auditedOn, AuditType auditType, int managementCommitment,
            int documentation, int implementation, int correctiveAction, int major, int minor) {
    }

    /** A serious complaint as the rules read it. */
    public record ComplaintFact(String feedbackItemId, String reference, Instant recordedAt) {
    }

    /** A live certification whose planned surveillance {@code plannedOn} passed without a surveillance audit. */
    public record OverdueFact(long certificationId, String scheme, String certificateNo, LocalDate plannedOn) {
    }

    /**
     * The grade from the customer's on-site feedback (newest first, any age), the serious complaints recorded within
     * the configured months of {@code now} and the overdue surveillances, as of {@code today}.
     */
    public GradeInputs grade(List<FeedbackFact> feedback, List<ComplaintFact> complaints, List<OverdueFact> overdue,
            LocalDate today, Instant complaintsSince) {
        GradingConfig.Deduction d = config.deduction();
        LocalDate feedbackSince = today.minusMonths(config.feedbackWithinMonths());
        List<GradeInputs.Feedback> counted = new ArrayList<>();
        for (FeedbackFact f : feedback) {
            if (counted.size() >= Math.max(1, config.feedbackCount())) {
                break;
            }
            if (f.auditedOn().isBefore(feedbackSince) || f.auditedOn().isAfter(today)) {
                continue;
            }
            BigDecimal criteria = criteriaScore(f);
            BigDecimal deduction = d.majorNonconformity().multiply(BigDecimal.valueOf(f.major()))
                    .add(d.minorNonconformity().multiply(BigDecimal.valueOf(f.minor())));
            counted.add(new GradeInputs.Feedback(f.id(), f.auditedOn(), f.auditType(), criteria, f.major(), f.minor(),
                    scale(deduction), scale(criteria.subtract(deduction))));
        }
        List<GradeInputs.Complaint> countedComplaints = complaints.stream()
                .filter(c -> !c.recordedAt().isBefore(complaintsSince))
                .map(c -> new GradeInputs.Complaint(c.feedbackItemId(), c.reference(), c.recordedAt(), scale(d.seriousComplaint())))
                .toList();
        List<GradeInputs.Overdue> countedOverdue = overdue.stream()
                .map(o -> new GradeInputs.Overdue(o.certificationId(), o.scheme(), o.certificateNo(), o.plannedOn(),
                        scale(d.overdueSurveillance())))
                .toList();
        if (counted.isEmpty()) {
            return new GradeInputs(rules(), counted, null, countedComplaints, countedOverdue, null, null,
                    "no on-site feedback of an audit within " + config.feedbackWithinMonths() + " months", today);
        }
        BigDecimal feedbackScore = counted.stream().map(GradeInputs.Feedback::score).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(counted.size()), 1, RoundingMode.HALF_UP);
        BigDecimal score = feedbackScore;
        for (GradeInputs.Complaint c : countedComplaints) {
            score = score.subtract(c.deduction());
        }
        for (GradeInputs.Overdue o : countedOverdue) {
            score = score.subtract(o.deduction());
        }
        score = scale(score.max(BigDecimal.ZERO).min(HUNDRED));
        return new GradeInputs(rules(), counted, feedbackScore, countedComplaints, countedOverdue, score, grade(score),
                null, today);
    }

    /** 20 × the weighted mean of the four criteria (1–5): 20–100, one decimal. */
    BigDecimal criteriaScore(FeedbackFact f) {
        GradingConfig.Weight w = config.weight();
        BigDecimal weights = w.managementCommitment().add(w.documentation()).add(w.implementation()).add(w.correctiveAction());
        BigDecimal sum = w.managementCommitment().multiply(BigDecimal.valueOf(f.managementCommitment()))
                .add(w.documentation().multiply(BigDecimal.valueOf(f.documentation())))
                .add(w.implementation().multiply(BigDecimal.valueOf(f.implementation())))
                .add(w.correctiveAction().multiply(BigDecimal.valueOf(f.correctiveAction())));
        return sum.multiply(TWENTY).divide(weights, 1, RoundingMode.HALF_UP);
    }

    Grade grade(BigDecimal score) {
        GradingConfig.Threshold t = config.threshold();
        if (score.compareTo(t.a()) >= 0) {
            return Grade.A;
        }
        if (score.compareTo(t.b()) >= 0) {
            return Grade.B;
        }
        return score.compareTo(t.c()) >= 0 ? Grade.C : Grade.D;
    }

    String label(Grade grade) {
        return grade == null ? null : grade.label(config.label());
    }

    int complaintMonths() {
        return config.complaintMonths();
    }

    private GradeInputs.Rules rules() {
        GradingConfig.Weight w = config.weight();
        GradingConfig.Deduction d = config.deduction();
        GradingConfig.Threshold t = config.threshold();
        return new GradeInputs.Rules(w.managementCommitment(), w.documentation(), w.implementation(), w.correctiveAction(),
                d.majorNonconformity(), d.minorNonconformity(), d.seriousComplaint(), d.overdueSurveillance(),
                config.complaintMonths(), config.feedbackCount(), config.feedbackWithinMonths(), t.a(), t.b(), t.c());
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP);
    }
}
