package com.certcare.application.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** How the PDF templates print money and dates: {@code {fee.money}} → 38,000.00, {@code {date.zh}} → 2026年12月2日. */
@TemplateExtension
public final class PdfFormats {

    private PdfFormats() {
    }

    /** CNY with two decimals and thousands separators. */
    public static String money(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** A calendar date the Chinese way. */
    public static String zh(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
