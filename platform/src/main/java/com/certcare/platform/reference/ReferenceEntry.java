package com.certcare.platform.reference;

/** One row of a reference list: its code, Chinese and English names, and an optional detail (a standard). */
public record ReferenceEntry(String code, String nameZh, String nameEn, String detail) {

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
