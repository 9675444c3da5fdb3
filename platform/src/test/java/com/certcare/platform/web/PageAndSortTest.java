package com.certcare.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.certcare.platform.problem.Violations;

/** The one paging rule and the one reading of sort parameters every list uses. */
class PageAndSortTest {

    private static List<String> fields(Violations v) {
        return v.list().stream().map(x -> x.field() + ":" + x.messageKey()).toList();
    }

    @Test
    void absentValuesAreTheFirstPageOfTheDefaultSize() {
        Violations v = new Violations();
        PageRequest page = PageRequest.of(null, null, 20, 100, v);
        assertEquals(new PageRequest(1, 20), page);
        assertEquals(0, page.offset());
        assertTrue(v.list().isEmpty());
        assertEquals(40, PageRequest.of(3, 20, 20, 100, v).offset());
    }

    @Test
    void everyBadValueIsNamedTogether() {
        Violations v = new Violations();
        PageRequest.of(0, 101, 20, 100, v);
        assertEquals(List.of("page:min", "size:between"), fields(v));

        Violations tooDeep = new Violations();
        PageRequest.of(1_000_000, 100, 20, 100, tooDeep); // offset far past MAX_OFFSET, no int overflow
        assertEquals(List.of("page:max"), fields(tooDeep));

        Violations edge = new Violations();
        PageRequest.of((int) (PageRequest.MAX_OFFSET / 100) + 1, 100, 20, 100, edge);
        assertTrue(edge.list().isEmpty(), "the last allowed page");
    }

    @Test
    void sortKeysAreCheckedAgainstTheListsOwnAndRenderedWithATieBreaker() {
        Violations v = new Violations();
        SortOrder order = SortOrder.parse(Arrays.asList("name", " expiresOn , DESC ", "", null), Set.of("name", "expiresOn"), v);
        assertTrue(v.list().isEmpty());
        assertEquals("c.name asc nulls last, c.expires_on desc nulls first, c.id",
                order.sql(key -> key.equals("name") ? "c.name" : "c.expires_on", "c.id"));
        assertEquals("c.id", SortOrder.parse(null, Set.of("name"), v).sql(k -> k, "c.id"));
    }

    @Test
    void anUnknownKeyOrDirectionIsRefusedNeverPutIntoSql() {
        Violations v = new Violations();
        SortOrder order = SortOrder.parse(List.of("name; drop table client", "name,sideways"), Set.of("name"), v);
        assertEquals(List.of("sort:sort-unknown", "sort:sort-direction"), fields(v));
        assertEquals("id", order.sql(k -> k, "id"));
    }
}
