package com.certcare.customer.search;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.certcare.customer.certification.CertificationStatus;
import com.certcare.platform.web.ListPage;
import com.certcare.platform.web.PageRequest;


/**
 * The SQL behind the statistics, over certification records {@code r} joined with their customer
 * {@code c}, narrowed by the same {@link CustomerFilter} as the list.
 */
@ApplicationScoped
public class CustomerQueries {

    /** One group: its key, how many customers and records, and the fee sums (CNY). */
    public record Group(String key, long customers, long certifications,
            @com.fasterxml.jackson.annotation.JsonFormat(shape = com.fasterxml.jackson.annotation.JsonFormat.Shape.STRING) java.math.BigDecimal initialAuditFees,
            @com.fasterxml.jackson.annotation.JsonFormat(shape = com.fasterxml.jackson.annotation.JsonFormat.Shape.STRING) java.math.BigDecimal surveillanceFees) {
    }

    /** A certification due for surveillance or expiring soon. */
    public record DueItem(long customerId, String customerName, long certificationId, String scheme, String certificateNo,
            String status, java.time.LocalDate on) {
    }


    private final EntityManager em;

    CustomerQueries(EntityManager em) {
        this.em = em;
    }

    /** Groups by {@code keyExpression} (over {@code r}, {@code c} and whatever {@code join} adds). */
    @Transactional
    public List<Group> groups(CustomerFilter.Criteria filter, String keyExpression, String join) {
        CustomPlans.forThisTransaction(em);
        SqlParams p = new SqlParams();
        String sql = "select " + keyExpression + " as k, count(distinct c.id), count(distinct r.id),"
                + " coalesce(sum(r.initial_audit_fee), 0), coalesce(sum(r.surveillance_fee), 0)"
                + " from certification r join client c on c.id = r.client_id" + join
                + " where " + recordWhere(filter, p)
                + " group by k order by k nulls last";
        List<Group> groups = new ArrayList<>();
        for (Object row : p.applyTo(em.createNativeQuery(sql)).getResultList()) {
            Object[] f = (Object[]) row;
            groups.add(new Group(f[0] == null ? null : f[0].toString(), ((Number) f[1]).longValue(),
                    ((Number) f[2]).longValue(), money(f[3]), money(f[4])));
        }
        return groups;
    }

    @Transactional
    public ListPage<DueItem> surveillanceDue(CustomerFilter.Criteria filter, LocalDate from, LocalDate to,
            PageRequest page) {
        CustomPlans.forThisTransaction(em);
        SqlParams p = new SqlParams();
        String rows = " from certification r join client c on c.id = r.client_id, unnest(r.planned_surveillance) d"
                + " where r.status in (" + CertificationStatus.LIVE_CERTIFICATE_SQL + ") and d >= " + p.bind(from) + " and d <= " + p.bind(to)
                + " and " + recordWhere(filter, p);
        return due(p, "select c.id, c.name, r.id as rid, r.scheme, r.certificate_no, r.status, d", rows,
                " order by d, c.name, r.id", page);
    }

    @Transactional
    public ListPage<DueItem> expiring(CustomerFilter.Criteria filter, LocalDate from, LocalDate to, PageRequest page) {
        CustomPlans.forThisTransaction(em);
        SqlParams p = new SqlParams();
        String rows = " from certification r join client c on c.id = r.client_id"
                + " where r.status in (" + CertificationStatus.LIVE_CERTIFICATE_SQL + ") and r.expires_on >= " + p.bind(from)
                + " and r.expires_on <= " + p.bind(to) + " and " + recordWhere(filter, p);
        return due(p, "select c.id, c.name, r.id as rid, r.scheme, r.certificate_no, r.status, r.expires_on", rows,
                " order by r.expires_on, c.name, r.id", page);
    }

    /** One page of due items and the count of them all (a window can hold thousands: none is left out unsaid). */
    private ListPage<DueItem> due(SqlParams p, String select, String rows, String order, PageRequest page) {
        List<DueItem> items = new ArrayList<>();
        for (Object row : p.applyTo(em.createNativeQuery(select + rows + order)).setFirstResult((int) page.offset())
                .setMaxResults(page.size()).getResultList()) {
            Object[] f = (Object[]) row;
            items.add(new DueItem(((Number) f[0]).longValue(), (String) f[1], ((Number) f[2]).longValue(),
                    (String) f[3], (String) f[4], (String) f[5], toDate(f[6])));
        }
        long total = ((Number) p.applyTo(em.createNativeQuery("select count(*)" + rows)).getSingleResult()).longValue();
        return page.answer(items, total);
    }

    /** Filter over one record {@code r} and its customer {@code c}. */
    static String recordWhere(CustomerFilter.Criteria filter, SqlParams p) {
        List<String> where = new ArrayList<>(CustomerPredicates.customer(filter, p));
        where.addAll(CustomerPredicates.certification(filter, p));
        return CustomerPredicates.and(where);
    }

    private static BigDecimal money(Object value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(value.toString()).setScale(2);
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return value == null ? null : LocalDate.parse(value.toString());
    }
}
