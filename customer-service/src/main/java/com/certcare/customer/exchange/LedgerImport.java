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
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.certcare.customer.certification.Certification;
import com.certcare.customer.certification.CertificationInput;
import com.certcare.customer.certification.CertificationSummary;
import com.certcare.customer.certification.CertificationRules;
import com.certcare.customer.certification.CertificationService;
import com.certcare.customer.certification.CertificationStatus;
import com.certcare.customer.client.Client;
import com.certcare.customer.client.ClientInput;
import com.certcare.customer.client.ClientRules;
import com.certcare.customer.client.ClientService;
import com.certcare.customer.client.Contact;
import com.certcare.customer.identity.CreditCode;
import com.certcare.customer.reference.ReferenceData;
import com.certcare.customer.reference.ReferenceEntry;
import com.certcare.platform.problem.Messages;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Imports a ledger file (the export's columns, Chinese or English headers): every row is checked with
 * the same rules as the API, and a dry run reports each bad cell with its line. A commit writes all
 * rows in one transaction, or, if any row is bad, nothing.
 */
@ApplicationScoped
public class LedgerImport {

    private static final int CLEAR_EVERY = 500;
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyy-M-d"));
    private static final Set<LedgerColumn> REQUIRED = Set.of(LedgerColumn.NAME, LedgerColumn.CREDIT_CODE,
            LedgerColumn.PROVINCE);

    private final Messages messages;
    private final ReferenceData reference;
    private final ClientRules clientRules;
    private final CertificationRules certificationRules;
    private final ClientService clients;
    private final CertificationService certifications;
    private final EntityManager em;
    private final CertificationSummary summary;

    private final ImportLimits limits;

    LedgerImport(Messages messages, ReferenceData reference, ClientRules clientRules,
            CertificationRules certificationRules, ClientService clients, CertificationService certifications,
            EntityManager em, CertificationSummary summary, ImportLimits limits) {
        this.limits = limits;
        this.messages = messages;
        this.reference = reference;
        this.clientRules = clientRules;
        this.certificationRules = certificationRules;
        this.clients = clients;
        this.certifications = certifications;
        this.em = em;
        this.summary = summary;
    }

    /** One client of the file with the line it was first given on, and its certification rows. */
    private record ClientPlan(int line, ClientInput input, List<CertificationPlan> certifications) {
    }

    /**
     * One certification row: a new record, or — when the client's live record of that scheme is in the same
     * status — new data for that record ({@code updates} its id and the version read), so an exported ledger
     * corrected in Excel imports back. Status changes stay with the transitions.
     */
    private record CertificationPlan(int line, CertificationInput input, CertificationStatus status, Long updates,
            Integer version) {

        CertificationPlan(int line, CertificationInput input, CertificationStatus status) {
            this(line, input, status, null, null);
        }

        CertificationPlan updating(Certification live) {
            return new CertificationPlan(line, input, status, live.id, live.version);
        }
    }

    /** The checked file: what would be written, and every problem found. */
    private record Plan(int rows, Map<String, ClientPlan> clients, List<ImportReport.RowError> errors) {
    }

    public ImportReport dryRun(InputStream file, LedgerExport.Format format, Locale locale) throws IOException {
        Plan plan = check(read(file, format), locale);
        int existing = existingClients(plan.clients().keySet()).size();
        return new ImportReport(true, false, plan.rows(), plan.clients().size() - existing, existing,
                plan.clients().values().stream().mapToInt(c -> c.certifications().size()).sum(), plan.errors());
    }

    @Transactional
    @TransactionConfiguration(timeout = 900)
    public ImportReport commit(InputStream file, LedgerExport.Format format, Locale locale, String actor)
            throws IOException {
        Plan plan = check(read(file, format), locale);
        if (!plan.errors().isEmpty()) {
            List<ProblemException.Violation> violations = plan.errors().stream()
                    .map(e -> new ProblemException.Violation("line " + e.line() + ": " + e.column(), "import-cell",
                            e.message()))
                    .toList();
            throw new ProblemException(400, "import-rejected", violations, plan.errors().size());
        }
        // checked above, in the plan: from here on no lookups, and inserts go out in ordered batches
        em.unwrap(org.hibernate.Session.class).setHibernateFlushMode(org.hibernate.FlushMode.COMMIT);
        Map<String, Long> existingIds = new HashMap<>();
        existingClients(plan.clients().keySet()).forEach((code, client) -> existingIds.put(code, client.id));
        int written = 0;
        int certificationCount = 0;
        List<Long> withRecords = new ArrayList<>();
        for (Map.Entry<String, ClientPlan> entry : plan.clients().entrySet()) {
            ClientPlan clientPlan = entry.getValue();
            Long existingId = existingIds.get(entry.getKey());
            List<String> keysOfNewClient = CertificationSummary.of(
                    clientPlan.certifications().stream().map(c -> c.input().scheme()).toList(),
                    clientPlan.certifications().stream().map(CertificationPlan::status).toList());
            java.time.LocalDate liveExpiryOfNewClient = CertificationSummary.liveExpiry(
                    clientPlan.certifications().stream().map(c -> c.input().expiresOn()).toList(),
                    clientPlan.certifications().stream().map(CertificationPlan::status).toList());
            Client client = clients.apply(existingId == null ? null : Client.findById(existingId), clientPlan.input(),
                    actor, "import", keysOfNewClient, liveExpiryOfNewClient);
            for (CertificationPlan c : clientPlan.certifications()) {
                if (c.updates() == null) {
                    certifications.recordChecked(client.id, c.input(), c.status(), actor, "import");
                } else {
                    certifications.update(client.id, c.updates(), c.input().withVersion(c.version()), actor);
                }
                certificationCount++;
            }
            if (existingId != null && !clientPlan.certifications().isEmpty()) {
                withRecords.add(client.id);
            }
            if (++written % CLEAR_EVERY == 0) {
                em.flush();
                em.clear();
            }
        }
        summary.refresh(withRecords);
        int existing = existingIds.size();
        return new ImportReport(false, true, plan.rows(), plan.clients().size() - existing, existing,
                certificationCount, List.of());
    }

    private List<LedgerReader.Row> read(InputStream file, LedgerExport.Format format) throws IOException {
        return format == LedgerExport.Format.CSV ? LedgerReader.csv(file, limits) : LedgerReader.xlsx(file, limits);
    }

    private Plan check(List<LedgerReader.Row> rows, Locale locale) {
        List<ImportReport.RowError> errors = new ArrayList<>();
        if (rows.isEmpty()) {
            errors.add(new ImportReport.RowError(1, "", messages.get(locale, "field.required")));
            return new Plan(0, Map.of(), errors);
        }
        Map<LedgerColumn, Integer> columns = columns(rows.get(0));
        for (LedgerColumn required : REQUIRED) {
            if (!columns.containsKey(required)) {
                errors.add(new ImportReport.RowError(rows.get(0).line(), required.header(messages, locale),
                        messages.get(locale, "field.import-header-missing", required.header(messages, locale))));
            }
        }
        if (!errors.isEmpty()) {
            return new Plan(rows.size() - 1, Map.of(), errors);
        }

        Map<String, ClientPlan> plans = new LinkedHashMap<>();
        Map<String, Integer> liveSchemes = new HashMap<>(); // creditCode|scheme -> line
        Map<String, Integer> liveCertificates = new HashMap<>(); // certificate number -> line
        int dataRows = 0;
        for (LedgerReader.Row row : rows.subList(1, rows.size())) {
            if (row.blank()) {
                continue;
            }
            dataRows++;
            Cells cells = new Cells(row, columns, errors, locale);
            String creditCode = CreditCode.normalize(cells.text(LedgerColumn.CREDIT_CODE));
            ClientPlan plan = creditCode == null ? null : plans.get(creditCode);
            if (plan == null) {
                ClientInput input = clientInput(cells);
                Violations v = new Violations();
                clientRules.check(input, v, "");
                cells.report(v);
                plan = new ClientPlan(row.line(), input, new ArrayList<>());
                if (creditCode != null) {
                    plans.put(creditCode, plan);
                }
            }
            String scheme = cells.text(LedgerColumn.SCHEME);
            if (scheme == null) {
                continue;
            }
            CertificationStatus status = cells.status();
            CertificationInput input = certificationInput(cells, scheme);
            Violations v = new Violations();
            certificationRules.check(input, status, v, "");
            cells.report(v);
            if (!CertificationStatus.FINAL.contains(status)) {
                Integer first = liveSchemes.putIfAbsent(creditCode + "|" + scheme, row.line());
                if (first != null) {
                    cells.error(LedgerColumn.SCHEME, messages.get(locale, "field.import-duplicate-in-file", first));
                }
            }
            String certificateNo = input.certificateNo() == null ? null : input.certificateNo().toUpperCase();
            if (certificateNo != null && CertificationStatus.LIVE_CERTIFICATE.contains(status)) {
                Integer first = liveCertificates.putIfAbsent(certificateNo.replaceAll("\\s+", ""), row.line());
                if (first != null) {
                    cells.error(LedgerColumn.CERTIFICATE_NO,
                            messages.get(locale, "field.import-duplicate-in-file", first));
                }
            }
            plan.certifications().add(new CertificationPlan(row.line(), input, status));
        }
        checkAgainstDatabase(plans, liveCertificates, errors, locale);
        errors.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : a.column().compareTo(b.column()));
        return new Plan(dataRows, plans, errors);
    }

    /**
     * Rows against the registry: a row for a scheme whose live record the client has updates that record
     * when both are in the same status, and conflicts otherwise; certificate numbers live elsewhere conflict.
     */
    private void checkAgainstDatabase(Map<String, ClientPlan> plans, Map<String, Integer> liveCertificates,
            List<ImportReport.RowError> errors, Locale locale) {
        Map<String, Client> existing = existingClients(plans.keySet());
        Set<Long> rowsOwnRecords = new java.util.HashSet<>(); // live records a row of the file speaks of
        if (!existing.isEmpty()) {
            Map<Long, String> codeById = new HashMap<>();
            existing.forEach((code, client) -> codeById.put(client.id, code));
            for (List<Long> ids : chunks(new ArrayList<>(codeById.keySet()))) {
                List<Certification> live = Certification.list("clientId in ?1 and status not in ?2", ids,
                        CertificationStatus.FINAL);
                for (Certification c : live) {
                    List<CertificationPlan> planned = plans.get(codeById.get(c.clientId)).certifications();
                    for (int i = 0; i < planned.size(); i++) {
                        CertificationPlan row = planned.get(i);
                        if (!row.input().scheme().equals(c.scheme) || CertificationStatus.FINAL.contains(row.status())) {
                            continue;
                        }
                        rowsOwnRecords.add(c.id);
                        if (row.status() == c.status) {
                            planned.set(i, row.updating(c));
                        } else {
                            errors.add(new ImportReport.RowError(row.line(), LedgerColumn.STATUS.header(messages, locale),
                                    messages.get(locale, "field.import-status-differs", c.scheme, c.id,
                                            messages.get(locale, "status." + c.status.name()))));
                        }
                    }
                }
            }
        }
        for (List<String> numbers : chunks(new ArrayList<>(liveCertificates.keySet()))) {
            List<Certification> taken = Certification.list("certificateNo in ?1 and status in ?2", numbers,
                    CertificationStatus.LIVE_CERTIFICATE);
            for (Certification c : taken) {
                if (rowsOwnRecords.contains(c.id)) {
                    continue; // the client's own record keeps its number
                }
                errors.add(new ImportReport.RowError(liveCertificates.get(c.certificateNo),
                        LedgerColumn.CERTIFICATE_NO.header(messages, locale),
                        messages.get(locale, "problem.certificate-number-taken.detail", c.certificateNo, c.clientId)));
            }
        }
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

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 1000)));
        }
        return chunks;
    }

    private ClientInput clientInput(Cells cells) {
        String contactName = cells.text(LedgerColumn.CONTACT_NAME);
        List<Contact> contacts = contactName == null ? List.of()
                : List.of(new Contact(contactName, null, cells.text(LedgerColumn.CONTACT_PHONE),
                        cells.text(LedgerColumn.CONTACT_EMAIL), true));
        String codes = cells.text(LedgerColumn.PROFESSIONAL_CODES);
        List<String> professionalCodes = codes == null ? List.of()
                : Arrays.stream(codes.split("[;；,，\\s]+")).filter(s -> !s.isBlank()).toList();
        return new ClientInput(cells.text(LedgerColumn.NAME), cells.text(LedgerColumn.CREDIT_CODE), null,
                cells.province(), cells.text(LedgerColumn.CITY), cells.text(LedgerColumn.ADDRESS),
                cells.text(LedgerColumn.POSTAL_CODE), contacts, professionalCodes, cells.text(LedgerColumn.REMARKS),
                null);
    }

    private CertificationInput certificationInput(Cells cells, String scheme) {
        List<LocalDate> stage1 = cells.dates(LedgerColumn.STAGE1_ON);
        List<LocalDate> stage2 = cells.dates(LedgerColumn.STAGE2_ON);
        return new CertificationInput(scheme, cells.text(LedgerColumn.CONTRACT_NO), cells.text(LedgerColumn.CERTIFICATE_NO),
                cells.text(LedgerColumn.SCOPE), cells.text(LedgerColumn.SCOPE_EN),
                cells.date(LedgerColumn.APPLICATION_ACCEPTED_ON), cells.date(LedgerColumn.DECISION_ON),
                new CertificationInput.AuditDates(stage1.isEmpty() ? null : stage1.get(0),
                        stage2.isEmpty() ? null : stage2.get(0), cells.dates(LedgerColumn.SURVEILLANCE_AUDIT_ON),
                        cells.dates(LedgerColumn.RECERTIFICATION_AUDIT_ON)),
                cells.money(LedgerColumn.INITIAL_AUDIT_FEE), cells.money(LedgerColumn.SURVEILLANCE_FEE),
                cells.date(LedgerColumn.IMPLEMENTED_ON), null, cells.date(LedgerColumn.ISSUED_ON),
                cells.date(LedgerColumn.EXPIRES_ON), null);
    }

    /** Header text (Chinese or English, as exported) → column. Unknown headers are ignored. */
    private Map<LedgerColumn, Integer> columns(LedgerReader.Row header) {
        Map<String, LedgerColumn> byText = new HashMap<>();
        for (LedgerColumn column : LedgerColumn.values()) {
            byText.put(normalizeHeader(column.header(messages, Messages.DEFAULT_LOCALE)), column);
            byText.put(normalizeHeader(column.header(messages, Locale.ENGLISH)), column);
            byText.put(normalizeHeader(column.key), column);
        }
        Map<LedgerColumn, Integer> columns = new EnumMap<>(LedgerColumn.class);
        for (int i = 0; i < header.cells().size(); i++) {
            String text = header.cells().get(i);
            LedgerColumn column = text == null ? null : byText.get(normalizeHeader(text));
            if (column != null) {
                columns.putIfAbsent(column, i);
            }
        }
        return columns;
    }

    private static String normalizeHeader(String text) {
        return text.strip().replace('(', '（').replace(')', '）').toLowerCase(Locale.ROOT);
    }

    /** One data row's cells with parsing that reports, rather than throws, what it cannot read. */
    private final class Cells {
        private final LedgerReader.Row row;
        private final Map<LedgerColumn, Integer> columns;
        private final List<ImportReport.RowError> errors;
        private final Locale locale;
        private final Set<String> reported = new HashSet<>();

        Cells(LedgerReader.Row row, Map<LedgerColumn, Integer> columns, List<ImportReport.RowError> errors,
                Locale locale) {
            this.row = row;
            this.columns = columns;
            this.errors = errors;
            this.locale = locale;
        }

        String text(LedgerColumn column) {
            Integer index = columns.get(column);
            return index == null ? null : row.cell(index);
        }

        void error(LedgerColumn column, String message) {
            if (reported.add(column.key + message)) {
                errors.add(new ImportReport.RowError(row.line(), column.header(messages, locale), message));
            }
        }

        /** Field paths of the API rules → the ledger column they come from. */
        void report(Violations v) {
            for (ProblemException.Violation violation : v.list()) {
                error(columnOf(violation.field()), messages.get(locale, "field." + violation.messageKey(),
                        violation.args()));
            }
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
            for (String part : text.split("[;；,，\\s]+")) {
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
                return new BigDecimal(text.replace(",", "").replace("，", "").replace("¥", "").replace("￥", "").strip());
            } catch (NumberFormatException e) {
                error(column, messages.get(locale, "field.number-format"));
                return null;
            }
        }

        /** Status as code (VALID) or as exported (有效 / Valid); blank means APPLYING. */
        CertificationStatus status() {
            String text = text(LedgerColumn.STATUS);
            if (text == null) {
                return CertificationStatus.APPLYING;
            }
            for (CertificationStatus s : CertificationStatus.values()) {
                if (s.name().equalsIgnoreCase(text) || messages.get(Messages.DEFAULT_LOCALE, "status." + s.name()).equals(text)
                        || messages.get(Locale.ENGLISH, "status." + s.name()).equalsIgnoreCase(text)) {
                    return s;
                }
            }
            error(LedgerColumn.STATUS, messages.get(locale, "field.invalid-value"));
            return CertificationStatus.APPLYING;
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

    private static LedgerColumn columnOf(String field) {
        String f = field.replaceAll("\\[\\d+]", "");
        return switch (f) {
            case "name" -> LedgerColumn.NAME;
            case "creditCode", "creditCodeOverrideReason" -> LedgerColumn.CREDIT_CODE;
            case "provinceCode" -> LedgerColumn.PROVINCE;
            case "city" -> LedgerColumn.CITY;
            case "address" -> LedgerColumn.ADDRESS;
            case "postalCode" -> LedgerColumn.POSTAL_CODE;
            case "contacts", "contacts.name", "contacts.role" -> LedgerColumn.CONTACT_NAME;
            case "contacts.phone" -> LedgerColumn.CONTACT_PHONE;
            case "contacts.email" -> LedgerColumn.CONTACT_EMAIL;
            case "professionalCodes" -> LedgerColumn.PROFESSIONAL_CODES;
            case "remarks" -> LedgerColumn.REMARKS;
            case "scheme" -> LedgerColumn.SCHEME;
            case "contractNo" -> LedgerColumn.CONTRACT_NO;
            case "certificateNo" -> LedgerColumn.CERTIFICATE_NO;
            case "scope" -> LedgerColumn.SCOPE;
            case "scopeEn" -> LedgerColumn.SCOPE_EN;
            case "initialAuditFee" -> LedgerColumn.INITIAL_AUDIT_FEE;
            case "surveillanceFee" -> LedgerColumn.SURVEILLANCE_FEE;
            case "decisionOn" -> LedgerColumn.DECISION_ON;
            case "issuedOn" -> LedgerColumn.ISSUED_ON;
            case "expiresOn" -> LedgerColumn.EXPIRES_ON;
            case "applicationAcceptedOn" -> LedgerColumn.APPLICATION_ACCEPTED_ON;
            case "auditDates.stage2" -> LedgerColumn.STAGE2_ON;
            default -> LedgerColumn.STATUS;
        };
    }
}
