package com.certcare.customer.search;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Query;

/** Named parameters for a native query built from optional predicates: values are bound, never inlined. */
final class SqlParams {

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Registers {@code value} and returns its placeholder, e.g. {@code :p3}. */
    String bind(Object value) {
        String name = "p" + (values.size() + 1);
        values.put(name, value);
        return ":" + name;
    }

    Object value(String name) {
        return values.get(name);
    }

    <Q extends Query> Q applyTo(Q query) {
        values.forEach(query::setParameter);
        return query;
    }
}
