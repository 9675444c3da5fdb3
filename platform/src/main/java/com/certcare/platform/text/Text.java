package com.certcare.platform.text;

/** How every service reads free text it keeps: what is only blank is no value. */
public final class Text {

    private Text() {
    }

    /**
     * The text without surrounding white space, or null when there is nothing else: a blank form field stores no
     * value (the list's "empty" filters, the history's old → new and the ledger export all see null, not "  ").
     */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * A {@code like … escape '\\'} pattern that finds {@code text} anywhere, lower-cased: {@code %} and {@code _}
     * typed by the user are literal, not wildcards.
     */
    public static String containsPattern(String text) {
        return "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }
}
