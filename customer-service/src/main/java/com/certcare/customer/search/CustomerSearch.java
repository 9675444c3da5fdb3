package com.certcare.customer.search;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.smallrye.mutiny.Uni;

import com.certcare.customer.certification.Certification;
import com.certcare.customer.certification.CertificationStatus;
import com.certcare.customer.certification.CertificationSummary;
import com.certcare.customer.customer.Customer;
import com.certcare.customer.customer.SystemChanges;
import com.certcare.customer.certification.CustomerView;
import com.certcare.customer.certification.CustomerViews;
import com.certcare.platform.problem.Violations;
import com.certcare.platform.web.HeavyReads;
import com.certcare.platform.web.ListPage;
import com.certcare.platform.web.PageRequest;
import com.certcare.platform.web.SortOrder;


/** The customer list: filtered, sorted on any column, paged with the total. */
@ApplicationScoped
public class CustomerSearch {

    public static final int MAX_PAGE_SIZE = 200;
    public static final int DEFAULT_PAGE_SIZE = 20;

    /** Where a sort expression compares with today; {@link #list} binds the service's date there. */
    private static final String TODAY = "{today}";

    /** API sort key → SQL expression over {@code client c} (the id breaks ties, so pages are stable). */
    static final Map<String, String> SORTABLE = new LinkedHashMap<>();
    static {
        SORTABLE.put("id", "c.id");
        SORTABLE.put("name", "c.name");
        SORTABLE.put("creditCode", "c.credit_code");
        SORTABLE.put("provinceCode", "c.province_code");
        SORTABLE.put("city", "c.city");
        SORTABLE.put("postalCode", "c.postal_code");
        SORTABLE.put("createdAt", "c.created_at");
        SORTABLE.put("updatedAt", "c.updated_at");
        SORTABLE.put("certifications", "(select count(*) from certification s where s.client_id = c.id)");
        SORTABLE.put("expiresOn", "c.live_expires_on"); // kept by CertificationSummary
        // today is the service's (Clock, Asia/Shanghai), as in the view's nextSurveillanceOn: not the session's current_date
        SORTABLE.put("nextSurveillanceOn", "(select min(d) from certification s, unnest(s.planned_surveillance) d"
                + " where s.client_id = c.id and s.status in (" + CertificationStatus.LIVE_CERTIFICATE_SQL + ")"
                + " and d >= " + TODAY + ")");
    }

    private final EntityManager em;
    private final CustomerViews views;
    private final SearchConfig config;
    private final Clock clock;
    private final SystemChanges systemChanges;
    private final HeavyReads heavyReads;

    CustomerSearch(EntityManager em, CustomerViews views, SearchConfig config, Clock clock, SystemChanges systemChanges,
            HeavyReads heavyReads) {
        this.heavyReads = heavyReads;
        this.systemChanges = systemChanges;
        this.em = em;
        this.views = views;
        this.config = config;
        this.clock = clock;
    }

    /**
     * One page ({@code page} from 1, absent: the first of {@link #DEFAULT_PAGE_SIZE} customers). The request is checked
     * first (400 at once, even under load), then the queries wait for a heavy read's turn ({@link HeavyReads#submit}:
     * without a thread) and run in one transaction.
     */
    public Uni<ListPage<CustomerView>> list(CustomerFilter filter, List<String> sort, Integer page, Integer size) {
        return list(filter, sort, page, size, config.matchSetLimit());
    }

    /** As {@link #list(CustomerFilter, List, Integer, Integer)} with the match-set limit given (tests try both plans). */
    Uni<ListPage<CustomerView>> list(CustomerFilter filter, List<String> sort, Integer page, Integer size,
            long matchSetLimit) {
        CustomerFilter.Criteria criteria = filter.criteria();
        Violations v = new Violations();
        PageRequest asked = PageRequest.of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, v);
        SortOrder order = SortOrder.parse(sort, SORTABLE.keySet(), v);
        v.throwIfAny();
        return heavyReads.submit(() -> page(criteria, asked, order, matchSetLimit));
    }

    private ListPage<CustomerView> page(CustomerFilter.Criteria criteria, PageRequest asked, SortOrder order,
            long matchSetLimit) {
        CustomPlans.forThisTransaction(em);
        long total = count(criteria);
        // the count tells how many customers match, hence which way of reading the page is bounded
        RecordMatch match = total <= matchSetLimit ? RecordMatch.SET : RecordMatch.PROBE;
        SqlParams p = new SqlParams();
        LocalDate today = LocalDate.now(clock);
        String sorting = order.sql(key -> {
            String expression = SORTABLE.get(key);
            return expression.contains(TODAY) ? expression.replace(TODAY, p.bind(today)) : expression;
        }, "c.id");
        @SuppressWarnings("unchecked")
        List<Number> ids = p.applyTo(em.createNativeQuery(
                "select c.id from client c where " + where(criteria, p, match) + " order by " + sorting
                        + " limit " + asked.size() + " offset " + asked.offset()))
                .getResultList();
        List<Long> idList = ids.stream().map(Number::longValue).toList();
        return asked.answer(load(idList), total);
    }

    /**
     * How many customers match. When every criterion is on the certification record and some go beyond status
     * and scheme (dates, fees), the distinct customers of the matching records are counted from the record
     * indexes alone; otherwise the customer rows are counted.
     */
    long count(CustomerFilter.Criteria criteria) {
        SqlParams p = new SqlParams();
        String sql = !criteria.hasCustomerCriteria() && criteria.hasRecordCriteriaBeyondStatusAndScheme()
                ? "select count(distinct r.client_id) from certification r where "
                        + CustomerPredicates.and(CustomerPredicates.certification(criteria, p))
                : "select count(*) from client c where " + where(criteria, p, RecordMatch.PROBE);
        return ((Number) p.applyTo(em.createNativeQuery(sql)).getSingleResult()).longValue();
    }

    /** How the customer row is tested against the record criteria beyond status and scheme. */
    enum RecordMatch {
        /** A correlated EXISTS per customer: cheap when the first customers in sort order match. */
        PROBE,
        /**
         * Membership in the hashed set of customers with a matching record, built once from the certification
         * indexes. Written as {@code (… in (…)) is true} so PostgreSQL keeps it a hashed sub-plan instead of
         * turning it back into a semi-join, which it would plan as a probe.
         */
        SET
    }

    /** The same filter as SQL over {@code client c}; certification criteria via one matching record. */
    static String where(CustomerFilter.Criteria filter, SqlParams p, RecordMatch match) {
        List<String> where = new ArrayList<>(CustomerPredicates.customer(filter, p));
        List<String> keys = CertificationSummary.wanted(filter.statuses(), filter.schemes());
        if (!keys.isEmpty()) {
            // status and scheme through the customer's GIN-indexed keys; exact when they are the only record criteria
            where.add("c.certification_keys && array[" + p.bind(keys) + "]::text[]");
        }
        if (filter.hasRecordCriteriaBeyondStatusAndScheme()) {
            String records = CustomerPredicates.and(CustomerPredicates.certification(filter, p));
            where.add(match == RecordMatch.SET
                    ? "(c.id in (select r.client_id from certification r where " + records + ")) is true"
                    : "exists (select 1 from certification r where r.client_id = c.id and " + records + ")");
        }
        return CustomerPredicates.and(where);
    }

    private List<CustomerView> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Customer> customers = Customer.<Customer> list("id in ?1", ids).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        Map<Long, List<Certification>> certifications = Certification.<Certification> list(
                "customerId in ?1 order by scheme, id", ids).stream()
                .collect(Collectors.groupingBy(c -> c.customerId));
        Map<Long, List<com.certcare.customer.customer.SystemChangeView>> open = systemChanges.open(ids);
        return ids.stream().map(id -> views.of(customers.get(id), certifications.getOrDefault(id, List.of()),
                open.get(id))).toList();
    }
}
