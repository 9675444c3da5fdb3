package com.certcare.customer.search;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

import com.certcare.customer.certification.CertificationStatus;
import com.certcare.platform.problem.Violations;
import com.certcare.platform.text.Text;

/**
 * The filters of the customer list, its statistics and its export, all combinable. Certification
 * filters (status, scheme, dates, fees) must hold for one and the same certification record.
 * Values arrive as text and are parsed here, so a bad one is a 400 naming the parameter.
 */
public class CustomerFilter {

    /** The grades a customer may have (the grading package's Grade; its SQL column is client.grade). */
    static final List<String> GRADES = List.of("A", "B", "C", "D");

    @RestQuery
    @Parameter(description = "Free text: name, credit code, certificate or contract number, contact; Chinese substrings match")
    public String q;

    @RestQuery
    @Parameter(description = "GB/T 2260 province codes, e.g. 330000 (repeatable)")
    public List<String> province;

    @RestQuery
    @Parameter(description = "Certification statuses: APPLYING, CONTRACTED, AUDITING, VALID, SUSPENDED, WITHDRAWN, CANCELLED, EXPIRED, TERMINATED (repeatable)")
    public List<String> status;

    @RestQuery
    @Parameter(description = "Scheme codes, e.g. QMS (repeatable)")
    public List<String> scheme;

    @RestQuery
    @Parameter(description = "Professional code (专业代码), e.g. 33.02.01")
    public String professionalCode;

    @RestQuery
    @Parameter(description = "Any audit date on or after (yyyy-MM-dd)")
    public String auditFrom;
    @RestQuery
    @Parameter(description = "Any audit date on or before (yyyy-MM-dd)")
    public String auditTo;
    @RestQuery
    @Parameter(description = "Any planned surveillance date on or after (yyyy-MM-dd)")
    public String surveillanceFrom;
    @RestQuery
    @Parameter(description = "Any planned surveillance date on or before (yyyy-MM-dd)")
    public String surveillanceTo;
    @RestQuery
    @Parameter(description = "Expiry on or after (yyyy-MM-dd)")
    public String expiresFrom;
    @RestQuery
    @Parameter(description = "Expiry on or before (yyyy-MM-dd)")
    public String expiresTo;
    @RestQuery
    @Parameter(description = "Initial-audit fee at least (CNY)")
    public String initialFeeMin;
    @RestQuery
    @Parameter(description = "Initial-audit fee at most (CNY)")
    public String initialFeeMax;
    @RestQuery
    @Parameter(description = "Surveillance fee at least (CNY)")
    public String surveillanceFeeMin;
    @RestQuery
    @Parameter(description = "Surveillance fee at most (CNY)")
    public String surveillanceFeeMax;

    @RestQuery
    @Parameter(description = "true: only customers with a reported management-system change not yet acknowledged; false: only those without")
    public String systemChangeOpen;

    @RestQuery
    @Parameter(description = "Grades in force (分等分级): A, B, C, D (repeatable)")
    public List<String> grade;

    /** The filter, parsed; every bad parameter is reported at once. */
    public Criteria criteria() {
        Violations v = new Violations();
        if (v.text(q, false, 200, "q")) {
            // each word is a trigram lookup of its own: a bounded number of them
            v.check(Text.searchWords(q).size() <= Text.MAX_SEARCH_WORDS, "q", "too-many-words", Text.MAX_SEARCH_WORDS);
        }
        v.text(professionalCode, false, 50, "professionalCode");
        // codes go to the database as they are: NUL cannot be (the statement would fail)
        plain(province, "province", v);
        plain(scheme, "scheme", v);
        List<CertificationStatus> statuses = new ArrayList<>();
        if (status != null) {
            for (String s : status) {
                try {
                    statuses.add(CertificationStatus.valueOf(s.strip().toUpperCase()));
                } catch (IllegalArgumentException e) {
                    v.check(false, "status", "invalid-value");
                }
            }
        }
        List<String> grades = new ArrayList<>();
        if (grade != null) {
            for (String g : grade) {
                String value = g == null ? "" : g.strip().toUpperCase(java.util.Locale.ROOT);
                if (value.isEmpty()) {
                    continue;
                }
                if (GRADES.contains(value)) {
                    grades.add(value);
                } else {
                    v.check(false, "grade", "invalid-value");
                }
            }
        }
        Criteria c = new Criteria(Text.blankToNull(q), clean(province), statuses, clean(scheme), Text.blankToNull(professionalCode),
                date(auditFrom, "auditFrom", v), date(auditTo, "auditTo", v),
                date(surveillanceFrom, "surveillanceFrom", v), date(surveillanceTo, "surveillanceTo", v),
                date(expiresFrom, "expiresFrom", v), date(expiresTo, "expiresTo", v),
                money(initialFeeMin, "initialFeeMin", v), money(initialFeeMax, "initialFeeMax", v),
                money(surveillanceFeeMin, "surveillanceFeeMin", v), money(surveillanceFeeMax, "surveillanceFeeMax", v),
                bool(systemChangeOpen, "systemChangeOpen", v), List.copyOf(grades));
        v.throwIfAny();
        return c;
    }

    /** Parsed filter values; null or empty means "any". */
    public record Criteria(String q, List<String> provinces, List<CertificationStatus> statuses, List<String> schemes,
            String professionalCode, LocalDate auditFrom, LocalDate auditTo, LocalDate surveillanceFrom,
            LocalDate surveillanceTo, LocalDate expiresFrom, LocalDate expiresTo, BigDecimal initialFeeMin,
            BigDecimal initialFeeMax, BigDecimal surveillanceFeeMin, BigDecimal surveillanceFeeMax,
            Boolean systemChangeOpen, List<String> grades) {

        /** No filter at all. */
        public static Criteria none() {
            return new CustomerFilter().criteria();
        }

        /** Criteria on the customer row itself (free text, province, professional code, open system changes). */
        boolean hasCustomerCriteria() {
            return q != null || !provinces.isEmpty() || professionalCode != null || systemChangeOpen != null
                    || !grades.isEmpty();
        }

        /** Record criteria that the certification keys do not answer: dates and fees. */
        boolean hasRecordCriteriaBeyondStatusAndScheme() {
            return auditFrom != null || auditTo != null || surveillanceFrom != null || surveillanceTo != null
                    || expiresFrom != null || expiresTo != null || initialFeeMin != null || initialFeeMax != null
                    || surveillanceFeeMin != null || surveillanceFeeMax != null;
        }

        boolean hasCertificationCriteria() {
            return !statuses.isEmpty() || !schemes.isEmpty() || auditFrom != null || auditTo != null
                    || surveillanceFrom != null || surveillanceTo != null || expiresFrom != null || expiresTo != null
                    || initialFeeMin != null || initialFeeMax != null || surveillanceFeeMin != null
                    || surveillanceFeeMax != null;
        }
    }

    private static LocalDate date(String value, String field, Violations v) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            v.check(false, field, "date-format");
            return null;
        }
    }

    private static Boolean bool(String value, String field, Violations v) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                v.check(false, field, "invalid-value");
                yield null;
            }
        };
    }

    private static BigDecimal money(String value, String field, Violations v) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            v.check(false, field, "number-format");
            return null;
        }
    }

    private static void plain(List<String> values, String field, Violations v) {
        if (values == null) {
            return;
        }
        for (String value : values) {
            if (!v.plain(value, field)) {
                return; // once per parameter
            }
        }
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
    }
}
