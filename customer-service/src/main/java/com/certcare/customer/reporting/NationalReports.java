package com.certcare.customer.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.certcare.customer.certification.Certification;
import com.certcare.customer.certification.CertificationChanged;
import com.certcare.customer.certification.CertificationStatus;
import com.certcare.customer.customer.Customer;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;
import com.certcare.platform.time.ClockProducer;
import com.certcare.platform.web.ListPage;
import com.certcare.platform.web.PageRequest;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * National reporting's records (4.2.2 GB-CX): every issue, suspension, restoration, withdrawal, cancellation and
 * expiry of a certificate, every change of a live certificate's reported data, and every surveillance audit recorded
 * becomes a record, written in the transaction of the change. The month's records are due by the configured day of
 * the next month (no holiday extension) and are downloaded as the upload workbook; marking a month sent (after the
 * upload) or resending one record is the market department's.
 */
@ApplicationScoped
public class NationalReports {

    /** Fields whose change on a live certificate is reported. */
    static final java.util.Set<String> REPORTED_FIELDS = java.util.Set.of("certificateNo", "scheme", "scope",
            "scopeEn", "issuedOn", "expiresOn", "professionalCodes");

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final ReportSheets sheets;
    private final Clock clock;

    NationalReports(EntityManager em, ObjectMapper mapper, ReportSheets sheets, Clock clock) {
        this.em = em;
        this.mapper = mapper;
        this.sheets = sheets;
        this.clock = clock;
    }

    void onChange(@Observes CertificationChanged change) {
        Certification c = change.record();
        CertificationStatus to = c.status;
        if (change.from() != to) {
            String event = switch (to) {
                case VALID -> change.from() == CertificationStatus.SUSPENDED ? "RESTORE" : "ISSUE";
                case SUSPENDED -> "SUSPENSION";
                case WITHDRAWN -> "WITHDRAWAL";
                case CANCELLED -> "CANCELLATION";
                case EXPIRED -> "EXPIRY";
                default -> null; // before a certificate, or TERMINATED: nothing the national system holds
            };
            if (event != null) {
                write("CERTIFICATE", event, c, certificate(c, event, change.reason()));
            }
            return;
        }
        if (!CertificationStatus.LIVE_CERTIFICATE.contains(to)) {
            return;
        }
        if (change.fields().stream().anyMatch(REPORTED_FIELDS::contains)) {
            write("CERTIFICATE", "CHANGE", c, certificate(c, "CHANGE", change.reason()));
        }
        for (LocalDate audit : change.newSurveillanceAudits()) {
            Map<String, Object> data = certificate(c, "SURVEILLANCE", null);
            data.put("auditType", "SURVEILLANCE");
            data.put("auditMethod", "ON_SITE");
            data.put("auditOn", audit.toString());
            write("AUDIT_RESULT", "SURVEILLANCE", c, data);
        }
    }

    private Map<String, Object> certificate(Certification c, String event, String reason) {
        Customer customer = Customer.findById(c.customerId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("certificateNo", c.certificateNo);
        data.put("clientName", customer == null ? null : customer.name);
        data.put("creditCode", customer == null ? null : customer.creditCode);
        data.put("scheme", c.scheme);
        data.put("scope", c.scope);
        data.put("scopeEn", c.scopeEn);
        data.put("professionalCodes", String.join(";", c.professionalCodes));
        data.put("issuedOn", c.issuedOn == null ? null : c.issuedOn.toString());
        data.put("expiresOn", c.expiresOn == null ? null : c.expiresOn.toString());
        data.put("status", c.status.name());
        data.put("event", event);
        data.put("occurredOn", LocalDate.now(clock).toString());
        data.put("reason", reason);
        return data;
    }

    private void write(String sheet, String event, Certification c, Map<String, Object> data) {
        Instant now = clock.instant();
        try {
            em.createNativeQuery("insert into national_report (sheet, event, certification_id, client_id, period,"
                    + " occurred_at, data) values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb))")
                    .setParameter(1, sheet).setParameter(2, event).setParameter(3, c.id).setParameter(4, c.customerId)
                    .setParameter(5, YearMonth.from(now.atZone(ClockProducer.ZONE)).toString())
                    .setParameter(6, now.atOffset(java.time.ZoneOffset.UTC))
                    .setParameter(7, mapper.writeValueAsString(data)).executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One record as the screens list it. */
    @Schema(name = "NationalReport")
    public record Report(@Schema(required = true) long id,
            @Schema(required = true, enumeration = { "CERTIFICATE", "AUDIT_PLAN", "AUDIT_RESULT" }) String sheet,
            @Schema(required = true, enumeration = { "ISSUE", "CHANGE", "SURVEILLANCE", "SUSPENSION", "RESTORE",
                    "WITHDRAWAL", "CANCELLATION", "EXPIRY" }) String event,
            @Schema(required = true) long certificationId, @Schema(required = true) long customerId,
            @Schema(required = true, example = "2026-12") String period, @Schema(required = true) Instant occurredAt,
            @Schema(required = true, enumeration = { "PENDING", "SENT", "FAILED" }) String status,
            @Schema(required = true) int attempts, @Schema(nullable = true) String lastError,
            @Schema(nullable = true) Instant sentAt, @Schema(nullable = true) String sentBy,
            @Schema(required = true, description = "The certificate as it was, by logical field (certificateNo, clientName, creditCode, scheme, scope, issuedOn, expiresOn, status, event, occurredOn, reason; auditType, auditMethod, auditOn)") Map<String, Object> data) {
    }

    /** The month's deadline and what is still open, for the screens. */
    @Schema(name = "NationalReportSummary")
    public record Summary(@Schema(required = true) String period, @Schema(required = true) LocalDate dueOn,
            @Schema(required = true) long open, @Schema(required = true) long failed,
            @Schema(required = true) String previousPeriod, @Schema(required = true) LocalDate previousDueOn,
            @Schema(required = true) long previousOpen) {
    }

    /** A page of the screen's list: rows unless asked otherwise, and at most. */
    static final int PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;

    /**
     * The screen's list of a month, oldest first, one page at a time with the month's total; {@code status} (PENDING,
     * SENT or FAILED, any case) narrows it, blank is all.
     */
    @Transactional
    public ListPage<Report> list(YearMonth period, String statusAsked, Integer pageAsked, Integer sizeAsked) {
        Violations v = new Violations();
        PageRequest page = PageRequest.of(pageAsked, sizeAsked, PAGE_SIZE, MAX_PAGE_SIZE, v);
        String status = statusAsked == null || statusAsked.isBlank() ? null
                : statusAsked.strip().toUpperCase(java.util.Locale.ROOT);
        v.check(status == null || List.of("PENDING", "SENT", "FAILED").contains(status), "status", "one-of",
                "PENDING, SENT, FAILED");
        v.throwIfAny();
        String where = " from national_report where period = ?1" + (status != null ? " and status = ?2" : "");
        var q = em.createNativeQuery("select id, sheet, event, certification_id, client_id, period, occurred_at,"
                + " status, attempts, last_error, sent_at, sent_by, data::text" + where + " order by id")
                .setParameter(1, period.toString());
        var count = em.createNativeQuery("select count(*)" + where).setParameter(1, period.toString());
        if (status != null) {
            q.setParameter(2, status);
            count.setParameter(2, status);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.setFirstResult((int) page.offset()).setMaxResults(page.size()).getResultList();
        List<Report> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Report(((Number) r[0]).longValue(), (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue(), (String) r[5], instant(r[6]), (String) r[7], ((Number) r[8]).intValue(),
                    (String) r[9], r[10] == null ? null : instant(r[10]), (String) r[11], json((String) r[12])));
        }
        return page.answer(out, ((Number) count.getSingleResult()).longValue());
    }

    @Transactional
    public Summary summary() {
        YearMonth now = YearMonth.from(LocalDate.now(clock));
        YearMonth before = now.minusMonths(1);
        return new Summary(now.toString(), dueOn(now), open(now, "status in ('PENDING', 'FAILED')"),
                open(now, "status = 'FAILED'"), before.toString(), dueOn(before), open(before, "status in ('PENDING', 'FAILED')"));
    }

    /** The day {@code period}'s records are due: the configured day of the next month. */
    public LocalDate dueOn(YearMonth period) {
        return period.plusMonths(1).atDay(sheets.deadlineDay());
    }

    private long open(YearMonth period, String where) {
        return ((Number) em.createNativeQuery("select count(*) from national_report where period = ?1 and " + where)
                .setParameter(1, period.toString()).getSingleResult()).longValue();
    }

    /** Records read from the database at a time while the workbook is written. */
    static final int WORKBOOK_CHUNK = 1000;

    /**
     * The month's upload workbook: one sheet per sheet of the data file, its records in order of change. Every
     * record of the month (an upload that left some out would lose them for the national system), so the work is
     * kept bounded the other way: the records are read {@link #WORKBOOK_CHUNK} at a time and the sheets written by
     * POI's streaming workbook, which keeps a window of rows in memory — a month of a mass re-import (tens of
     * thousands of records) does not have to fit in the heap at once, only its compressed file does.
     */
    @Transactional
    public byte[] workbook(YearMonth period) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.setCompressTempFiles(true);
            try {
                for (ReportSheets.Sheet s : sheets.sheets()) {
                    Sheet sheet = book.createSheet(s.name());
                    Row header = sheet.createRow(0);
                    for (int i = 0; i < s.columns().size(); i++) {
                        header.createCell(i).setCellValue(s.columns().get(i).header());
                    }
                    int r = 1;
                    long after = 0;
                    List<Object[]> chunk;
                    do {
                        @SuppressWarnings("unchecked")
                        List<Object[]> rows = em.createNativeQuery("select id, data::text from national_report"
                                + " where period = ?1 and sheet = ?2 and id > ?3 order by id")
                                .setParameter(1, period.toString()).setParameter(2, s.kind()).setParameter(3, after)
                                .setMaxResults(WORKBOOK_CHUNK).getResultList();
                        chunk = rows;
                        for (Object[] record : chunk) {
                            after = ((Number) record[0]).longValue();
                            Map<String, Object> data = json((String) record[1]);
                            Row row = sheet.createRow(r++);
                            for (int i = 0; i < s.columns().size(); i++) {
                                row.createCell(i).setCellValue(sheets.cell(s.columns().get(i), data));
                            }
                        }
                    } while (chunk.size() == WORKBOOK_CHUNK);
                }
                book.write(out);
            } finally {
                book.dispose(); // the temporary files of the rows already flushed
            }
            return out.toByteArray();
        }
    }

    /** After the upload: the month's open records are SENT, by whom; returns how many. */
    @Transactional
    public int markSent(YearMonth period, String by) {
        return em.createNativeQuery("update national_report set status = 'SENT', sent_at = ?2, sent_by = ?3,"
                + " last_error = null where period = ?1 and status in ('PENDING', 'FAILED')")
                .setParameter(1, period.toString()).setParameter(2, clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .setParameter(3, by).executeUpdate();
    }

    /** One record to send again (it was rejected, or the upload lost it). */
    @Transactional
    public void resend(long id) {
        int n = em.createNativeQuery("update national_report set status = 'PENDING', sent_at = null, sent_by = null"
                + " where id = ?1").setParameter(1, id).executeUpdate();
        if (n == 0) {
            throw ProblemException.notFound("@entity.nationalReport", id);
        }
    }

    private Map<String, Object> json(String text) {
        try {
            return mapper.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
