package com.certcare.customer.search;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

import com.certcare.customer.certification.CertificationStatus;

/**
 * The filters of the customer list, its statistics and its export, all combinable. Certification
 * filters (status, scheme, dates, fees) must hold for one and the same certification record.
 */
public class CustomerFilter {

    @RestQuery
    @Parameter(description = "Free text: name, credit code, certificate or contract number, contact; Chinese substrings match")
    public String q;

    @RestQuery
    @Parameter(description = "GB/T 2260 province codes, e.g. 330000 (repeatable)")
    public List<String> province;

    @RestQuery
    @Parameter(description = "Certification statuses (repeatable)")
    public List<CertificationStatus> status;

    @RestQuery
    @Parameter(description = "Scheme codes, e.g. QMS (repeatable)")
    public List<String> scheme;

    @RestQuery
    @Parameter(description = "Professional code (专业代码), e.g. 33.02.01")
    public String professionalCode;

    @RestQuery
    public LocalDate auditFrom;
    @RestQuery
    public LocalDate auditTo;
    @RestQuery
    public LocalDate surveillanceFrom;
    @RestQuery
    public LocalDate surveillanceTo;
    @RestQuery
    public LocalDate expiresFrom;
    @RestQuery
    public LocalDate expiresTo;
    @RestQuery
    public BigDecimal initialFeeMin;
    @RestQuery
    public BigDecimal initialFeeMax;
    @RestQuery
    public BigDecimal surveillanceFeeMin;
    @RestQuery
    public BigDecimal surveillanceFeeMax;

    boolean hasCertificationCriteria() {
        return notEmpty(status) || notEmpty(scheme) || auditFrom != null || auditTo != null
                || surveillanceFrom != null || surveillanceTo != null || expiresFrom != null || expiresTo != null
                || initialFeeMin != null || initialFeeMax != null || surveillanceFeeMin != null
                || surveillanceFeeMax != null;
    }

    private static boolean notEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }
}
