package com.certcare.customer.exchange;

import java.util.ArrayList;
import java.util.List;

import com.certcare.customer.client.CheckedClientInput;
import com.certcare.customer.client.Client;
import com.certcare.customer.client.ClientInput;
import com.certcare.platform.history.ChangeHistory;

/** One client of a batch, as planned: its merged input, what that changes, its certification rows, its fate. */
final class ClientPlan {
    final String creditCode;
    /** The registered client, or null for a new one. */
    final Client existing;
    /** Null when an earlier batch already took this client's data: only its records are read here. */
    ClientInput input;
    /** The input as the rules passed it; null when it was not checked (nothing to write) or broke a rule. */
    CheckedClientInput checked;
    List<ChangeHistory.Change> changes = List.of();
    /** A conflict (changed since the export) that is not overwritten: none of the client's rows is written. */
    boolean skipped;
    final List<CertificationPlan> certifications = new ArrayList<>();

    ClientPlan(String creditCode, Client existing) {
        this.creditCode = creditCode;
        this.existing = existing;
    }

    /** Whether the client's own data is written: new, or changed by the row. */
    boolean changed() {
        return input != null && (existing == null || !changes.isEmpty());
    }
}
