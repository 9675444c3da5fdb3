package com.certcare.platform.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.web.ListPage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The platform's history against real PostgreSQL, in a service (this test app) that has no migration of its own:
 * the table comes from the platform's repeatable migration.
 */
@QuarkusTest
class ChangeHistoryTest {

    @Inject
    ChangeHistory history;

    private static Snapshot snapshot(String name, BigDecimal fee, List<String> codes) {
        return new Snapshot().put("name", name).put("fee", fee).put("codes", codes).put("since", LocalDate.of(2026, 3, 15));
    }

    @Test
    void recordsEachChangedFieldAsPeopleReadItAndListsTheAggregateNewestFirst() {
        long id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        Subject customer = Subject.of("customer", id);
        List<String> created = QuarkusTransaction.requiringNew().call(() -> history.record(customer, null,
                snapshot("星澜科技", new BigDecimal("1.2E+4"), List.of("33.02.01")), "mei", null));
        assertEquals(List.of("name", "fee", "codes", "since"), created);

        List<String> changed = QuarkusTransaction.requiringNew().call(() -> history.record(customer.part("certification", 7),
                snapshot("星澜科技", new BigDecimal("12000"), List.of("33.02.01")),
                snapshot("星澜科技有限公司", new BigDecimal("12000"), List.of("33.02.01", "29.11.00")), "li", "合同"));
        assertEquals(List.of("name", "codes"), changed);

        List<String> none = QuarkusTransaction.requiringNew().call(() -> history.record(customer,
                snapshot("a", null, List.of()), snapshot("a", null, null), "mei", null));
        assertTrue(none.isEmpty(), "an empty list and no list are the same: nothing changed");

        ListPage<ChangeRecord> page = QuarkusTransaction.requiringNew().call(() -> history.of("customer", id, 1, 2));
        assertEquals(6, page.total());
        assertEquals(2, page.items().size());
        ChangeRecord newest = page.items().get(0);
        assertEquals("certification", newest.entity);
        assertEquals(7, newest.entityId);
        assertEquals("li", newest.changedBy);
        assertEquals("合同", newest.reason);
        ChangeRecord fee = QuarkusTransaction.requiringNew().call(() -> history.of("customer", id, 1, 10)).items().stream()
                .filter(r -> r.field.equals("fee")).findFirst().orElseThrow();
        assertEquals("12000", fee.newValue, "a plain decimal, never 1.2E+4");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> history.of("other", id, 1, 10)).items().isEmpty());
    }

    @Test
    void aBadPageIsAProblemNamingIt() {
        ProblemException e = assertThrows(ProblemException.class, () -> history.of("customer", 1, 0, ChangeHistory.MAX_PAGE_SIZE + 1));
        assertEquals(2, e.violations().size());
    }
}
