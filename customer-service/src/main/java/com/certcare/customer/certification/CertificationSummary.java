package com.certcare.customer.certification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Keeps the customer's summary of its certification records in step with them, in the same transaction
 * as the change: {@code certification_keys} (V5; the list filters status and scheme through it) and
 * {@code live_expires_on} (V6; the earliest expiry of a live certificate, the list sorts by it).
 */
@ApplicationScoped
public class CertificationSummary {

    /**
     * The key format, one source for the Java below and the SQL that builds the same keys: {@code S:VALID} (a
     * record in that status), {@code K:QMS} (a record of that scheme), {@code KS:QMS:VALID} (both on one record).
     * V5 built the first keys with this format; its migration is not rerun.
     */
    static final String STATUS_KEY = "S:";
    static final String SCHEME_KEY = "K:";
    static final String SCHEME_STATUS_KEY = "KS:";

    /** The keys of one record {@code r} in SQL, built from the prefixes above. */
    private static final String RECORD_KEYS_SQL = "array['" + STATUS_KEY + "' || r.status, '" + SCHEME_KEY
            + "' || r.scheme, '" + SCHEME_STATUS_KEY + "' || r.scheme || ':' || r.status]";

    private static final String REFRESH = """
            update client c set certification_keys = coalesce((
                select array_agg(distinct key order by key)
                from certification r,
                     lateral unnest(%s) key
                where r.client_id = c.id), '{}'),
              live_expires_on = (select min(r.expires_on) from certification r
                                 where r.client_id = c.id and r.status in (%s))
            where c.id in (:ids)""".formatted(RECORD_KEYS_SQL, CertificationStatus.LIVE_CERTIFICATE_SQL);

    private final EntityManager em;

    CertificationSummary(EntityManager em) {
        this.em = em;
    }

    @Transactional(TxType.MANDATORY)
    public void refresh(long customerId) {
        refresh(List.of(customerId));
    }

    /** Refreshes the keys of these customers (flushes pending record changes first). */
    @Transactional(TxType.MANDATORY)
    public void refresh(Collection<Long> customerIds) {
        em.flush();
        List<Long> ids = new ArrayList<>(customerIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            em.createNativeQuery(REFRESH).setParameter("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .executeUpdate();
        }
    }

    /** The earliest expiry among these records' live certificates, or null. */
    public static java.time.LocalDate liveExpiry(List<java.time.LocalDate> expiries, List<CertificationStatus> statuses) {
        java.time.LocalDate earliest = null;
        for (int i = 0; i < statuses.size(); i++) {
            java.time.LocalDate e = expiries.get(i);
            if (e != null && CertificationStatus.LIVE_CERTIFICATE.contains(statuses.get(i))
                    && (earliest == null || e.isBefore(earliest))) {
                earliest = e;
            }
        }
        return earliest;
    }

    /** The earliest expiry among these records' live certificates (what the list sorts {@code expiresOn} by). */
    public static java.time.LocalDate liveExpiry(List<Certification> records) {
        return liveExpiry(records.stream().map(r -> r.expiresOn).toList(), records.stream().map(r -> r.status).toList());
    }

    /** The next planned surveillance of a live certificate on or after {@code today} (the list's {@code nextSurveillanceOn}). */
    public static java.time.LocalDate nextSurveillance(List<Certification> records, java.time.LocalDate today) {
        return records.stream()
                .filter(r -> CertificationStatus.LIVE_CERTIFICATE.contains(r.status))
                .flatMap(r -> r.plannedSurveillance.stream())
                .filter(d -> !d.isBefore(today))
                .min(java.util.Comparator.naturalOrder())
                .orElse(null);
    }

    /** The keys of a customer whose records have these schemes and statuses. */
    public static List<String> of(Collection<String> schemes, List<CertificationStatus> statuses) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        var scheme = schemes.iterator();
        for (CertificationStatus status : statuses) {
            String k = scheme.next();
            keys.add(statusKey(status));
            keys.add(schemeKey(k));
            keys.add(schemeStatusKey(k, status));
        }
        return new ArrayList<>(keys);
    }

    /** The keys a filter on these statuses and schemes needs one of (empty: no such filter). */
    public static List<String> wanted(Collection<CertificationStatus> statuses, Collection<String> schemes) {
        List<String> keys = new ArrayList<>();
        if (!statuses.isEmpty() && !schemes.isEmpty()) {
            for (String scheme : schemes) {
                for (CertificationStatus status : statuses) {
                    keys.add(schemeStatusKey(scheme, status));
                }
            }
        } else if (!statuses.isEmpty()) {
            statuses.forEach(s -> keys.add(statusKey(s)));
        } else {
            schemes.forEach(s -> keys.add(schemeKey(s)));
        }
        return keys;
    }

    private static String statusKey(CertificationStatus status) {
        return STATUS_KEY + status.name();
    }

    private static String schemeKey(String scheme) {
        return SCHEME_KEY + scheme;
    }

    private static String schemeStatusKey(String scheme, CertificationStatus status) {
        return SCHEME_STATUS_KEY + scheme + ":" + status.name();
    }
}
