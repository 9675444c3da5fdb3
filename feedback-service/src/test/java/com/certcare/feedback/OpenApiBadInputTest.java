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
        OpenApiBadInputWalk.Result result = OpenApiBadInputWalk.of()
                .only("/api/")
                .bearer(() -> token)
                .pathParam("id", item)
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
