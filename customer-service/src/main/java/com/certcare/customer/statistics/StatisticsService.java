package com.certcare.customer.statistics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonFormat;

import com.certcare.customer.search.CustomerFilter;
import com.certcare.customer.search.CustomerQueries;
import com.certcare.customer.search.CustomerQueries.DueItem;
import com.certcare.customer.search.CustomerQueries.Group;
import com.certcare.platform.problem.Violations;
import com.certcare.platform.web.HeavyReads;
import com.certcare.platform.web.ListPage;
import com.certcare.platform.web.PageRequest;
import io.smallrye.mutiny.Uni;

/** Counts and fee sums of the customer database, grouped as the market department reports them. */
@ApplicationScoped
public class StatisticsService {

    /** How certification records can be grouped. */
    public enum GroupBy { PROVINCE, STATUS, SCHEME, PROFESSIONAL_CODE, MONTH, QUARTER, YEAR, GRADE }

    /** Which date places a record in a month, quarter or year. */
    public enum PeriodBy { ISSUED_ON, APPLICATION_ACCEPTED_ON, EXPIRES_ON, DECISION_ON }

    public static final int MAX_DAYS = 3660;

    private final CustomerQueries queries;
    private final Clock clock;
    private final HeavyReads heavyReads;

    StatisticsService(CustomerQueries queries, Clock clock, HeavyReads heavyReads) {
        this.queries = queries;
        this.clock = clock;
        this.heavyReads = heavyReads;
    }

    // Each query is checked first (400 at once, even under load), then waits for a heavy read's turn without a thread
    // (HeavyReads.submit).

    public Uni<List<Group>> groups(CustomerFilter filter, GroupBy groupBy, PeriodBy periodBy) {
        Violations v = new Violations();
        v.check(groupBy != null, "groupBy", "required");
        v.throwIfAny();
        String periodColumn = switch (periodBy == null ? PeriodBy.ISSUED_ON : periodBy) {
            case ISSUED_ON -> "r.issued_on";
            case APPLICATION_ACCEPTED_ON -> "r.application_accepted_on";
            case EXPIRES_ON -> "r.expires_on";
            case DECISION_ON -> "r.decision_on";
        };
        String key = switch (groupBy) {
            case PROVINCE -> "c.province_code";
            case STATUS -> "r.status";
            case SCHEME -> "r.scheme";
            case PROFESSIONAL_CODE -> "pc.code";
            case MONTH -> "to_char(" + periodColumn + ", 'YYYY-MM')";
            case QUARTER -> "to_char(" + periodColumn + ", 'YYYY-\"Q\"Q')";
            case YEAR -> "to_char(" + periodColumn + ", 'YYYY')";
            case GRADE -> "c.grade"; // the grade in force (分等分级); null: not graded yet
        };
        String join = groupBy == GroupBy.PROFESSIONAL_CODE
                ? " join client_professional_code pc on pc.client_id = c.id"
                : "";
        CustomerFilter.Criteria criteria = filter.criteria();
        return heavyReads.submit(() -> queries.groups(criteria, key, join));
    }

    /** A page of due items: rows unless asked otherwise, and at most. */
    static final int DUE_PAGE_SIZE = 50;
    static final int MAX_DUE_PAGE_SIZE = 1000;

    public Uni<ListPage<DueItem>> surveillanceDue(CustomerFilter filter, int days, Integer page, Integer size) {
        PageRequest asked = checkDays(days, page, size);
        CustomerFilter.Criteria criteria = filter.criteria();
        LocalDate today = LocalDate.now(clock);
        return heavyReads.submit(() -> queries.surveillanceDue(criteria, today, today.plusDays(days), asked));
    }

    public Uni<ListPage<DueItem>> expiring(CustomerFilter filter, int days, Integer page, Integer size) {
        PageRequest asked = checkDays(days, page, size);
        CustomerFilter.Criteria criteria = filter.criteria();
        LocalDate today = LocalDate.now(clock);
        return heavyReads.submit(() -> queries.expiring(criteria, today, today.plusDays(days), asked));
    }

    private static PageRequest checkDays(int days, Integer page, Integer size) {
        Violations v = new Violations();
        v.check(days >= 0 && days <= MAX_DAYS, "days", "between", 0, MAX_DAYS);
        PageRequest asked = PageRequest.of(page, size, DUE_PAGE_SIZE, MAX_DUE_PAGE_SIZE, v);
        v.throwIfAny();
        return asked;
    }
}
