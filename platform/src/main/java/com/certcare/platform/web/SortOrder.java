package com.certcare.platform.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import com.certcare.platform.problem.Violations;

/**
 * The order a caller asks a list for: {@code ?sort=name} or {@code ?sort=name,desc}, repeatable, the first key
 * sorting first. Only the keys the list names are accepted: a sort key goes into SQL, so an unknown one is a 400
 * naming {@code sort} and the keys there are, never text passed on.
 */
public record SortOrder(List<Key> keys) {

    /** One key as asked: its API name and direction. */
    public record Key(String name, boolean descending) {
    }

    /** {@code sort} parameters against the list's {@code allowed} keys; each bad one goes to {@code v}. Blank ones count as absent. */
    public static SortOrder parse(List<String> sort, Collection<String> allowed, Violations v) {
        List<Key> keys = new ArrayList<>();
        if (sort != null) {
            for (String text : sort) {
                if (text == null || text.isBlank()) {
                    continue;
                }
                String[] kv = text.split(",", 2);
                String name = kv[0].strip();
                String direction = kv.length == 2 ? kv[1].strip().toLowerCase() : "asc";
                if (v.check(allowed.contains(name), "sort", "sort-unknown", name, String.join(", ", allowed))
                        && v.check(direction.equals("asc") || direction.equals("desc"), "sort", "sort-direction")) {
                    keys.add(new Key(name, direction.equals("desc")));
                }
            }
        }
        return new SortOrder(List.copyOf(keys));
    }

    /**
     * As an SQL {@code order by} list: each key's {@code expression}, empty values last (ascending) or first
     * (descending), then {@code tieBreaker} (a unique column) so that pages neither repeat nor skip a row.
     */
    public String sql(Function<String, String> expression, String tieBreaker) {
        List<String> parts = new ArrayList<>();
        for (Key key : keys) {
            parts.add(expression.apply(key.name()) + (key.descending() ? " desc nulls first" : " asc nulls last"));
        }
        parts.add(tieBreaker);
        return String.join(", ", parts);
    }
}
