package com.certcare.survey.response;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.certcare.survey.template.QuestionType;

/** What the public survey page shows: the client's name and the questions, in the language asked for. */
@Schema(name = "SurveyForm")
public record SurveyForm(String formNumber, String title, String customerName, Instant expiresAt,
        List<Dimension> dimensions, List<Question> questions) {

    @Schema(name = "SurveyFormDimension")
    public record Dimension(String code, String title) {
    }

    @Schema(name = "SurveyFormOption")
    public record Option(String code, String text) {
    }

    @Schema(name = "SurveyFormQuestion")
    public record Question(String code, QuestionType type, String dimension, boolean required, String text,
            List<Option> options) {
    }

    /** What was recorded. */
    @Schema(name = "SurveyReceipt")
    public record Receipt(long responseId, long dispatchId, String channel, Instant answeredAt,
            @Schema(description = "The satisfaction index of this answer, 0–100") BigDecimal score) {
    }
}
