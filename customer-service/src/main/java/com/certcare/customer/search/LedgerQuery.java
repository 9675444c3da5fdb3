package com.certcare.customer.search;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The ledger as SQL for plain JDBC (the export streams it through a cursor): one row per certification
 * record with its customer's data, or one row for a customer without records; columns named as
 * {@code LedgerColumn} keys. The same {@link CustomerFilter} as the list narrows it.
 */
@ApplicationScoped
public class LedgerQuery {

    /** SQL text with {@code ?} placeholders and the values to bind, in order. */
    public record Sql(String text, List<Object> values) {
        public void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v instanceof java.time.LocalDate d) {
                    statement.setObject(i + 1, d);
                } else {
                    statement.setObject(i + 1, v);
                }
            }
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile(":(p\\d+)");

    public Sql sql(CustomerFilter.Criteria criteria) {
        SqlParams p = new SqlParams();
        List<String> where = new ArrayList<>(CustomerPredicates.customer(criteria, p));
        String join = "left join";
        if (criteria.hasCertificationCriteria()) {
            join = "join";
            where.addAll(CustomerPredicates.certification(criteria, p));
        }
        String named = """
                select r.contract_no as "contractNo", r.certificate_no as "certificateNo", c.name as "name",
                  c.credit_code as "creditCode", r.scheme as "scheme", r.status as "status",
                  to_char(r.application_accepted_on, 'YYYY-MM-DD') as "applicationAcceptedOn",
                  (select string_agg(to_char(a.audited_on, 'YYYY-MM-DD'), ';' order by a.audited_on)
                     from certification_audit a where a.certification_id = r.id and a.kind = 'STAGE1') as "stage1On",
                  (select string_agg(to_char(a.audited_on, 'YYYY-MM-DD'), ';' order by a.audited_on)
                     from certification_audit a where a.certification_id = r.id and a.kind = 'STAGE2') as "stage2On",
                  (select string_agg(to_char(a.audited_on, 'YYYY-MM-DD'), ';' order by a.audited_on)
                     from certification_audit a where a.certification_id = r.id and a.kind = 'SURVEILLANCE') as "surveillanceAuditOn",
                  (select string_agg(to_char(a.audited_on, 'YYYY-MM-DD'), ';' order by a.audited_on)
                     from certification_audit a where a.certification_id = r.id and a.kind = 'RECERTIFICATION') as "recertificationAuditOn",
                  to_char(r.decision_on, 'YYYY-MM-DD') as "decisionOn",
                  to_char(r.initial_audit_fee, 'FM999999999990.00') as "initialAuditFee",
                  to_char(r.surveillance_fee, 'FM999999999990.00') as "surveillanceFee",
                  array_to_string(r.planned_surveillance, ';') as "plannedSurveillanceDates",
                  to_char(r.implemented_on, 'YYYY-MM-DD') as "implementedOn",
                  to_char(r.issued_on, 'YYYY-MM-DD') as "issuedOn",
                  to_char(r.expires_on, 'YYYY-MM-DD') as "expiresOn",
                  c.province_code as "province", c.city as "city", c.address as "address", c.postal_code as "postalCode",
                  pc.contact ->> 'name' as "contactName", pc.contact ->> 'phone' as "contactPhone",
                  pc.contact ->> 'email' as "contactEmail",
                  case when r.id is null
                    then (select string_agg(k.code, ';' order by k.code) from client_professional_code k where k.client_id = c.id)
                    else nullif(array_to_string(r.professional_codes, ';'), '') end as "professionalCodes",
                  r.scope as "scope", r.scope_en as "scopeEn", c.remarks as "remarks", c.grade as "grade",
                  c.version as "customerVersion", r.id as "recordId", r.version as "recordVersion"
                from client c
                """ + join + " certification r on r.client_id = c.id"
                + """

                left join lateral (select e as contact from jsonb_array_elements(c.contacts) e
                                   order by (e ->> 'primary')::boolean desc limit 1) pc on true
                where\s""" + CustomerPredicates.and(where) + " order by c.id, r.scheme, r.id";
        List<Object> values = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(named);
        while (m.find()) {
            Object value = p.value(m.group(1));
            String replacement;
            if (value instanceof Collection<?> many) {
                values.addAll(many);
                replacement = String.join(", ", java.util.Collections.nCopies(many.size(), "?"));
            } else {
                values.add(value);
                replacement = "?";
            }
            m.appendReplacement(text, replacement);
        }
        m.appendTail(text);
        return new Sql(text.toString(), values);
    }
}
