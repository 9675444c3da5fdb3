package com.certcare.customer.directory;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.certcare.customer.certification.CertificationStatus;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;
import com.certcare.platform.text.Text;
import com.certcare.platform.web.ListPage;
import com.certcare.platform.web.PageRequest;

/**
 * The public directory of certified clients and the certificate check, read straight from the certification and
 * client tables: what a client may not hide is the state of a certificate someone holds; what it may (8.1.2) is its
 * place in the list.
 */
@ApplicationScoped
public class Directory {

    /** A certificate number as the check takes it; longer is no certificate of ours. */
    static final int NUMBER_MAX = 60;
    static final int QUERY_MAX = 100;
    private static final String LISTED = "r.status in (" + CertificationStatus.LIVE_CERTIFICATE_SQL + ")"
            + " and r.certificate_no is not null and (r.expires_on is null or r.expires_on >= :today)"
            + " and not exists (select 1 from client_directory_restriction x where x.client_id = c.id)";

    private final EntityManager em;
    private final Clock clock;
    private final DirectoryConfig config;

    Directory(EntityManager em, Clock clock, DirectoryConfig config) {
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Live certificates (VALID, SUSPENDED, not past expiry) of clients not left out, newest issue first; {@code q}:
     * every word in the client's name or the certificate number (NFKC, any case).
     */
    @Transactional
    public ListPage<DirectoryEntry> list(String q, String scheme, String province, Integer page, Integer size) {
        Violations v = new Violations();
        PageRequest asked = PageRequest.of(page, size, 20, config.maxPageSize(), v);
        if (v.text(q, false, QUERY_MAX, "q")) {
            v.check(Text.searchWords(q).size() <= Text.MAX_SEARCH_WORDS, "q", "too-many-words", Text.MAX_SEARCH_WORDS);
        }
        v.text(scheme, false, 20, "scheme");
        v.text(province, false, 6, "province");
        v.throwIfAny();
        Map<String, Object> params = new HashMap<>();
        params.put("today", Date.valueOf(LocalDate.now(clock)));
        StringBuilder where = new StringBuilder(LISTED);
        int n = 0;
        for (String word : Text.searchWords(q)) {
            String p = "w" + n++;
            where.append(" and (c.id in (select t.id from client t where t.name_search like :").append(p)
                    .append(" escape '\\') or lower(r.certificate_no) like :").append(p).append(" escape '\\')");
            params.put(p, Text.wordPattern(word));
        }
        if (scheme != null && !scheme.isBlank()) {
            where.append(" and r.scheme = :scheme");
            params.put("scheme", scheme.strip().toUpperCase(java.util.Locale.ROOT));
        }
        if (province != null && !province.isBlank()) {
            where.append(" and c.province_code = :province");
            params.put("province", province.strip());
        }
        String from = " from certification r join client c on c.id = r.client_id where " + where;
        var rows = em.createNativeQuery("select r.certificate_no, c.name, c.province_code, r.scheme, r.scope, r.scope_en,"
                + " r.issued_on, r.expires_on, r.status" + from + " order by r.issued_on desc nulls last, r.id desc"
                + " limit " + asked.size() + " offset " + asked.offset());
        var count = em.createNativeQuery("select count(*)" + from);
        params.forEach((k, value) -> {
            rows.setParameter(k, value);
            count.setParameter(k, value);
        });
        @SuppressWarnings("unchecked")
        List<Object[]> found = rows.getResultList();
        List<DirectoryEntry> entries = found.stream().map(r -> new DirectoryEntry((String) r[0], (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], (String) r[5], date(r[6]), date(r[7]), (String) r[8])).toList();
        return asked.answer(entries, ((Number) count.getSingleResult()).longValue());
    }

    /**
     * The certificate with this number (any case, full-width typed too): the live record if there is one, else the
     * latest issued. A VALID one past its expiry reads EXPIRED. Unknown: 404.
     */
    @Transactional
    public CertificateCheck check(String number) {
        String wanted = normalised(number);
        LocalDate today = LocalDate.now(clock);
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("select r.certificate_no, r.status, c.name, r.scheme, r.scope,"
                + " r.scope_en, r.issued_on, r.expires_on from certification r join client c on c.id = r.client_id"
                + " where lower(r.certificate_no) = lower(:number) and r.status in ('VALID', 'SUSPENDED', 'WITHDRAWN',"
                + " 'CANCELLED', 'EXPIRED') order by r.status in (" + CertificationStatus.LIVE_CERTIFICATE_SQL + ") desc,"
                + " r.issued_on desc nulls last, r.id desc limit 1").setParameter("number", wanted).getResultList();
        if (found.isEmpty()) {
            throw new ProblemException(404, "certificate-not-found", wanted);
        }
        Object[] r = found.get(0);
        LocalDate expires = date(r[7]);
        String status = (String) r[1];
        if (CertificationStatus.LIVE_CERTIFICATE.contains(CertificationStatus.valueOf(status)) && expires != null
                && expires.isBefore(today)) {
            status = CertificationStatus.EXPIRED.name();
        }
        return new CertificateCheck((String) r[0], status, (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                date(r[6]), expires, today);
    }

    /** The number as typed, NFKC-folded (full-width → half-width) and stripped; 400 when it cannot be one. */
    static String normalised(String number) {
        Violations v = new Violations();
        v.text(number, true, NUMBER_MAX, "number");
        v.throwIfAny();
        return java.text.Normalizer.normalize(number, java.text.Normalizer.Form.NFKC).strip();
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
