package com.certcare.application;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.certcare.testsupport.OpenApiBadInputWalk;
import com.certcare.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every operation of this service's OpenAPI document, walked with malformed input (see
 * {@link OpenApiBadInputWalk} for the cases and what counts as a fault): no 5xx, no 2xx to what breaks the
 * schema, problem+json naming the field. A new endpoint is walked as soon as it is in the document, with a
 * signed token carrying every role this service knows; as endpoints with path parameters or bodies arrive, give
 * them real ids ({@code pathParam}) and valid bodies ({@code validBody}) here, so each case breaks one thing.
 */
@QuarkusTest
class OpenApiBadInputTest {

    @Test
    void noOperationAnswersMalformedInputWithAServerErrorOrAcceptsWhatBreaksTheSchema() {
        String token = Tokens.forUser("walker", "market", "leader", "admin");
        OpenApiBadInputWalk.Result result = OpenApiBadInputWalk.of()
                .only("/api/")
                .bearer(() -> token)
                .assertNoFaults();
        assertTrue(result.operations() >= 1, "the document lists this service's operations");
    }
}
