package com.certcare.feedback.topic;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import com.certcare.feedback.item.FeedbackItem;

/**
 * What a topic is: a short label, NFKC-normalised (full-width letters, digits and spaces as typed with a Chinese input
 * method become their ordinary forms: "ＩＳＯ　９００１" → "ISO 9001"), every run of white space one space, stripped,
 * at most {@value #MAX} characters (code points). Letter case is kept: labels print in the reports as written.
 */
public final class Topics {

    public static final int MAX = 40;
    /** Topics on one item. */
    public static final int MAX_PER_ITEM = 10;

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    private Topics() {
    }

    /** The normalised label; null for null. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        return SPACES.matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC)).replaceAll(" ").strip();
    }

    /** Its length as people count characters (a character beyond the BMP is one). */
    public static int length(String topic) {
        return topic.codePointCount(0, topic.length());
    }

    /**
     * Who the item is about, for counting distinct clients: {@code c:<customer id>}, or for a prospect {@code p:} and
     * its name normalised as a topic and lower-cased (the same prospect typed twice counts once).
     */
    public static String clientKey(FeedbackItem f) {
        return f.customerId != null ? "c:" + f.customerId
                : "p:" + normalise(f.prospectName).toLowerCase(Locale.ROOT);
    }
}
