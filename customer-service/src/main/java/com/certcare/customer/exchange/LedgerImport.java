package com.certcare.customer.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import com.certcare.customer.certification.Certification;
import com.certcare.customer.certification.CertificationInput;
import com.certcare.customer.certification.CertificationRules;
import com.certcare.customer.certification.CertificationService;
import com.certcare.customer.certification.CertificationStatus;
import com.certcare.customer.certification.CertificationSummary;
import com.certcare.customer.certification.CheckedCertificationInput;
import com.certcare.customer.client.CheckedClientInput;
import com.certcare.customer.client.Client;
import com.certcare.customer.client.ClientInput;
import com.certcare.customer.client.ClientRules;
import com.certcare.customer.client.ClientService;
import com.certcare.customer.client.Contact;
import com.certcare.customer.history.History;
import com.certcare.customer.identity.CreditCode;
import com.certcare.customer.reference.ReferenceData;
import com.certcare.customer.reference.ReferenceEntry;
import com.certcare.platform.problem.Messages;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Imports a ledger file. What the import promises the market department:
 * <ul>
 * <li>A row changes only the fields whose columns the file has; a column the file lacks leaves the field as it
 * is. Contacts the file does not name are kept, with their roles; the contact a row names becomes the primary
 * one. A registered client or record the file would not change counts as unchanged and is not written.</li>
 * <li>Rows are matched to records by the exported record ID, else by scheme (the live record) or by scheme and
 * numbers (a closed one); only a record in the same status is updated: status changes are transitions.</li>
 * <li>A file exported earlier carries versions: a row for a client or record changed in CertCare since is a
 * conflict, listed with the fields it would change, and skipped (its client's rows all) unless the caller
 * chooses to overwrite.</li>
 * <li>Every bad cell is reported by line; a commit writes every other row in one transaction, or — if any
 * cell is bad — nothing. Headings that name no column are reported, never dropped silently.</li>
 * <li>One import commits at a time (409 for a second); a row that someone changes while the import writes ends
 * it with 409 and nothing written.</li>
 * </ul>
 */
@ApplicationScoped
public class LedgerImport {

    /** Rows checked (and, committing, written) together; memory holds one batch, not the file. */
    private static final int BATCH = 500;
    private static final int PREVIEW_ROWS = 5;
    private static final int PREVIEW_CELL = 200;
    /** pg_try_advisory_xact_lock key held by a committing import ("CCimport"). */
    private static final long IMPORT_LOCK = 0x4343_696d_706f_7274L;
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyy-M-d"), DateTimeFormatter.ofPattern("yyyy年M月d日"));
    private static final List<LedgerColumn> CLIENT_COLUMNS = List.of(LedgerColumn.NAME, LedgerColumn.PROVINCE,
            LedgerColumn.CITY, LedgerColumn.ADDRESS, LedgerColumn.POSTAL_CODE, LedgerColumn.CONTACT_NAME,
            LedgerColumn.CONTACT_PHONE, LedgerColumn.CONTACT_EMAIL, LedgerColumn.PROFESSIONAL_CODES,
            LedgerColumn.REMARKS);

    private final Messages messages;
    private final ReferenceData reference;
    private final ClientRules clientRules;
    private final CertificationRules certificationRules;
    private final ClientService clients;
    private final CertificationService certifications;
    private final EntityManager em;
    private final CertificationSummary summary;
    private final ImportLimits limits;
    private final LedgerHeadings headings;

    LedgerImport(Messages messages, ReferenceData reference, ClientRules clientRules,
            CertificationRules certificationRules, ClientService clients, CertificationService certifications,
            EntityManager em, CertificationSummary summary, ImportLimits limits, LedgerHeadings headings) {
        this.messages = messages;
        this.reference = reference;
        this.clientRules = clientRules;
        this.certificationRules = certificationRules;
        this.clients = clients;
        this.certifications = certifications;
        this.em = em;
        this.summary = summary;
        this.limits = limits;
        this.headings = headings;
    }

    /** How the caller wants the file read and conflicts treated. */
    public record Options(LedgerExport.Format format, String encoding, boolean overwrite, Locale locale) {
    }

    /** One client of a batch: its first row here, the merged input, and its certification rows. */
    private static final class ClientPlan {
        final String creditCode;
        final Client existing;
        /** Null when an earlier batch already took this client's data: only its records are read here. */
        ClientInput input;
        /** The input as the rules passed it; null when it was not checked (nothing to write) or broke a rule. */
        CheckedClientInput checked;
        List<History.Change> changes = List.of();
        boolean skipped;
        final List<CertificationPlan> certifications = new ArrayList<>();

        ClientPlan(String creditCode, Client existing) {
            this.creditCode = creditCode;
            this.existing = existing;
        }

        boolean changed() {
            return input != null && (existing == null || !changes.isEmpty());
        }
    }

    /**
     * One certification row: a new record ({@code existing} null) or new data for a registered one; {@code checked}
     * as for {@link ClientPlan#checked}.
     */
    private record CertificationPlan(int line, CertificationInput input, CertificationStatus status,
            Certification existing, List<History.Change> changes, CheckedCertificationInput checked) {

        boolean changed() {
            return existing == null || !changes.isEmpty();
        }
    }

    /** A client the file has named before (in an earlier batch): its first line, data and fate. */
    private record Seen(int line, int clientData, boolean skipped) {
    }

    /** Errors and warnings found, each list capped (the counts are not). */
    private final class Findings {
        final List<ImportReport.RowError> errors = new ArrayList<>();
        final List<ImportReport.RowError> warnings = new ArrayList<>();
        int errorCount;
        int warningCount;

        void error(int line, String column, String message) {
            if (errorCount++ < limits.maxReported()) {
                errors.add(new ImportReport.RowError(line, column, message));
            }
        }

        void warn(int line, String column, String message) {
            if (warningCount++ < limits.maxReported()) {
                warnings.add(new ImportReport.RowError(line, column, message));
            }
        }
    }

    public ImportReport dryRun(InputStream file, Options options) throws IOException {
        Run run = new Run(options, null);
        run.encoding = read(file, options, run::accept);
        run.end();
        return run.report(true, false);
    }

    /**
     * Checks and writes batch by batch in one transaction, so memory stays flat however long the file: once a
     * bad cell is found nothing more is written, the rest is still checked, and the 400 rolls everything back.
     */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public ImportReport commit(InputStream file, Options options, String actor) throws IOException {
        takeImportLock();
        // checked in the plan: from here on few lookups, and inserts go out in ordered batches
        em.unwrap(org.hibernate.Session.class).setHibernateFlushMode(org.hibernate.FlushMode.COMMIT);
        Run run = new Run(options, actor);
        run.encoding = read(file, options, run::accept);
        run.end();
        if (run.findings.errorCount > 0) {
            List<ProblemException.Violation> violations = run.sortedErrors().stream()
                    .map(e -> new ProblemException.Violation("line " + e.line() + ": " + e.column(), "import-cell",
                            e.message()))
                    .toList();
            throw new ProblemException(400, "import-rejected", violations, run.findings.errorCount);
        }
        em.flush(); // a row changed meanwhile fails here (409), not in the commit after the method returns
        return run.report(false, true);
    }

    private String read(InputStream file, Options options, java.util.function.Consumer<LedgerReader.Row> sink)
            throws IOException {
        return options.format() == LedgerExport.Format.CSV ? LedgerReader.csv(file, limits, options.encoding(), sink)
                : LedgerReader.xlsx(file, limits, sink);
    }

    /**
     * The entity as loaded now, refused (409) if someone changed it since the check read it: after a clear the
     * import would otherwise take the newer version and overwrite that change.
     */
    private static <T extends com.certcare.platform.persistence.AuditedEntity> T current(T entity, int checkedVersion) {
        if (entity == null || entity.version != checkedVersion) {
            throw new OptimisticLockException("changed while the import ran");
        }
        return entity;
    }

    /** One committing import at a time; the lock goes with the transaction. A row lock waits at most 10 s. */
    private void takeImportLock() {
        Object taken = em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, IMPORT_LOCK)
                .getSingleResult();
        if (!Boolean.TRUE.equals(taken)) {
            throw new ProblemException(409, "import-running").retryAfter(java.time.Duration.ofSeconds(10));
        }
        em.createNativeQuery("set local lock_timeout = '10s'").executeUpdate();
    }

    /** One pass over a file: rows arrive one by one and are checked (and, committing, written) in batches. */
    private final class Run {
        final Options options;
        final Locale locale;
        /** Who commits; null for a dry run. */
        final String actor;
        final Findings findings = new Findings();
        String encoding;
        Map<LedgerColumn, Integer> columns;
        final List<String> ignored = new ArrayList<>();
        final List<List<String>> preview = new ArrayList<>();
        boolean headerless;
        int dataRows;
        List<Cells> batch = new ArrayList<>();
        // what must be known across batches: small per client or record, never the rows themselves
        final Map<String, Seen> seen = new HashMap<>();
        final Map<String, Integer> liveSchemes = new HashMap<>(); // creditCode|scheme -> line
        final Map<String, Integer> liveCertificates = new HashMap<>(); // certificate number -> line
        final Map<Long, Integer> matchedRecords = new HashMap<>(); // record id -> line
        final Set<Long> writtenRecords = new HashSet<>();
        final List<ImportReport.Conflict> conflicts = new ArrayList<>();
        int conflictCount;
        int newClients;
        int updatedClients;
        int unchangedClients;
        int newRecords;
        int updatedRecords;
        int unchangedRecords;

        Run(Options options, String actor) {
            this.options = options;
            this.locale = options.locale();
            this.actor = actor;
        }

        void accept(LedgerReader.Row row) {
            if (preview.size() <= PREVIEW_ROWS) {
                preview.add(row.cells().stream().map(c -> c == null ? "" : c.length() > PREVIEW_CELL
                        ? c.substring(0, PREVIEW_CELL) + "…" : c).toList());
            }
            if (columns == null) {
                columns = columns(row, ignored, findings, locale);
                if (!columns.containsKey(LedgerColumn.CREDIT_CODE)) {
                    String header = LedgerColumn.CREDIT_CODE.header(messages, locale);
                    findings.error(row.line(), header, messages.get(locale, "field.import-header-missing", header));
                    headerless = true;
                }
                return;
            }
            if (row.blank()) {
                return;
            }
            dataRows++;
            if (headerless) {
                return;
            }
            batch.add(new Cells(row, columns, findings, locale));
            if (batch.size() >= BATCH) {
                batch();
            }
        }

        void end() {
            if (columns == null) {
                findings.error(1, "", messages.get(locale, "field.required"));
                return;
            }
            if (!batch.isEmpty()) {
                batch();
            }
        }

        List<ImportReport.RowError> sortedErrors() {
            List<ImportReport.RowError> sorted = new ArrayList<>(findings.errors);
            sorted.sort(ROW_ORDER);
            return sorted;
        }

        ImportReport report(boolean dryRun, boolean committed) {
            List<ImportReport.RowError> warnings = new ArrayList<>(findings.warnings);
            warnings.sort(ROW_ORDER);
            conflicts.sort(java.util.Comparator.comparingInt(ImportReport.Conflict::line));
            return new ImportReport(dryRun, committed, encoding, dataRows, newClients, updatedClients,
                    unchangedClients, newRecords, updatedRecords, unchangedRecords, newRecords + updatedRecords,
                    ignored, sortedErrors(), findings.errorCount, warnings, findings.warningCount, conflicts,
                    conflictCount, options.overwrite(), preview);
        }

        /** Checks the rows gathered, writes them when committing and nothing is wrong so far, and lets go of them. */
        private void batch() {
            Map<String, List<Cells>> byClient = new LinkedHashMap<>();
            for (Cells cells : batch) {
                String creditCode = CreditCode.normalize(cells.text(LedgerColumn.CREDIT_CODE));
                if (creditCode == null) {
                    cells.error(LedgerColumn.CREDIT_CODE, messages.get(locale, "field.required"));
                    continue;
                }
                byClient.computeIfAbsent(creditCode, k -> new ArrayList<>()).add(cells);
            }
            batch = new ArrayList<>();
            Map<String, Client> registered = existingClients(byClient.keySet());
            Map<Long, List<Certification>> recordsByClient = recordsOf(registered.values());
            List<ClientPlan> plans = new ArrayList<>();
            Map<String, Integer> batchCertificates = new HashMap<>();
            for (Map.Entry<String, List<Cells>> entry : byClient.entrySet()) {
                ClientPlan plan = plan(entry.getKey(), entry.getValue(), registered.get(entry.getKey()),
                        recordsByClient, batchCertificates);
                plans.add(plan);
            }
            checkCertificateNumbers(batchCertificates);
            count(plans);
            if (actor != null && findings.errorCount == 0) {
                write(plans);
            }
            em.clear(); // the batch's entities go; what later batches need is in the maps above
        }

        private ClientPlan plan(String creditCode, List<Cells> rows, Client client,
                Map<Long, List<Certification>> recordsByClient, Map<String, Integer> batchCertificates) {
            ClientPlan plan = new ClientPlan(creditCode, client);
            Cells first = rows.get(0);
            Seen before = seen.get(creditCode);
            if (before == null) {
                plan.input = clientInput(first, client == null ? null : ClientInput.of(client));
                if (client != null) {
                    plan.changes = clients.changes(client, plan.input);
                }
                // a registered client the row leaves as it is is not written, so not checked: data from before
                // a rule (or from a body's old system) does not block the re-import of an unchanged export
                if (client == null || !plan.changes.isEmpty()) {
                    Violations v = new Violations();
                    plan.checked = clientRules.check(plan.input, v, "");
                    first.report(v);
                    first.warnUnlistedCodes(plan.input.professionalCodes());
                }
                if (client != null) {
                    Integer fileVersion = first.version(LedgerColumn.CLIENT_VERSION);
                    if (fileVersion != null && fileVersion != client.version && !plan.changes.isEmpty()) {
                        conflict(new ImportReport.Conflict(first.row.line(), client.creditCode, client.name, null,
                                fileVersion, client.version, fieldChanges(plan.changes, locale)));
                        plan.skipped = !options.overwrite();
                    }
                }
                before = new Seen(first.row.line(), first.clientData(), plan.skipped);
                seen.put(creditCode, before);
            } else {
                plan.skipped = before.skipped();
            }
            for (Cells later : rows) {
                if (later != first || before.line() != first.row.line()) {
                    if (later.clientData() != before.clientData()) {
                        later.warn(LedgerColumn.NAME, messages.get(locale, "field.import-client-differs", before.line()));
                    }
                }
            }
            List<Certification> records = client == null ? List.of() : recordsByClient.getOrDefault(client.id, List.of());
            for (Cells cells : rows) {
                CertificationPlan c = certificationRow(cells, records);
                if (c == null) {
                    continue;
                }
                if (!CertificationStatus.FINAL.contains(c.status())) {
                    Integer firstLine = liveSchemes.putIfAbsent(creditCode + "|" + c.input().scheme(), cells.row.line());
                    if (firstLine != null) {
                        cells.error(LedgerColumn.SCHEME, messages.get(locale, "field.import-duplicate-in-file", firstLine));
                    }
                }
                String number = c.input().certificateNo() == null ? null
                        : c.input().certificateNo().toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
                if (number != null && CertificationStatus.LIVE_CERTIFICATE.contains(c.status())) {
                    Integer firstLine = liveCertificates.putIfAbsent(number, cells.row.line());
                    if (firstLine != null) {
                        cells.error(LedgerColumn.CERTIFICATE_NO, messages.get(locale, "field.import-duplicate-in-file", firstLine));
                    } else {
                        batchCertificates.put(number, cells.row.line());
                    }
                }
                Integer fileVersion = cells.version(LedgerColumn.RECORD_VERSION);
                if (c.existing() != null && fileVersion != null && fileVersion != c.existing().version
                        && !c.changes().isEmpty()) {
                    conflict(new ImportReport.Conflict(cells.row.line(), creditCode,
                            client != null ? client.name : plan.input.name(), c.input().scheme(), fileVersion,
                            c.existing().version, fieldChanges(c.changes(), locale)));
                    if (!options.overwrite() && !plan.skipped) {
                        plan.skipped = true;
                        seen.put(creditCode, new Seen(before.line(), before.clientData(), true));
                    }
                }
                plan.certifications.add(c);
            }
            return plan;
        }

        private void conflict(ImportReport.Conflict conflict) {
            if (conflictCount++ < limits.maxReported()) {
                conflicts.add(conflict);
            }
        }

        private void count(List<ClientPlan> plans) {
            for (ClientPlan p : plans) {
                if (p.skipped) {
                    continue;
                }
                if (p.input != null) {
                    if (p.existing == null) {
                        newClients++;
                    } else if (p.changes.isEmpty()) {
                        unchangedClients++;
                    } else {
                        updatedClients++;
                    }
                }
                for (CertificationPlan c : p.certifications) {
                    if (c.existing() == null) {
                        newRecords++;
                    } else if (c.changes().isEmpty()) {
                        unchangedRecords++;
                    } else {
                        updatedRecords++;
                    }
                }
            }
        }

        private void write(List<ClientPlan> plans) {
            List<Long> withNewRecords = new ArrayList<>();
            for (ClientPlan p : plans) {
                if (p.skipped || !p.changed() && p.certifications.stream().noneMatch(CertificationPlan::changed)) {
                    continue;
                }
                Client client;
                if (p.existing == null) {
                    client = clients.apply(null, p.checked, actor, "import",
                            CertificationSummary.of(p.certifications.stream().map(c -> c.input().scheme()).toList(),
                                    p.certifications.stream().map(CertificationPlan::status).toList()),
                            CertificationSummary.liveExpiry(p.certifications.stream().map(c -> c.input().expiresOn()).toList(),
                                    p.certifications.stream().map(CertificationPlan::status).toList()));
                } else {
                    client = current(Client.findById(p.existing.id), p.existing.version);
                    if (p.changed()) {
                        clients.apply(client, p.checked, actor, "import", List.of(), null);
                    }
                }
                boolean newRecords = false;
                for (CertificationPlan c : p.certifications) {
                    if (c.existing() == null) {
                        writtenRecords.add(certifications.recordInBatch(client.id, c.checked(), actor, "import").id);
                        newRecords = true;
                    } else if (!c.changes().isEmpty()) {
                        Certification record = current(Certification.findById(c.existing().id), c.existing().version);
                        certifications.update(client.id, record.id, c.input().withVersion(record.version), actor);
                    }
                }
                if (p.existing != null && newRecords) {
                    withNewRecords.add(client.id);
                }
            }
            summary.refresh(withNewRecords); // flushes the batch too
            em.flush();
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
                    findings.error(numbersOfBatch.get(c.certificateNo), LedgerColumn.CERTIFICATE_NO.header(messages, locale),
                            messages.get(locale, "problem.certificate-number-taken.detail", c.certificateNo, c.clientId));
                }
            }
        }

        /**
         * The certification a row speaks of, or null for a row without a scheme (client data only). Matched by
         * the exported record ID; else a live status matches the client's live record of that scheme, and a
         * closed status a closed record of that scheme with the same certificate and contract numbers; no match
         * is a new record. A record in another status than the row's is an error: status changes are transitions.
         */
        private CertificationPlan certificationRow(Cells cells, List<Certification> records) {
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
                    cells.error(LedgerColumn.RECORD_ID, messages.get(locale, "field.import-record-not-found", recordId));
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
                cells.error(LedgerColumn.STATUS, messages.get(locale, "field.import-status-differs", match.scheme,
                        match.id, messages.get(locale, "status." + match.status.name())));
                return null;
            }
            Integer sameRecord = match == null ? null : matchedRecords.putIfAbsent(match.id, cells.row.line());
            if (sameRecord != null) {
                cells.error(LedgerColumn.RECORD_ID, messages.get(locale, "field.import-duplicate-in-file", sameRecord));
                return null;
            }
            CertificationStatus effective = match != null ? match.status
                    : status != null ? status : CertificationStatus.APPLYING;
            CertificationInput input = certificationInput(cells, match == null ? null : CertificationInput.of(match));
            if (input.scheme() == null) {
                cells.error(LedgerColumn.SCHEME, messages.get(locale, "field.required"));
                return null;
            }
            List<History.Change> changes = match == null ? List.of() : certifications.changes(match, input);
            CheckedCertificationInput checked = null;
            if (match == null || !changes.isEmpty()) { // as for clients: what is not written is not checked
                Violations v = new Violations();
                checked = certificationRules.check(input, effective, v, "");
                cells.report(v);
            }
            if (cells.has(LedgerColumn.PLANNED_SURVEILLANCE)) {
                List<LocalDate> planned = cells.dates(LedgerColumn.PLANNED_SURVEILLANCE);
                if (!planned.isEmpty() && (match == null || !planned.equals(match.plannedSurveillance))) {
                    cells.warn(LedgerColumn.PLANNED_SURVEILLANCE, messages.get(locale, "field.import-planned-not-read"));
                }
            }
            return new CertificationPlan(cells.row.line(), input, effective, match, changes, checked);
        }
    }

    private static final java.util.Comparator<ImportReport.RowError> ROW_ORDER = java.util.Comparator
            .comparingInt(ImportReport.RowError::line).thenComparing(e -> e.column() == null ? "" : e.column());

    private List<ImportReport.FieldChange> fieldChanges(List<History.Change> changes, Locale locale) {
        return changes.stream().map(c -> new ImportReport.FieldChange(messages.get(locale, "column." + switch (c.field()) {
            case "provinceCode" -> "province";
            case "contacts" -> "contactName";
            case "creditCodeOverrideReason" -> "creditCode";
            default -> c.field();
        }), c.before(), c.after())).toList();
    }

    private Map<String, Client> existingClients(Set<String> creditCodes) {
        Map<String, Client> found = new HashMap<>();
        for (List<String> codes : chunks(new ArrayList<>(creditCodes))) {
            for (Client c : Client.<Client> list("creditCode in ?1", codes)) {
                found.put(c.creditCode, c);
            }
        }
        return found;
    }

    private static Map<Long, List<Certification>> recordsOf(java.util.Collection<Client> registered) {
        Map<Long, List<Certification>> byClient = new HashMap<>();
        for (List<Long> ids : chunks(registered.stream().map(c -> c.id).toList())) {
            for (Certification c : Certification.<Certification> list("clientId in ?1 order by id", ids)) {
                byClient.computeIfAbsent(c.clientId, k -> new ArrayList<>()).add(c);
            }
        }
        return byClient;
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 1000)));
        }
        return chunks;
    }

    /** The client as the row has it: the file's columns over the registered data ({@code base}, null if new). */
    private ClientInput clientInput(Cells cells, ClientInput base) {
        ClientInput b = base != null ? base
                : new ClientInput(null, null, null, null, null, null, null, List.of(), List.of(), null, null);
        List<String> codes = b.professionalCodes();
        if (cells.has(LedgerColumn.PROFESSIONAL_CODES)) {
            String text = cells.text(LedgerColumn.PROFESSIONAL_CODES);
            codes = text == null ? List.of()
                    : Arrays.stream(text.split("[;；,，、\\s]+")).filter(s -> !s.isBlank()).distinct().toList();
        }
        return new ClientInput(cells.pick(LedgerColumn.NAME, b.name()), cells.text(LedgerColumn.CREDIT_CODE),
                b.creditCodeOverrideReason(),
                cells.has(LedgerColumn.PROVINCE) ? cells.province() : b.provinceCode(),
                cells.pick(LedgerColumn.CITY, b.city()), cells.pick(LedgerColumn.ADDRESS, b.address()),
                cells.pick(LedgerColumn.POSTAL_CODE, b.postalCode()), contacts(cells, b.contacts()), codes,
                cells.pick(LedgerColumn.REMARKS, b.remarks()), b.version());
    }

    /**
     * The registered contacts with the row's contact merged in: the contact the row names (by name; without a
     * name, the primary one) gets the row's phone and email where the file has those columns, keeps its role,
     * and becomes the primary contact; a name not registered is added. No contact is removed.
     */
    private static List<Contact> contacts(Cells cells, List<Contact> base) {
        List<Contact> contacts = new ArrayList<>(base == null ? List.of() : base);
        String name = cells.text(LedgerColumn.CONTACT_NAME);
        String phone = cells.text(LedgerColumn.CONTACT_PHONE);
        String email = cells.text(LedgerColumn.CONTACT_EMAIL);
        int target = -1;
        for (int i = 0; i < contacts.size(); i++) {
            Contact c = contacts.get(i);
            if (name != null ? name.equals(c.name() == null ? null : c.name().strip()) : c.primary()) {
                target = i;
                break;
            }
        }
        if (target < 0) {
            if (name == null && phone == null && email == null) {
                return contacts;
            }
            contacts.replaceAll(c -> new Contact(c.name(), c.role(), c.phone(), c.email(), false));
            contacts.add(0, new Contact(name, null, phone, email, true));
            return contacts;
        }
        Contact c = contacts.get(target);
        Contact merged = new Contact(c.name(), c.role(),
                cells.has(LedgerColumn.CONTACT_PHONE) ? phone : c.phone(),
                cells.has(LedgerColumn.CONTACT_EMAIL) ? email : c.email(), true);
        for (int i = 0; i < contacts.size(); i++) {
            Contact other = contacts.get(i);
            contacts.set(i, i == target ? merged
                    : other.primary() ? new Contact(other.name(), other.role(), other.phone(), other.email(), false) : other);
        }
        return contacts;
    }

    /** The record as the row has it: the file's columns over the registered record ({@code base}, null if new). */
    private static CertificationInput certificationInput(Cells cells, CertificationInput base) {
        CertificationInput b = base != null ? base
                : CertificationInput.builder().auditDates(new CertificationInput.AuditDates(null, null, List.of(), List.of()))
                        .build();
        CertificationInput.AuditDates d = b.auditDates();
        // read in column order: a cell that cannot be read is reported as it is met
        CertificationInput.Builder in = b.toBuilder().status(null)
                .scheme(cells.pick(LedgerColumn.SCHEME, b.scheme()))
                .contractNo(cells.pick(LedgerColumn.CONTRACT_NO, b.contractNo()))
                .certificateNo(cells.pick(LedgerColumn.CERTIFICATE_NO, b.certificateNo()))
                .scope(cells.pick(LedgerColumn.SCOPE, b.scope()))
                .scopeEn(cells.pick(LedgerColumn.SCOPE_EN, b.scopeEn()));
        if (cells.has(LedgerColumn.APPLICATION_ACCEPTED_ON)) {
            in.applicationAcceptedOn(cells.date(LedgerColumn.APPLICATION_ACCEPTED_ON));
        }
        if (cells.has(LedgerColumn.DECISION_ON)) {
            in.decisionOn(cells.date(LedgerColumn.DECISION_ON));
        }
        in.auditDates(new CertificationInput.AuditDates(
                cells.has(LedgerColumn.STAGE1_ON) ? cells.date(LedgerColumn.STAGE1_ON) : d.stage1(),
                cells.has(LedgerColumn.STAGE2_ON) ? cells.date(LedgerColumn.STAGE2_ON) : d.stage2(),
                cells.has(LedgerColumn.SURVEILLANCE_AUDIT_ON) ? cells.dates(LedgerColumn.SURVEILLANCE_AUDIT_ON)
                        : d.surveillance(),
                cells.has(LedgerColumn.RECERTIFICATION_AUDIT_ON) ? cells.dates(LedgerColumn.RECERTIFICATION_AUDIT_ON)
                        : d.recertification()));
        if (cells.has(LedgerColumn.INITIAL_AUDIT_FEE)) {
            in.initialAuditFee(cells.money(LedgerColumn.INITIAL_AUDIT_FEE));
        }
        if (cells.has(LedgerColumn.SURVEILLANCE_FEE)) {
            in.surveillanceFee(cells.money(LedgerColumn.SURVEILLANCE_FEE));
        }
        if (cells.has(LedgerColumn.IMPLEMENTED_ON)) {
            in.implementedOn(cells.date(LedgerColumn.IMPLEMENTED_ON));
        }
        if (cells.has(LedgerColumn.ISSUED_ON)) {
            in.issuedOn(cells.date(LedgerColumn.ISSUED_ON));
        }
        if (cells.has(LedgerColumn.EXPIRES_ON)) {
            in.expiresOn(cells.date(LedgerColumn.EXPIRES_ON));
        }
        return in.build();
    }

    /** Heading → column; headings naming no column, or a column already named, are reported. */
    private Map<LedgerColumn, Integer> columns(LedgerReader.Row header, List<String> ignored, Findings findings,
            Locale locale) {
        Map<LedgerColumn, Integer> columns = new EnumMap<>(LedgerColumn.class);
        for (int i = 0; i < header.cells().size(); i++) {
            String text = header.cells().get(i);
            if (text == null || text.isBlank()) {
                continue;
            }
            LedgerColumn column = headings.column(text);
            if (column == null) {
                ignored.add(text.strip());
                continue;
            }
            Integer first = columns.putIfAbsent(column, i);
            if (first != null) {
                ignored.add(text.strip());
                findings.warn(header.line(), text.strip(), messages.get(locale, "field.import-duplicate-heading", first + 1));
            }
        }
        return columns;
    }

    /** One data row's cells with parsing that reports, rather than throws, what it cannot read. */
    private final class Cells {
        private final LedgerReader.Row row;
        private final Map<LedgerColumn, Integer> columns;
        private final Findings findings;
        private final Locale locale;
        private final Set<String> reported = new HashSet<>();

        Cells(LedgerReader.Row row, Map<LedgerColumn, Integer> columns, Findings findings, Locale locale) {
            this.row = row;
            this.columns = columns;
            this.findings = findings;
            this.locale = locale;
        }

        /** Whether the file has this column: only then does the row change the field. */
        boolean has(LedgerColumn column) {
            return columns.containsKey(column);
        }

        String text(LedgerColumn column) {
            Integer index = columns.get(column);
            return index == null ? null : row.cell(index);
        }

        /** The cell's text where the file has the column (blank clears the field), else {@code base}. */
        String pick(LedgerColumn column, String base) {
            return has(column) ? text(column) : base;
        }

        /** A fingerprint of the client's columns, to tell whether another row of the client says the same. */
        int clientData() {
            int hash = 1;
            for (LedgerColumn column : CLIENT_COLUMNS) {
                hash = 31 * hash + Objects.hashCode(text(column));
            }
            return hash;
        }

        void error(LedgerColumn column, String message) {
            if (reported.add(column.key + message)) {
                findings.error(row.line(), column.header(messages, locale), message);
            }
        }

        void warn(LedgerColumn column, String message) {
            if (reported.add(column.key + message)) {
                findings.warn(row.line(), column.header(messages, locale), message);
            }
        }

        /** Field paths of the API rules → the ledger column they come from. */
        void report(Violations v) {
            for (ProblemException.Violation violation : v.list()) {
                error(LedgerColumn.forField(violation.field()), messages.get(locale, "field." + violation.messageKey(),
                        violation.args()));
            }
        }

        /** Codes of the right shape and sector that the loaded list lacks: taken (unless strict), with a warning. */
        void warnUnlistedCodes(List<String> codes) {
            if (codes == null || reference.professionalCodesStrict()) {
                return;
            }
            for (String code : codes) {
                if (reference.professionalCodeStanding(code) == ReferenceData.CodeStanding.UNLISTED) {
                    warn(LedgerColumn.PROFESSIONAL_CODES,
                            messages.get(locale, "field.import-professional-code-unlisted", code));
                }
            }
        }

        Integer version(LedgerColumn column) {
            Long value = id(column);
            return value == null || value > Integer.MAX_VALUE ? null : value.intValue();
        }

        /** A whole non-negative number (an ID or a version), as text or as a numeric XLSX cell. */
        Long id(LedgerColumn column) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            if (!text.matches("\\d{1,18}")) {
                error(column, messages.get(locale, "field.number-format"));
                return null;
            }
            return Long.parseLong(text);
        }

        LocalDate date(LedgerColumn column) {
            List<LocalDate> dates = dates(column);
            return dates.isEmpty() ? null : dates.get(0);
        }

        List<LocalDate> dates(LedgerColumn column) {
            String text = text(column);
            if (text == null) {
                return List.of();
            }
            List<LocalDate> dates = new ArrayList<>();
            for (String part : text.split("[;；,，、\\s]+")) {
                if (part.isBlank()) {
                    continue;
                }
                LocalDate parsed = null;
                for (DateTimeFormatter f : DATE_FORMATS) {
                    try {
                        parsed = LocalDate.parse(part, f);
                        break;
                    } catch (DateTimeParseException next) {
                        // try the next format
                    }
                }
                if (parsed == null) {
                    error(column, messages.get(locale, "field.date-format"));
                } else {
                    dates.add(parsed);
                }
            }
            return dates;
        }

        BigDecimal money(LedgerColumn column) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            try {
                return new BigDecimal(text.replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
                        .replace("元", "").strip());
            } catch (NumberFormatException e) {
                error(column, messages.get(locale, "field.number-format"));
                return null;
            }
        }

        /** Status as code (VALID) or as exported (有效 / Valid); blank or no column means none given. */
        CertificationStatus status() {
            String text = text(LedgerColumn.STATUS);
            if (text == null) {
                return null;
            }
            for (CertificationStatus s : CertificationStatus.values()) {
                if (s.name().equalsIgnoreCase(text) || messages.get(Messages.DEFAULT_LOCALE, "status." + s.name()).equals(text)
                        || messages.get(Locale.ENGLISH, "status." + s.name()).equalsIgnoreCase(text)) {
                    return s;
                }
            }
            error(LedgerColumn.STATUS, messages.get(locale, "field.invalid-value"));
            return null;
        }

        /** Province as code (330000) or name (浙江省 / 浙江 / Zhejiang). */
        String province() {
            String text = text(LedgerColumn.PROVINCE);
            if (text == null || reference.province(text).isPresent()) {
                return text;
            }
            for (ReferenceEntry p : reference.provinces().values()) {
                if (p.nameZh().equals(text) || p.nameEn().equalsIgnoreCase(text) || p.nameZh().startsWith(text)) {
                    return p.code();
                }
            }
            return text; // the province rule reports it
        }
    }
}
