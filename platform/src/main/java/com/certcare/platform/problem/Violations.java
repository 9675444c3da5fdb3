package com.certcare.platform.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every invalid field of a request before anything is written, so the caller learns all
 * problems at once: {@code v.check(ok, "postalCode", "postal-code"); ... v.throwIfAny();}.
 */
public final class Violations {

    private final List<ProblemException.Violation> found = new ArrayList<>();

    /** Records {@code field.<messageKey>} for {@code field} unless {@code ok}. Returns {@code ok}. */
    public boolean check(boolean ok, String field, String messageKey, Object... args) {
        if (!ok) {
            found.add(new ProblemException.Violation(field, messageKey, args));
        }
        return ok;
    }

    /** A required text: present and not blank, at most {@code max} characters. */
    public boolean text(String value, boolean required, int max, String field) {
        if (value == null || value.isBlank()) {
            return check(!required, field, "required");
        }
        return check(value.length() <= max, field, "too-long", max) && plain(value, field);
    }

    /**
     * No control characters but tab and line breaks: NUL cannot be stored in PostgreSQL text (the statement
     * fails) and the others only hide text. No half of a surrogate pair either (JSON lets {@code "\ud800"} through):
     * it is not text, and the database would keep a "?" in its place while the answer showed the original. Null
     * passes.
     */
    public boolean plain(String value, String field) {
        if (value != null) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                    return check(false, field, "control-characters");
                }
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++; // a pair: one character beyond the BMP (an emoji, a rare Han character)
                } else if (Character.isSurrogate(c)) {
                    return check(false, field, "unpaired-surrogate");
                }
            }
        }
        return true;
    }

    /** What was found so far, in order. */
    public List<ProblemException.Violation> list() {
        return List.copyOf(found);
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw ProblemException.invalid(found);
        }
    }
}
