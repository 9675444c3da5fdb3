package com.certcare.customer.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.certcare.customer.certification.Certification;
import com.certcare.customer.certification.CertificationInput;
import com.certcare.customer.certification.CertificationRules;
import com.certcare.customer.certification.CertificationService;
import com.certcare.customer.certification.CertificationStatus;
import com.certcare.customer.certification.CheckedCertificationInput;
import com.certcare.customer.customer.Customer;
import com.certcare.customer.customer.CustomerInput;
import com.certcare.customer.customer.CustomerRules;
import com.certcare.customer.customer.CustomerService;
import com.certcare.platform.identity.CreditCode;
import com.certcare.platform.history.ChangeHistory;
import com.certcare.platform.problem.Violations;

/**
 * Plans what a batch of rows changes, writing nothing: matches each row to its customer (by credit code) and record
 * (by exported ID, else scheme and numbers), merges the row over the registered data, checks what would be written
 * against the rules, and finds conflicts — rows for data changed since the export, a live scheme or certificate
 * number twice in the file or already taken. A customer or record the row leaves as it is is not checked: data from
 * before a rule (or from a body's old system) does not block the re-import of an unchanged export.
 */
@ApplicationScoped
class LedgerPlanner {

    private final CustomerRules customerRules;
    private final CertificationRules certificationRules;
    private final CustomerService customers;
    private final CertificationService certifications;

    LedgerPlanner(CustomerRules customerRules, CertificationRules certificationRules, CustomerService customers,
            CertificationService certifications) {
        this.customerRules = customerRules;
        this.certificationRules = certificationRules;
        this.customers = customers;
        this.certifications = certifications;
    }

    /** A plan of one file, batch by batch; {@code overwrite}: conflicting rows are written rather than skipped. */
    Pass pass(LedgerLayout layout, boolean overwrite) {
        return new Pass(layout, overwrite);
    }

    /** One pass over a file: what must be known across batches, small per customer or record, never the rows. */
    final class Pass {
        private final LedgerLayout layout;
        private final boolean overwrite;
        private final Map<String, Seen> seen = new HashMap<>();
        private final Map<String, Integer> liveSchemes = new HashMap<>(); // creditCode|scheme -> line
        private final Map<String, Integer> liveCertificates = new HashMap<>(); // certificate number -> line
        private final Map<Long, Integer> matchedRecords = new HashMap<>(); // record id -> line
        private final Set<Long> writtenRecords = new HashSet<>();

        private Pass(LedgerLayout layout, boolean overwrite) {
            this.layout = layout;
            this.overwrite = overwrite;
        }

        /** Plans a batch of rows: one plan per customer, in the order the file first names them. */
        List<CustomerPlan> plan(List<LedgerRow> batch) {
            Map<String, List<LedgerRow>> byCustomer = new LinkedHashMap<>();
            for (LedgerRow cells : batch) {
                String creditCode = CreditCode.normalize(cells.text(LedgerColumn.CREDIT_CODE));
                if (creditCode == null) {
                    cells.error(LedgerColumn.CREDIT_CODE, cells.message("field.required"));
                    continue;
                }
                byCustomer.computeIfAbsent(creditCode, k -> new ArrayList<>()).add(cells);
            }
            Map<String, Customer> registered = existingCustomers(byCustomer.keySet());
            Map<Long, List<Certification>> recordsByCustomer = recordsOf(registered.values());
            List<CustomerPlan> plans = new ArrayList<>();
            Map<String, Integer> batchCertificates = new HashMap<>();
            for (Map.Entry<String, List<LedgerRow>> entry : byCustomer.entrySet()) {
                plans.add(plan(entry.getKey(), entry.getValue(), registered.get(entry.getKey()), recordsByCustomer,
                        batchCertificates));
            }
            checkCertificateNumbers(batchCertificates);
            return plans;
        }

        /** Records this import has created: their certificate numbers are not taken by someone else. */
        void written(Collection<Long> recordIds) {
            writtenRecords.addAll(recordIds);
        }

        private CustomerPlan plan(String creditCode, List<LedgerRow> rows, Customer customer,
                Map<Long, List<Certification>> recordsByCustomer, Map<String, Integer> batchCertificates) {
            CustomerPlan plan = new CustomerPlan(creditCode, customer);
            LedgerRow first = rows.get(0);
            Seen before = seen.get(creditCode);
            if (before == null) {
                plan.input = LedgerMerge.customerInput(first, rows, customer == null ? null : CustomerInput.of(customer));
                if (customer != null) {
                    plan.changes = customers.changes(customer, plan.input);
                }
                // what is not written is not checked (see the class comment)
                if (customer == null || !plan.changes.isEmpty()) {
                    Violations v = new Violations();
                    plan.checked = customerRules.check(plan.input, v, "");
                    first.report(v);
                    first.warnUnlistedCodes(plan.input.professionalCodes());
                }
                if (customer != null) {
                    Integer fileVersion = first.version(LedgerColumn.CUSTOMER_VERSION);
                    if (fileVersion != null && fileVersion != customer.version && !plan.changes.isEmpty()) {
                        layout.findings.conflict(new ImportReport.Conflict(first.line(), customer.creditCode, customer.name,
                                null, fileVersion, customer.version, fieldChanges(plan.changes)));
                        plan.skipped = !overwrite;
                    }
                }
                before = new Seen(first.line(), first.customerData(), plan.skipped);
                seen.put(creditCode, before);
            } else {
                plan.skipped = before.skipped();
            }
            for (LedgerRow later : rows) {
                if (later != first || before.line() != first.line()) {
                    if (later.customerData() != before.customerData()) {
                        later.warn(LedgerColumn.NAME, later.message("field.import-customer-differs", before.line()));
                    }
                }
            }
            if (plan.input == null) { // an earlier batch wrote the customer: codes of its rows without a record come late
                java.util.Set<String> known = customer == null ? Set.of() : customer.professionalCodes;
                for (LedgerRow cells : rows) {
                    List<String> codes = cells.hasRecord() ? null : cells.professionalCodes();
                    if (codes != null && !known.containsAll(codes)) {
                        cells.warn(LedgerColumn.PROFESSIONAL_CODES,
                                cells.message("field.import-customer-differs", before.line()));
                    }
                }
            }
            List<Certification> records = customer == null ? List.of() : recordsByCustomer.getOrDefault(customer.id, List.of());
            for (LedgerRow cells : rows) {
                CertificationPlan c = certificationRow(cells, records);
                if (c == null) {
                    continue;
                }
                if (!CertificationStatus.FINAL.contains(c.status())) {
                    Integer firstLine = liveSchemes.putIfAbsent(creditCode + "|" + c.input().scheme(), cells.line());
                    if (firstLine != null) {
                        cells.error(LedgerColumn.SCHEME, cells.message("field.import-duplicate-in-file", firstLine));
                    }
                }
                String number = c.input().certificateNo() == null ? null
                        : c.input().certificateNo().toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
                if (number != null && CertificationStatus.LIVE_CERTIFICATE.contains(c.status())) {
                    Integer firstLine = liveCertificates.putIfAbsent(number, cells.line());
                    if (firstLine != null) {
                        cells.error(LedgerColumn.CERTIFICATE_NO, cells.message("field.import-duplicate-in-file", firstLine));
                    } else {
                        batchCertificates.put(number, cells.line());
                    }
                }
                Integer fileVersion = cells.version(LedgerColumn.RECORD_VERSION);
                if (c.existing() != null && fileVersion != null && fileVersion != c.existing().version
                        && !c.changes().isEmpty()) {
                    layout.findings.conflict(new ImportReport.Conflict(cells.line(), creditCode,
                            customer != null ? customer.name : plan.input.name(), c.input().scheme(), fileVersion,
                            c.existing().version, fieldChanges(c.changes())));
                    if (!overwrite && !plan.skipped) {
                        plan.skipped = true;
                        seen.put(creditCode, new Seen(before.line(), before.customerData(), true));
                    }
                }
                plan.certifications.add(c);
            }
            return plan;
        }

        /** Live certificate numbers of this batch held by records the file does not speak of. */
        private void checkCertificateNumbers(Map<String, Integer> numbersOfBatch) {
            for (List<String> numbers : chunks(new ArrayList<>(numbersOfBatch.keySet()))) {
                List<Certification> taken = Certification.list("certificateNo in ?1 and status in ?2", numbers,
                        CertificationStatus.LIVE_CERTIFICATE);
                for (Certification c : taken) {
                    if (matchedRecords.containsKey(c.id) || writtenRecords.contains(c.id)) {
                        continue; // the record a row updates keeps its number
                    }
                    layout.findings.error(numbersOfBatch.get(c.certificateNo), layout.header(LedgerColumn.CERTIFICATE_NO),
                            layout.message("problem.certificate-number-taken.detail", c.certificateNo, c.customerId));
                }
            }
        }

        /**
         * The certification a row speaks of, or null for a row without a scheme (customer data only). Matched by
         * the exported record ID; else a live status matches the customer's live record of that scheme, and a
         * closed status a closed record of that scheme with the same certificate and contract numbers; no match
         * is a new record. A record in another status than the row's is an error: status changes are transitions.
         */
        private CertificationPlan certificationRow(LedgerRow cells, List<Certification> records) {
            String scheme = cells.text(LedgerColumn.SCHEME);
            Long recordId = cells.id(LedgerColumn.RECORD_ID);
            if (scheme == null && recordId == null) {
                return null;
            }
            CertificationStatus status = cells.status();
            Certification match = null;
            if (recordId != null) {
                match = records.stream().filter(r -> r.id.equals(recordId)).findFirst().orElse(null);
                if (match == null) {
                    cells.error(LedgerColumn.RECORD_ID, cells.message("field.import-record-not-found", recordId));
                    return null;
                }
            } else if (status == null || !CertificationStatus.FINAL.contains(status)) {
                match = records.stream().filter(r -> r.scheme.equals(scheme) && !CertificationStatus.FINAL.contains(r.status))
                        .findFirst().orElse(null);
            } else {
                String certificateNo = CertificationInput.normalizeNumber(cells.text(LedgerColumn.CERTIFICATE_NO));
                String contractNo = CertificationInput.normalizeNumber(cells.text(LedgerColumn.CONTRACT_NO));
                match = records.stream().filter(r -> r.scheme.equals(scheme) && r.status == status
                        && Objects.equals(r.certificateNo, certificateNo) && Objects.equals(r.contractNo, contractNo))
                        .findFirst().orElse(null);
            }
            if (match != null && status != null && status != match.status) {
                cells.error(LedgerColumn.STATUS, cells.message("field.import-status-differs", match.scheme,
                        match.id, cells.message("status." + match.status.name())));
                return null;
            }
            Integer sameRecord = match == null ? null : matchedRecords.putIfAbsent(match.id, cells.line());
            if (sameRecord != null) {
                cells.error(LedgerColumn.RECORD_ID, cells.message("field.import-duplicate-in-file", sameRecord));
                return null;
            }
            CertificationStatus effective = match != null ? match.status
                    : status != null ? status : CertificationStatus.APPLYING;
            CertificationInput input = LedgerMerge.certificationInput(cells, match == null ? null : CertificationInput.of(match));
            if (input.scheme() == null) {
                cells.error(LedgerColumn.SCHEME, cells.message("field.required"));
                return null;
            }
            List<ChangeHistory.Change> changes = match == null ? List.of() : certifications.changes(match, input);
            CheckedCertificationInput checked = null;
            if (match == null || !changes.isEmpty()) { // as for customers: what is not written is not checked
                Violations v = new Violations();
                checked = certificationRules.check(input, effective, v, "");
                cells.report(v);
                cells.warnUnlistedCodes(input.professionalCodes());
            }
            if (cells.has(LedgerColumn.PLANNED_SURVEILLANCE)) {
                List<LocalDate> planned = cells.dates(LedgerColumn.PLANNED_SURVEILLANCE);
                if (!planned.isEmpty() && (match == null || !planned.equals(match.plannedSurveillance))) {
                    cells.warn(LedgerColumn.PLANNED_SURVEILLANCE, cells.message("field.import-planned-not-read"));
                }
            }
            return new CertificationPlan(cells.line(), input, effective, match, changes, checked);
        }

        /** Each changed field under the column the file names it by, with the value now and the file's. */
        private List<ImportReport.FieldChange> fieldChanges(List<ChangeHistory.Change> changes) {
            return changes.stream().map(c -> new ImportReport.FieldChange(layout.message("column." + switch (c.field()) {
                case "provinceCode" -> "province";
                case "contacts" -> "contactName";
                case "creditCodeOverrideReason" -> "creditCode";
                default -> c.field();
            }), c.before(), c.after())).toList();
        }
    }

    /** A customer the file has named before (in an earlier batch): its first line, data and fate. */
    private record Seen(int line, int customerData, boolean skipped) {
    }

    private static Map<String, Customer> existingCustomers(Set<String> creditCodes) {
        Map<String, Customer> found = new HashMap<>();
        for (List<String> codes : chunks(new ArrayList<>(creditCodes))) {
            for (Customer c : Customer.<Customer> list("creditCode in ?1", codes)) {
                found.put(c.creditCode, c);
            }
        }
        return found;
    }

    private static Map<Long, List<Certification>> recordsOf(Collection<Customer> registered) {
        Map<Long, List<Certification>> byCustomer = new HashMap<>();
        for (List<Long> ids : chunks(registered.stream().map(c -> c.id).toList())) {
            for (Certification c : Certification.<Certification> list("customerId in ?1 order by id", ids)) {
                byCustomer.computeIfAbsent(c.customerId, k -> new ArrayList<>()).add(c);
            }
        }
        return byCustomer;
    }

    /** Lists of at most 1,000, for {@code in} lists a statement can take. */
    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 1000)));
        }
        return chunks;
    }
}
