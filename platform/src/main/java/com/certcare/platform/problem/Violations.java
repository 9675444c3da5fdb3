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
        return check(value.length() <= max, field, "too-long", max);
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
