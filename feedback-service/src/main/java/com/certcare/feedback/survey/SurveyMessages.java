package com.certcare.feedback.survey;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * This service's reading of survey-service's {@code SurveyLowScore} (the platform's contracts/SurveyLowScore.json,
 * schemaVersion 1): only the fields it uses; anything else is ignored.
 */
final class SurveyMessages {

    private SurveyMessages() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LowScore(String surveyResponseId, String dispatchId, Long customerId, String customerName, String quarter,
            BigDecimal score, BigDecimal threshold, List<LowItem> lowItems, String answeredAt, String comment) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LowItem(String questionCode, String questionText, BigDecimal score) {
    }
}
