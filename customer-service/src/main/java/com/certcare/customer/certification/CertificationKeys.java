package com.certcare.customer.certification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Keeps {@code client.certification_keys} (see V5) in step with the client's certification records,
 * in the same transaction as the change: the list filters status and scheme through it.
 */
@ApplicationScoped
public class CertificationKeys {

    private static final String REFRESH = """
            update client c set certification_keys = coalesce((
                select array_agg(distinct key order by key)
                from certification r,
                     lateral unnest(array['S:' || r.status, 'K:' || r.scheme, 'KS:' || r.scheme || ':' || r.status]) key
                where r.client_id = c.id), '{}')
            where c.id in (:ids)""";

    private final EntityManager em;

    CertificationKeys(EntityManager em) {
        this.em = em;
    }

    @Transactional(TxType.MANDATORY)
    public void refresh(long clientId) {
        refresh(List.of(clientId));
    }

    /** Refreshes the keys of these clients (flushes pending record changes first). */
    @Transactional(TxType.MANDATORY)
    public void refresh(Collection<Long> clientIds) {
        em.flush();
        List<Long> ids = new ArrayList<>(clientIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            em.createNativeQuery(REFRESH).setParameter("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .executeUpdate();
        }
    }

    /** The keys of a client whose records have these schemes and statuses. */
    public static List<String> of(Collection<String> schemes, List<CertificationStatus> statuses) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        var scheme = schemes.iterator();
        for (CertificationStatus status : statuses) {
            String k = scheme.next();
            keys.add("S:" + status.name());
            keys.add("K:" + k);
            keys.add("KS:" + k + ":" + status.name());
        }
        return new ArrayList<>(keys);
    }

    /** The keys a filter on these statuses and schemes needs one of (empty: no such filter). */
    public static List<String> wanted(Collection<CertificationStatus> statuses, Collection<String> schemes) {
        List<String> keys = new ArrayList<>();
        if (!statuses.isEmpty() && !schemes.isEmpty()) {
            for (String scheme : schemes) {
                for (CertificationStatus status : statuses) {
                    keys.add("KS:" + scheme + ":" + status.name());
                }
            }
        } else if (!statuses.isEmpty()) {
            statuses.forEach(s -> keys.add("S:" + s.name()));
        } else {
            schemes.forEach(s -> keys.add("K:" + s));
        }
        return keys;
    }
}
