package com.certcare.platform.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactFormatsTest {

    @ParameterizedTest
    @ValueSource(strings = { "13800138000", "+8613800138000", "+86 19912345678", "010-12345678", "0571-87654321",
            "(0571)87654321", "02112345678", "0571-87654321-8012",
            "0571-87654321转8012", "400-800-8888", "8008208820", "+86-571-87654321" })
    void acceptsMainlandPhones(String phone) {
        assertTrue(ContactFormats.isPhone(phone), phone);
    }

    @ParameterizedTest
    @ValueSource(strings = { "12800138000", "1380013800", "138001380001", "571-87654321", "0571-123456", "abc", "" })
    void rejectsOtherNumbers(String phone) {
        assertFalse(ContactFormats.isPhone(phone), phone);
    }

    @Test
    void postalCodesHaveSixDigits() {
        assertTrue(ContactFormats.isPostalCode("310012"));
        assertTrue(ContactFormats.isPostalCode("999077"));
        assertFalse(ContactFormats.isPostalCode("31001"));
        assertFalse(ContactFormats.isPostalCode("3100122"));
        assertFalse(ContactFormats.isPostalCode("31001A"));
    }
}
