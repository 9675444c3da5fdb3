package com.certcare.customer.exchange;

import java.util.ArrayList;
import java.util.List;

import com.certcare.customer.customer.CheckedCustomerInput;
import com.certcare.customer.customer.Customer;
import com.certcare.customer.customer.CustomerInput;
import com.certcare.platform.history.ChangeHistory;

/** One customer of a batch, as planned: its merged input, what that changes, its certification rows, its fate. */
final class CustomerPlan {
    final String creditCode;
    /** The registered customer, or null for a new one. */
    final Customer existing;
    /** Null when an earlier batch already took this customer's data: only its records are read here. */
    CustomerInput input;
    /** The input as the rules passed it; null when it was not checked (nothing to write) or broke a rule. */
    CheckedCustomerInput checked;
    List<ChangeHistory.Change> changes = List.of();
    /** A conflict (changed since the export) that is not overwritten: none of the customer's rows is written. */
    boolean skipped;
    final List<CertificationPlan> certifications = new ArrayList<>();

    CustomerPlan(String creditCode, Customer existing) {
        this.creditCode = creditCode;
        this.existing = existing;
    }

    /** Whether the customer's own data is written: new, or changed by the row. */
    boolean changed() {
        return input != null && (existing == null || !changes.isEmpty());
    }
}
