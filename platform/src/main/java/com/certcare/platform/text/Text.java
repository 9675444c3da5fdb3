package com.certcare.platform.text;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

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
        return wordPattern(text.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Text as a search compares it: Unicode NFKC (full-width digits, letters and spaces as a Chinese input method
     * types them become their half-width forms; compatibility forms fold), then lower-case. The searched text and
     * the query both go through it, so {@code ７５１３８６１} finds {@code 7513861} and {@code ＡＢＣ} finds {@code abc}.
     */
    public static String searchKey(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /**
     * The words of a query (split at any white space, full-width too, after {@link #searchKey}), distinct and in
     * order: a search where every word must match somewhere ({@code 星 澜} finds 星澜, and also 星河 … 澜).
     */
    public static final int MAX_SEARCH_WORDS = 8;

    public static List<String> searchWords(String query) {
        if (query == null) {
            return List.of();
        }
        String key = searchKey(query).strip();
        return key.isEmpty() ? List.of() : java.util.Arrays.stream(key.split("\\s+")).distinct().toList();
    }

    /** A {@code like … escape '\\'} pattern that finds {@code word} as it is anywhere; {@code %} and {@code _} literal. */
    public static String wordPattern(String word) {
        return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
