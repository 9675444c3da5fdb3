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
import com.certcare.customer.client.Client;
import com.certcare.customer.client.ClientInput;
import com.certcare.customer.client.ClientRules;
import com.certcare.customer.client.ClientService;
import com.certcare.customer.identity.CreditCode;
import com.certcare.platform.history.ChangeHistory;
import com.certcare.platform.problem.Violations;

/**
 * Plans what a batch of rows changes, writing nothing: matches each row to its client (by credit code) and record
 * (by exported ID, else scheme and numbers), merges the row over the registered data, checks what would be written
 * against the rules, and finds conflicts — rows for data changed since the export, a live scheme or certificate
 * number twice in the file or already taken. A client or record the row leaves as it is is not checked: data from
 * before a rule (or from a body's old system) does not block the re-import of an unchanged export.
 */
@ApplicationScoped
class LedgerPlanner {

    private final ClientRules clientRules;
    private final CertificationRules certificationRules;
    private final ClientService clients;
    private final CertificationService certifications;

    LedgerPlanner(ClientRules clientRules, CertificationRules certificationRules, ClientService clients,
            CertificationService certifications) {
        this.clientRules = clientRules;
        this.certificationRules = certificationRules;
        this.clients = clients;
        this.certifications = certifications;
    }

    /** A plan of one file, batch by batch; {@code overwrite}: conflicting rows are written rather than skipped. */
    Pass pass(LedgerLayout layout, boolean overwrite) {
        return new Pass(layout, overwrite);
    }

    /** One pass over a file: what must be known across batches, small per client or record, never the rows. */
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

        /** Plans a batch of rows: one plan per client, in the order the file first names them. */
        List<ClientPlan> plan(List<LedgerRow> batch) {
            Map<String, List<LedgerRow>> byClient = new LinkedHashMap<>();
            for (LedgerRow cells : batch) {
                String creditCode = CreditCode.normalize(cells.text(LedgerColumn.CREDIT_CODE));
                if (creditCode == null) {
                    cells.error(LedgerColumn.CREDIT_CODE, cells.message("field.required"));
                    continue;
                }
                byClient.computeIfAbsent(creditCode, k -> new ArrayList<>()).add(cells);
            }
            Map<String, Client> registered = existingClients(byClient.keySet());
            Map<Long, List<Certification>> recordsByClient = recordsOf(registered.values());
            List<ClientPlan> plans = new ArrayList<>();
            Map<String, Integer> batchCertificates = new HashMap<>();
            for (Map.Entry<String, List<LedgerRow>> entry : byClient.entrySet()) {
                plans.add(plan(entry.getKey(), entry.getValue(), registered.get(entry.getKey()), recordsByClient,
                        batchCertificates));
            }
            checkCertificateNumbers(batchCertificates);
            return plans;
        }

        /** Records this import has created: their certificate numbers are not taken by someone else. */
        void written(Collection<Long> recordIds) {
            writtenRecords.addAll(recordIds);
        }

        private ClientPlan plan(String creditCode, List<LedgerRow> rows, Client client,
                Map<Long, List<Certification>> recordsByClient, Map<String, Integer> batchCertificates) {
            ClientPlan plan = new ClientPlan(creditCode, client);
            LedgerRow first = rows.get(0);
            Seen before = seen.get(creditCode);
            if (before == null) {
                plan.input = LedgerMerge.clientInput(first, client == null ? null : ClientInput.of(client));
                if (client != null) {
                    plan.changes = clients.changes(client, plan.input);
                }
                // what is not written is not checked (see the class comment)
                if (client == null || !plan.changes.isEmpty()) {
                    Violations v = new Violations();
                    plan.checked = clientRules.check(plan.input, v, "");
                    first.report(v);
                    first.warnUnlistedCodes(plan.input.professionalCodes());
                }
                if (client != null) {
                    Integer fileVersion = first.version(LedgerColumn.CLIENT_VERSION);
                    if (fileVersion != null && fileVersion != client.version && !plan.changes.isEmpty()) {
                        layout.findings.conflict(new ImportReport.Conflict(first.line(), client.creditCode, client.name,
                                null, fileVersion, client.version, fieldChanges(plan.changes)));
                        plan.skipped = !overwrite;
                    }
                }
                before = new Seen(first.line(), first.clientData(), plan.skipped);
                seen.put(creditCode, before);
            } else {
                plan.skipped = before.skipped();
            }
            for (LedgerRow later : rows) {
                if (later != first || before.line() != first.line()) {
                    if (later.clientData() != before.clientData()) {
                        later.warn(LedgerColumn.NAME, later.message("field.import-client-differs", before.line()));
                    }
                }
            }
            List<Certification> records = client == null ? List.of() : recordsByClient.getOrDefault(client.id, List.of());
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
                            client != null ? client.name : plan.input.name(), c.input().scheme(), fileVersion,
                            c.existing().version, fieldChanges(c.changes())));
                    if (!overwrite && !plan.skipped) {
                        plan.skipped = true;
                        seen.put(creditCode, new Seen(before.line(), before.clientData(), true));
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
                            layout.message("problem.certificate-number-taken.detail", c.certificateNo, c.clientId));
                }
            }
        }

        /**
         * The certification a row speaks of, or null for a row without a scheme (client data only). Matched by
         * the exported record ID; else a live status matches the client's live record of that scheme, and a
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
            if (match == null || !changes.isEmpty()) { // as for clients: what is not written is not checked
                Violations v = new Violations();
                checked = certificationRules.check(input, effective, v, "");
                cells.report(v);
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

    /** A client the file has named before (in an earlier batch): its first line, data and fate. */
    private record Seen(int line, int clientData, boolean skipped) {
    }

    private static Map<String, Client> existingClients(Set<String> creditCodes) {
        Map<String, Client> found = new HashMap<>();
        for (List<String> codes : chunks(new ArrayList<>(creditCodes))) {
            for (Client c : Client.<Client> list("creditCode in ?1", codes)) {
                found.put(c.creditCode, c);
            }
        }
        return found;
    }

    private static Map<Long, List<Certification>> recordsOf(Collection<Client> registered) {
        Map<Long, List<Certification>> byClient = new HashMap<>();
        for (List<Long> ids : chunks(registered.stream().map(c -> c.id).toList())) {
            for (Certification c : Certification.<Certification> list("clientId in ?1 order by id", ids)) {
                byClient.computeIfAbsent(c.clientId, k -> new ArrayList<>()).add(c);
            }
        }
        return byClient;
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
