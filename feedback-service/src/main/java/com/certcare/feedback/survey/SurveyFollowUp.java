package com.certcare.feedback.survey;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.certcare.feedback.access.Caller;
import com.certcare.feedback.item.FeedbackChannel;
import com.certcare.feedback.item.FeedbackKind;
import com.certcare.feedback.item.FeedbackService;
import com.certcare.feedback.item.SystemPost;
import com.certcare.platform.inbox.ConsumerRetry;
import com.certcare.platform.inbox.ProcessedEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/**
 * Opens a follow-up item for each {@code SurveyLowScore} on the {@code surveys} topic (survey-service; the contract is
 * the platform's contracts/SurveyLowScore.json): kind OPINION, channel SURVEY_FOLLOW_UP, recorded by the system
 * caller for the market department, the words built from the score, the low items and the client's comment. Other
 * types on the topic are skipped. Idempotent by event id ({@code processed_event}, consumer
 * {@code feedback-service.survey-follow-up}); transient failures retried ({@code ConsumerRetry}); what cannot be read
 * (not JSON, another schemaVersion, a required field missing) goes to {@code surveys.dlq.feedback-service} with the
 * reason.
 */
@ApplicationScoped
public class SurveyFollowUp {

    static final String CONSUMER = "feedback-service.survey-follow-up";
    static final String TYPE = "SurveyLowScore";
    static final int SCHEMA_VERSION = 1;
    private static final Logger LOG = Logger.getLogger(SurveyFollowUp.class);

    private final ObjectMapper mapper;
    private final ProcessedEvents processed;
    private final ConsumerRetry retry;
    private final FeedbackService items;
    private final SurveyFollowUpConfig config;

    SurveyFollowUp(ObjectMapper mapper, ProcessedEvents processed, ConsumerRetry retry, FeedbackService items,
            SurveyFollowUpConfig config) {
        this.mapper = mapper;
        this.processed = processed;
        this.retry = retry;
        this.items = items;
        this.config = config;
    }

    @Incoming("surveys")
    @Blocking
    public void onSurveyEvent(String message) throws Exception {
        JsonNode envelope = mapper.readTree(message);
        if (envelope == null || !envelope.isObject()) {
            throw new IllegalArgumentException("not a JSON object: an event envelope was expected");
        }
        String type = envelope.path("type").asText();
        if (!TYPE.equals(type)) {
            return;
        }
        UUID eventId = UUID.fromString(envelope.path("id").asText());
        if (envelope.path("schemaVersion").asInt(-1) != SCHEMA_VERSION) {
            throw new IllegalArgumentException(type + " " + eventId + " has schemaVersion "
                    + envelope.path("schemaVersion") + "; this consumer reads " + SCHEMA_VERSION);
        }
        SurveyMessages.LowScore low = mapper.treeToValue(envelope.path("data"), SurveyMessages.LowScore.class);
        SystemPost post = followUp(eventId, low);
        Caller system = new Caller(config.recordedBy(), Set.of(), config.department());
        retry.inTransaction(type + " " + eventId, () -> {
            if (!processed.firstDelivery(eventId, CONSUMER)) {
                LOG.debugf("%s %s already followed up", type, eventId);
                return;
            }
            var item = items.postBySystem(post, system);
            LOG.infof("%s %s: follow-up item %s", type, eventId, item.reference());
        });
    }

    /** The item for a low score; an event without what the contract requires is refused (→ dead letters). */
    SystemPost followUp(UUID eventId, SurveyMessages.LowScore low) {
        if (low == null || blank(low.surveyResponseId()) || low.customerId() == null || blank(low.customerName())
                || low.score() == null || low.threshold() == null || blank(low.answeredAt())) {
            throw new IllegalArgumentException(TYPE + " " + eventId
                    + " lacks a required field (surveyResponseId, customerId, customerName, score, threshold, answeredAt)");
        }
        Instant answeredAt;
        try {
            answeredAt = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(low.answeredAt(), Instant::from);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(TYPE + " " + eventId + " has answeredAt " + low.answeredAt()
                    + ", not an ISO date-time with offset");
        }
        return new SystemPost(low.customerId(), low.customerName().strip(), FeedbackKind.OPINION,
                FeedbackChannel.SURVEY_FOLLOW_UP, answeredAt, words(low));
    }

    /** The customer's words as the follow-up item records them (zh-CN, as the survey's questions are). */
    static String words(SurveyMessages.LowScore low) {
        StringBuilder w = new StringBuilder("满意度调查低分跟进");
        if (!blank(low.quarter())) {
            w.append("（").append(low.quarter().strip()).append("）");
        }
        w.append("：综合得分 ").append(number(low.score())).append("，低于跟进阈值 ").append(number(low.threshold()))
                .append("。");
        List<SurveyMessages.LowItem> lowItems = low.lowItems() == null ? List.of() : low.lowItems();
        if (!lowItems.isEmpty()) {
            w.append("\n低分项：");
            for (int i = 0; i < lowItems.size(); i++) {
                SurveyMessages.LowItem item = lowItems.get(i);
                if (item == null) {
                    continue;
                }
                if (i > 0) {
                    w.append("；");
                }
                w.append(blank(item.questionCode()) ? "?" : item.questionCode().strip());
                if (!blank(item.questionText())) {
                    w.append(" ").append(item.questionText().strip());
                }
                w.append(" ").append(item.score() == null ? "—" : number(item.score())).append(" 分");
            }
            w.append("。");
        }
        if (!blank(low.comment())) {
            w.append("\n客户意见：").append(low.comment().strip());
        }
        w.append("\n（调查答卷 ").append(low.surveyResponseId().strip());
        if (!blank(low.dispatchId())) {
            w.append("，邀请 ").append(low.dispatchId().strip());
        }
        w.append("）");
        return w.toString();
    }

    private static String number(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
