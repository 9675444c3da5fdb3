package com.certcare.survey.response;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Events about responses, on topic {@code surveys} keyed by the response id. */
public final class ResponseEvents {

    public static final String TOPIC = "surveys";
    public static final String ANSWERED = "SurveyAnswered";
    public static final String LOW_SCORE = "SurveyLowScore";
    public static final int SCHEMA_VERSION = 1;

    private ResponseEvents() {
    }

    /** A response was recorded (online or entered from phone/fax), with its satisfaction index. */
    public record Answered(String surveyResponseId, String dispatchId, long campaignId, long customerId, String quarter,
            String channel, String templateCode, int templateVersion, BigDecimal score, Instant answeredAt) {
    }

    /** Per the platform's contracts/SurveyLowScore.json. */
    public record LowScore(String surveyResponseId, String dispatchId, long customerId, String customerName,
            String quarter, BigDecimal score, BigDecimal threshold, List<LowItem> lowItems, Instant answeredAt,
            String comment) {
    }

    public record LowItem(String questionCode, String questionText, BigDecimal score) {
    }
}
