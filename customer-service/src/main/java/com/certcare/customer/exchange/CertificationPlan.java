package com.certcare.customer.exchange;

import java.util.List;

import com.certcare.customer.certification.Certification;
import com.certcare.customer.certification.CertificationInput;
import com.certcare.customer.certification.CertificationStatus;
import com.certcare.customer.certification.CheckedCertificationInput;
import com.certcare.platform.history.ChangeHistory;

/**
 * One certification row, as planned: a new record ({@code existing} null) or new data for a registered one, in
 * {@code status}; {@code checked} as for {@link CustomerPlan#checked}.
 */
record CertificationPlan(int line, CertificationInput input, CertificationStatus status, Certification existing,
        List<ChangeHistory.Change> changes, CheckedCertificationInput checked) {

    boolean changed() {
        return existing == null || !changes.isEmpty();
    }
}
