package com.certcare.platform.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxReportTest {

    @Test
    void boldHeadersThenNumbersAsNumbersTextsAsTextsAndNullAsNoCell() throws IOException {
        byte[] bytes;
        try (XlsxReport report = new XlsxReport()) {
            Sheet sheet = report.sheet("概况", "指标", "数值", "备注");
            int r = XlsxReport.row(sheet, 1, "答卷数", 12L, null);
            r = XlsxReport.row(sheet, r, "满意度指数", new BigDecimal("87.25"), "=HYPERLINK(\"http://x\")");
            assertEquals(3, r);
            bytes = report.bytes("test workbook");
        }
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = read.getSheet("概况");
            Row header = sheet.getRow(0);
            assertEquals("数值", header.getCell(1).getStringCellValue());
            assertTrue(read.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold());
            Row first = sheet.getRow(1);
            assertEquals(CellType.NUMERIC, first.getCell(1).getCellType());
            assertEquals(12.0, first.getCell(1).getNumericCellValue());
            assertNull(first.getCell(2));
            Row second = sheet.getRow(2);
            assertEquals(87.25, second.getCell(1).getNumericCellValue());
            // a text that looks like a formula stays a text
            assertEquals(CellType.STRING, second.getCell(2).getCellType());
            assertEquals("=HYPERLINK(\"http://x\")", second.getCell(2).getStringCellValue());
        }
    }
}
