package com.certcare.feedback;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.certcare.feedback.item.Feedback;
import com.certcare.testsupport.OpenApiBadInputWalk;
import com.certcare.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every operation of this service's OpenAPI document, walked with malformed input (see
 * {@link OpenApiBadInputWalk} for the cases and what counts as a fault): no 5xx, no 2xx to what breaks the
 * schema, problem+json naming the field. A signed token carrying every role this service knows; {id} is a real
 * item, RECEIVED, and each step gets a valid body so each case breaks one thing.
 */
@QuarkusTest
class OpenApiBadInputTest {

    @Test
    void noOperationAnswersMalformedInputWithAServerErrorOrAcceptsWhatBreaksTheSchema() {
        String token = Tokens.forUser("walker", "market", "department", "leader", "auditor", "admin");
        long item = Feedback.post(Feedback.MARKET, "OPINION").getLong("id");
        long attachment = com.certcare.feedback.attachment.FeedbackAttachmentTest.upload(Feedback.MARKET, item, "走查.pdf",
                com.certcare.testsupport.SampleFiles.pdf("walk"), "application/pdf").statusCode(201).extract().jsonPath().getLong("id");
        String topic = "走查主题" + java.util.UUID.randomUUID().toString().substring(0, 8);
        for (String client : java.util.List.of("走查甲", "走查乙", "走查丙")) {
            com.certcare.feedback.commonissue.CommonIssuesTest.tagged(client + topic, topic);
        }
        long forwarding = com.certcare.feedback.commonissue.CommonIssuesTest
                .forward(topic, java.util.List.of("technical-committee")).getLong("id");
        OpenApiBadInputWalk.Result result = OpenApiBadInputWalk.of()
                .only("/api/")
                .bearer(() -> token)
                .pathParam("id", item)
                .pathParam("attachmentId", attachment)
                .pathParam("/api/feedback/common-issues/forwardings/{id}", "id", () -> forwarding)
                .validBody("setFeedbackTopics", () -> Map.of("topics", java.util.List.of("走查")))
                .validBody("forwardCommonIssue", () -> Map.of("topic", topic, "recipients", java.util.List.of("audit-scheduling")))
                .validBody("answerCommonIssueForwarding", () -> Map.of("answer", "走查", "department", "technical-committee"))
                .validBody("createFeedback", () -> Feedback.body("OPINION", "走查用的反馈"))
                .validBody("triageFeedback", () -> Map.of("class", "A_UNREASONABLE", "version", Feedback.version(item)))
                .validBody("decideFeedback", () -> Map.of("decision", "走查", "department", "market",
                        "version", Feedback.version(item)))
                .validBody("resolveFeedback", () -> Map.of("resolution", "走查", "version", Feedback.version(item)))
                .validBody("closeFeedback", () -> Map.of("explanation", "走查", "version", Feedback.version(item)))
                .validBody("markFeedbackSerious", () -> Map.of("reason", "走查", "version", Feedback.version(item)))
                .validBody("notifyFeedbackOutcome", () -> Map.of("channel", "LETTER", "notifiedOn",
                        java.time.LocalDate.now(com.certcare.platform.time.ClockProducer.ZONE).toString(), "summary", "走查",
                        "version", Feedback.version(item)))
                .assertNoFaults();
        assertTrue(result.operations() >= 12, "the document lists this service's operations: " + result.operations());
    }
}
