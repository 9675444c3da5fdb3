package com.certcare.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void whatIsOnlyBlankIsNoValueTheRestIsStripped() {
        assertNull(Text.blankToNull(null));
        assertNull(Text.blankToNull(""));
        assertNull(Text.blankToNull(" \t\n\u3000")); // the ideographic space a Chinese input method types
        assertEquals("星澜科技", Text.blankToNull("  星澜科技\u3000"));
    }

    @Test
    void whatTheUserTypesIsLiteralInALikePattern() {
        assertEquals("%100\\%\\_a\\\\b星澜%", Text.containsPattern("  100%_A\\b星澜 "));
    }
}
