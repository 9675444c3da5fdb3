package com.certcare.customer.reporting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The HTTP adapter to the national system's interface (off unless {@code certcare.reporting.endpoint} is set): posts
 * each PENDING record as JSON (its sheet's cells by header) with {@code Idempotency-Key: certcare-report-<id>}, one
 * record per transaction, the row locked ({@code for update skip locked}) so two senders never post the same one.
 * 2xx → SENT; another 4xx (not 408/429) → FAILED with the answer, for a person to look at; 5xx, 408, 429, a timeout or
 * no connection → tried again after {@code backoff} × 2^(attempts − 1), FAILED after {@code max-attempts}.
 */
@ApplicationScoped
public class ReportSender {

    private static final Logger LOG = Logger.getLogger(ReportSender.class);
    static final String BY = "adapter";

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final ReportSheets sheets;
    private final Clock clock;
    private final Optional<URI> endpoint;
    private final int maxAttempts;
    private final Duration backoff;
    private final HttpClient http;

    ReportSender(EntityManager em, ObjectMapper mapper, ReportSheets sheets, Clock clock,
            @ConfigProperty(name = "certcare.reporting.endpoint") Optional<URI> endpoint,
            @ConfigProperty(name = "certcare.reporting.max-attempts", defaultValue = "5") int maxAttempts,
            @ConfigProperty(name = "certcare.reporting.backoff", defaultValue = "PT1M") Duration backoff,
            @ConfigProperty(name = "certcare.reporting.timeout", defaultValue = "PT10S") Duration timeout) {
        this.em = em;
        this.mapper = mapper;
        this.sheets = sheets;
        this.clock = clock;
        this.endpoint = endpoint;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Scheduled(identity = "national-report-sender", every = "${certcare.reporting.send-interval:30s}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        endpoint.ifPresent(uri -> {
            int sent = sendPending(uri, 100);
            if (sent > 0) {
                LOG.infof("National reporting: %d record(s) sent", sent);
            }
        });
    }

    /** Tries up to {@code limit} records that are due; returns how many were SENT. */
    public int sendPending(URI uri, int limit) {
        int sent = 0;
        for (int i = 0; i < limit; i++) {
            Boolean outcome = QuarkusTransaction.requiringNew().call(() -> sendOne(uri));
            if (outcome == null) {
                break; // nothing due
            }
            if (outcome) {
                sent++;
            }
        }
        return sent;
    }

    /** One due record: true sent, false not (retried later or failed), null when none is due. */
    private Boolean sendOne(URI uri) throws IOException, InterruptedException {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, sheet, event, attempts, data::text from national_report"
                + " where status = 'PENDING' and (next_attempt_at is null or next_attempt_at <= ?1)"
                + " order by id limit 1 for update skip locked")
                .setParameter(1, now.atOffset(ZoneOffset.UTC)).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        long id = ((Number) r[0]).longValue();
        int attempts = ((Number) r[3]).intValue() + 1;
        String body = body(id, (String) r[1], (String) r[2], (String) r[4]);
        String error;
        boolean retry;
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("Idempotency-Key", "certcare-report-" + id)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            int status = answer.statusCode();
            if (status >= 200 && status < 300) {
                em.createNativeQuery("update national_report set status = 'SENT', attempts = ?2, sent_at = ?3,"
                        + " sent_by = ?4, last_error = null, next_attempt_at = null where id = ?1")
                        .setParameter(1, id).setParameter(2, attempts).setParameter(3, now.atOffset(ZoneOffset.UTC))
                        .setParameter(4, BY).executeUpdate();
                return true;
            }
            error = "HTTP " + status + ": " + abbreviate(answer.body());
            retry = status >= 500 || status == 408 || status == 429;
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + ": " + abbreviate(String.valueOf(e.getMessage()));
            retry = true;
        }
        boolean failed = !retry || attempts >= maxAttempts;
        em.createNativeQuery("update national_report set status = ?2, attempts = ?3, last_error = ?4,"
                + " next_attempt_at = ?5 where id = ?1")
                .setParameter(1, id).setParameter(2, failed ? "FAILED" : "PENDING").setParameter(3, attempts)
                .setParameter(4, error)
                .setParameter(5, failed ? null : now.plus(backoff.multipliedBy(1L << Math.min(attempts - 1, 10)))
                        .atOffset(ZoneOffset.UTC))
                .executeUpdate();
        LOG.warnf("National report %d not sent (attempt %d%s): %s", id, attempts, failed ? ", failed" : "", error);
        return false;
    }

    /** The record as the interface takes it: its id, sheet, event and its sheet's cells by header. */
    String body(long id, String sheet, String event, String data) throws IOException {
        Map<String, Object> values = mapper.readValue(data, new TypeReference<LinkedHashMap<String, Object>>() { });
        Map<String, String> cells = new LinkedHashMap<>();
        sheets.sheets().stream().filter(s -> s.kind().equals(sheet)).findFirst()
                .ifPresent(s -> s.columns().forEach(c -> cells.put(c.header(), sheets.cell(c, values))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "certcare-report-" + id);
        body.put("sheet", sheet);
        body.put("event", event);
        body.put("cells", cells);
        return mapper.writeValueAsString(body);
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
