package com.certcare.survey.template;

import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A text in Chinese (required) and English (falls back to the Chinese). */
@Schema(name = "LocalText")
public record LocalText(@Schema(required = true, maxLength = 500) String zh, @Schema(maxLength = 500) String en) {

    public String in(Locale locale) {
        return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : zh;
    }
}
