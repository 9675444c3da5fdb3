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

    @Test
    void aSearchComparesFullWidthAsHalfWidthAndIgnoresCase() {
        assertEquals("7513861", Text.searchKey("７５１３８６１"));
        assertEquals("abc-12 星澜", Text.searchKey("ＡＢＣ－１２\u3000星澜"));
        assertNull(Text.searchKey(null));
    }

    @Test
    void aQueryIsItsWordsAllOfWhichMustMatch() {
        assertEquals(java.util.List.of("星", "澜"), Text.searchWords(" 星 澜 "));
        assertEquals(java.util.List.of("星", "澜"), Text.searchWords("星\u3000澜\u3000星")); // ideographic space, repeated word
        assertEquals(java.util.List.of("zl-qms", "7513861"), Text.searchWords("ZL-QMS\t７５１３８６１"));
        assertEquals(java.util.List.of(), Text.searchWords(" \u3000 "));
        assertEquals("%100\\%\\_%", Text.wordPattern("100%_"));
    }
}
