package com.certcare.customer.directory;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.certcare.customer.certification.CertificationStatus;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;
import com.certcare.platform.text.Text;
import com.certcare.platform.web.HeavyReads;
import com.certcare.platform.web.ListPage;
import com.certcare.platform.web.PageRequest;
import io.smallrye.mutiny.Uni;


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
            + " and not exists (select 1 from client_directory_restriction x where x.client_id = r.client_id)";

    private final EntityManager em;
    private final Clock clock;
    private final DirectoryConfig config;
    private final HeavyReads heavyReads;

    Directory(EntityManager em, Clock clock, DirectoryConfig config, HeavyReads heavyReads) {
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.heavyReads = heavyReads;
    }

    /**
     * The directory's rows for these words, scheme and province, as SQL whose parameters are written by
     * {@code placeholder} (given their position from 1): {@code ?} for JDBC, {@code ?n} for JPA. Checked: a bad
     * parameter is a 400 naming it.
     */
    public record Query(List<String> words, String scheme, String province, LocalDate today) {

        public List<Object> params() {
            List<Object> params = new java.util.ArrayList<>();
            params.add(Date.valueOf(today));
            words.forEach(w -> {
                String pattern = Text.wordPattern(w);
                params.add(pattern);
                params.add(pattern);
            });
            if (scheme != null) {
                params.add(scheme);
            }
            if (province != null) {
                params.add(province);
            }
            return params;
        }

        /** {@code select … from … where … order by …}, newest issue first. */
        public String sql(java.util.function.IntFunction<String> placeholder) {
            int[] n = { 1 };
            java.util.function.Supplier<String> next = () -> placeholder.apply(n[0]++);
            return "select r.certificate_no, c.name, c.province_code, r.scheme, r.scope, r.scope_en, r.issued_on,"
                    + " r.expires_on, r.status" + from(next, true) + " order by r.issued_on desc nulls last, r.id desc";
        }

        /**
         * {@code select count(*) …}: the client's row joined only to filter by province, so the whole directory's
         * total is read from an index alone (V17's certification_directory_count); a search or a scheme also reads
         * the certifications' rows (their number, their scheme).
         */
        String count(java.util.function.IntFunction<String> placeholder) {
            int[] n = { 1 };
            return "select count(*)" + from(() -> placeholder.apply(n[0]++), province != null);
        }

        private String from(java.util.function.Supplier<String> next, boolean withClient) {
            StringBuilder where = new StringBuilder(" from certification r")
                    .append(withClient ? " join client c on c.id = r.client_id" : "").append(" where ")
                    .append(LISTED.replace(":today", next.get()));
            for (int i = 0; i < words.size(); i++) {
                where.append(" and (r.client_id in (select t.id from client t where t.name_search like ").append(next.get())
                        .append(" escape '\\') or lower(r.certificate_no) like ").append(next.get()).append(" escape '\\')");
            }
            if (scheme != null) {
                where.append(" and r.scheme = ").append(next.get());
            }
            if (province != null) {
                where.append(" and c.province_code = ").append(next.get());
            }
            return where.toString();
        }
    }

    /** The directory query for these parameters, checked (400 naming a bad one). */
    public Query query(String q, String scheme, String province, Violations v) {
        if (v.text(q, false, QUERY_MAX, "q")) {
            v.check(Text.searchWords(q).size() <= Text.MAX_SEARCH_WORDS, "q", "too-many-words", Text.MAX_SEARCH_WORDS);
        }
        v.text(scheme, false, 20, "scheme");
        v.text(province, false, 6, "province");
        v.throwIfAny();
        return new Query(Text.searchWords(q),
                scheme == null || scheme.isBlank() ? null : scheme.strip().toUpperCase(java.util.Locale.ROOT),
                province == null || province.isBlank() ? null : province.strip(), LocalDate.now(clock));
    }

    /**
     * Live certificates (VALID, SUSPENDED, not past expiry) of clients not left out, newest issue first; {@code q}:
     * every word in the client's name or the certificate number (NFKC, any case). Checked first (400 at once, even
     * under load), then the queries wait for a turn in the anonymous callers' lane ({@link HeavyReads#submitAnonymous}: a
     * flood of the public does not make the staff's lists wait) and run in one transaction.
     */
    public Uni<ListPage<DirectoryEntry>> list(String q, String scheme, String province, Integer page, Integer size) {
        Violations v = new Violations();
        PageRequest asked = PageRequest.of(page, size, 20, config.maxPageSize(), v);
        Query query = query(q, scheme, province, v);
        return heavyReads.submitAnonymous(() -> page(query, asked));
    }

    private ListPage<DirectoryEntry> page(Query query, PageRequest asked) {
        var rows = em.createNativeQuery(query.sql(n -> "?" + n) + " limit " + asked.size() + " offset " + asked.offset());
        var count = em.createNativeQuery(query.count(n -> "?" + n));
        List<Object> params = query.params();
        for (int i = 0; i < params.size(); i++) {
            rows.setParameter(i + 1, params.get(i));
            count.setParameter(i + 1, params.get(i));
        }
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
