package com.certcare.platform.history;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An audited entity's fields as people read them, in the order they are shown. One way of rendering a value for
 * every service, so a history reads the same whoever wrote it: a date as {@code 2026-03-15}, an amount as a plain
 * decimal ({@code 12000.50}, never {@code 1.200050E+4}), an enum by its name, a list in its order joined by
 * {@code ", "}; nothing, an empty text or an empty list is no value. A field only the entity knows how to read
 * (a contact as name/role/phone/email) is put as the text it makes.
 */
public final class Snapshot {

    private final Map<String, String> fields = new LinkedHashMap<>();

    /** A snapshot of one field (a status before and after a transition, a deletion). */
    public static Snapshot of(String field, Object value) {
        return new Snapshot().put(field, value);
    }

    /** Adds {@code field} rendered as described above. */
    public Snapshot put(String field, Object value) {
        fields.put(field, render(value));
        return this;
    }

    /** Field → text; null is no value. */
    public Map<String, String> fields() {
        return Collections.unmodifiableMap(fields);
    }

    private static String render(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(Snapshot::render).collect(Collectors.joining(", "));
        }
        return value.toString();
    }
}
