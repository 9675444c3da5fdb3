package com.certcare.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = { "91350100M000100Y43", "91350200776049653A", "914403001922038216", "91110000802100433B",
            "91440300708461136T" })
    void acceptsRealCodes(String code) {
        assertEquals(CreditCode.Verdict.VALID, CreditCode.check(code));
    }

    @ParameterizedTest
    @ValueSource(strings = { "91350100M000100Y44", "91350200776049653B", "911100001000143461" })
    void rejectsAWrongCheckCharacter(String code) {
        assertEquals(CreditCode.Verdict.CHECK_DIGIT_MISMATCH, CreditCode.check(code));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "91350100M000100Y4", "91350100M000100Y433", "91350100I000100Y43", "91350100O000100Y43",
            "91350100S000100Y43", "91350100V000100Y43", "91350100Z000100Y43", "91350100m000100y43" })
    void rejectsMalformedCodes(String code) {
        assertEquals(CreditCode.Verdict.MALFORMED, CreditCode.check(code));
    }

    @ParameterizedTest
    @ValueSource(strings = { "91350100M000100Y43", "91350200776049653A" })
    void computesTheCheckCharacterOfRealCodes(String code) {
        assertEquals(code.charAt(17), CreditCode.checkCharacter(code.substring(0, 17)));
    }

    @org.junit.jupiter.api.Test
    void normalizesCaseAndSpaces() {
        assertEquals("91350100M000100Y43", CreditCode.normalize(" 9135 0100m000100y43 "));
    }
}
