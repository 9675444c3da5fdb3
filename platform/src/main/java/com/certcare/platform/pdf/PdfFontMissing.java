package com.certcare.platform.pdf;

/** The configured font cannot be read: nothing is rendered (a PDF without Chinese glyphs would be unreadable). */
public class PdfFontMissing extends IllegalStateException {

    PdfFontMissing(String message, Throwable cause) {
        super(message, cause);
    }
}
