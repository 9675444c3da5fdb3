package com.certcare.customer.search;

import com.certcare.platform.text.Text;
import java.util.ArrayList;
import java.util.List;

import com.certcare.customer.certification.CertificationStatus;

/**
 * Turns a {@link CustomerFilter} into SQL over {@code client c} and {@code certification r}: the same
 * filter drives the list, the statistics and the export.
 */
final class CustomerPredicates {

    private CustomerPredicates() {
    }

    /** Conditions on the customer row {@code c} (free text, province, professional code, open system changes). */
    static List<String> customer(CustomerFilter.Criteria f, SqlParams p) {
        List<String> where = new ArrayList<>();
        // every word of the query must match somewhere: in the client's text, or a certificate or contract number
        for (String word : Text.searchWords(f.q())) {
            String like = p.bind(Text.wordPattern(word));
            // a union of two semi-joins, so each side can use its trigram index (an OR would not)
            where.add("c.id in (select t.id from client t where t.search_text like " + like
                    + " union select q.client_id from certification q where lower(q.certificate_no) like " + like
                    + " or lower(q.contract_no) like " + like + ")");
        }
        if (!f.provinces().isEmpty()) {
            where.add("c.province_code in (" + p.bind(f.provinces()) + ")");
        }
        if (f.professionalCode() != null) {
            where.add("exists (select 1 from client_professional_code pc where pc.client_id = c.id and pc.code = "
                    + p.bind(f.professionalCode()) + ")");
        }
        if (f.systemChangeOpen() != null) {
            // the partial index client_system_change_open holds exactly the open ones
            where.add((f.systemChangeOpen() ? "" : "not ") + "exists (select 1 from client_system_change s"
                    + " where s.client_id = c.id and s.acknowledged_at is null)");
        }
        if (!f.grades().isEmpty()) {
            where.add("c.grade in (" + p.bind(f.grades()) + ")");
        }
        return where;
    }

    /** Conditions on one certification row {@code r}. */
    static List<String> certification(CustomerFilter.Criteria f, SqlParams p) {
        List<String> where = new ArrayList<>();
        if (!f.statuses().isEmpty()) {
            where.add("r.status in (" + p.bind(f.statuses().stream().map(CertificationStatus::name).toList()) + ")");
        }
        if (!f.schemes().isEmpty()) {
            where.add("r.scheme in (" + p.bind(f.schemes()) + ")");
        }
        if (f.auditFrom() != null || f.auditTo() != null) {
            StringBuilder audit = new StringBuilder("exists (select 1 from certification_audit a where a.certification_id = r.id");
            if (f.auditFrom() != null) {
                audit.append(" and a.audited_on >= ").append(p.bind(f.auditFrom()));
            }
            if (f.auditTo() != null) {
                audit.append(" and a.audited_on <= ").append(p.bind(f.auditTo()));
            }
            where.add(audit.append(')').toString());
        }
        if (f.surveillanceFrom() != null || f.surveillanceTo() != null) {
            StringBuilder s = new StringBuilder("exists (select 1 from unnest(r.planned_surveillance) d where true");
            if (f.surveillanceFrom() != null) {
                s.append(" and d >= ").append(p.bind(f.surveillanceFrom()));
            }
            if (f.surveillanceTo() != null) {
                s.append(" and d <= ").append(p.bind(f.surveillanceTo()));
            }
            where.add(s.append(')').toString());
        }
        range(where, p, "r.expires_on", f.expiresFrom(), f.expiresTo());
        range(where, p, "r.initial_audit_fee", f.initialFeeMin(), f.initialFeeMax());
        range(where, p, "r.surveillance_fee", f.surveillanceFeeMin(), f.surveillanceFeeMax());
        return where;
    }

    private static void range(List<String> where, SqlParams p, String column, Object from, Object to) {
        if (from != null) {
            where.add(column + " >= " + p.bind(from));
        }
        if (to != null) {
            where.add(column + " <= " + p.bind(to));
        }
    }

    static String and(List<String> predicates) {
        return predicates.isEmpty() ? "true" : String.join(" and ", predicates);
    }

}
