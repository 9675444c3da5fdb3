package com.certcare.survey.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.certcare.platform.problem.Messages;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;
import com.certcare.survey.analysis.QuarterReport;
import com.certcare.survey.analysis.SatisfactionAnalysis;
import com.certcare.survey.analysis.Segment;
import com.certcare.survey.campaign.Quarter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The written quarterly report: market's conclusions beside the figures {@link SatisfactionAnalysis} computes (never
 * computed here), saved against the version read, issued once and never changed after. Auditors read a report only
 * once it is issued.
 */
@ApplicationScoped
public class ReportService {

    /** The documents are the body's own, in Chinese. */
    static final Locale DOCUMENT_LOCALE = Messages.DEFAULT_LOCALE;

    private final SatisfactionAnalysis analysis;
    private final Messages messages;
    private final ReportConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final EntityManager em;

    ReportService(SatisfactionAnalysis analysis, Messages messages, ReportConfig config, ObjectMapper json, Clock clock,
            EntityManager em) {
        this.em = em;
        this.analysis = analysis;
        this.messages = messages;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** The report; never saved: a draft written from the figures in {@code locale}. */
    @Transactional
    public ReportView get(Quarter quarter, Locale locale, boolean readsDrafts) {
        QuarterlyReport r = QuarterlyReport.findById(quarter.toString());
        refuseDraftTo(r, readsDrafts);
        return r != null ? ReportView.of(r, config)
                : ReportView.suggested(quarter.toString(), suggestion(quarter, locale), config);
    }

    /** The draft the figures suggest, in {@code locale}. */
    public String suggestion(Quarter quarter, Locale locale) {
        return DraftConclusions.of(analysis.quarter(quarter, Segment.NONE, locale), messages, locale);
    }

    @Transactional
    public ReportView save(Quarter quarter, ReportInput.Conclusions input, String actor) {
        Violations v = new Violations();
        v.text(input.conclusions(), true, config.maxConclusions(), "conclusions");
        v.check(input.version() != null, "version", "required");
        v.check(input.version() == null || input.version() >= 0, "version", "min", 0);
        v.throwIfAny();
        QuarterlyReport r = QuarterlyReport.findById(quarter.toString());
        if (r == null) {
            if (input.version() != 0) {
                throw new ProblemException(409, "stale");
            }
            r = QuarterlyReport.draft(quarter.toString(), input.conclusions(), actor, clock.instant());
            r.persist();
            em.flush();
            return ReportView.of(r, config);
        }
        refuseStale(r, input.version());
        r.edit(input.conclusions(), actor, clock.instant());
        em.flush(); // the new version, for the answer
        return ReportView.of(r, config);
    }

    /** DRAFT → ISSUED: who and when, and the figures as they are now, frozen for the documents. */
    @Transactional
    public ReportView issue(Quarter quarter, ReportInput.Issue input, String actor) {
        Violations v = new Violations();
        v.check(input.version() != null, "version", "required");
        v.check(input.version() == null || input.version() >= 1, "version", "min", 1);
        v.throwIfAny();
        QuarterlyReport r = QuarterlyReport.findById(quarter.toString());
        if (r == null) {
            throw new ProblemException(409, "report-not-saved", quarter.toString());
        }
        refuseStale(r, input.version());
        r.issue(write(current(quarter)), actor, clock.instant());
        em.flush(); // the new version, for the answer
        return ReportView.of(r, config);
    }

    /** The report and the figures its documents show: frozen at issue, else as they stand (in Chinese). */
    @Transactional
    public Document document(Quarter quarter, boolean readsDrafts) {
        QuarterlyReport r = QuarterlyReport.findById(quarter.toString());
        refuseDraftTo(r, readsDrafts);
        ReportView view = r != null ? ReportView.of(r, config)
                : ReportView.suggested(quarter.toString(), suggestion(quarter, DOCUMENT_LOCALE), config);
        ReportFigures figures = r != null && r.figures != null ? read(r.figures) : current(quarter);
        return new Document(view, figures);
    }

    /** A report with the figures to print. */
    public record Document(ReportView report, ReportFigures figures) {
    }

    private ReportFigures current(Quarter quarter) {
        QuarterReport overall = analysis.quarter(quarter, Segment.NONE, DOCUMENT_LOCALE);
        List<QuarterReport> segments = new ArrayList<>();
        // every split the analysis offers (a segment added to the enum shows here and in the workbook)
        Arrays.stream(Segment.values()).filter(s -> s != Segment.NONE)
                .forEach(s -> segments.add(analysis.quarter(quarter, s, DOCUMENT_LOCALE)));
        return new ReportFigures(overall, segments);
    }

    private String write(ReportFigures figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report's figures cannot be written as JSON", e);
        }
    }

    private ReportFigures read(String figures) {
        try {
            return json.readValue(figures, ReportFigures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the issued report's figures cannot be read", e);
        }
    }

    private static void refuseStale(QuarterlyReport r, int version) {
        if (r.apiVersion() != version) {
            throw new ProblemException(409, "stale");
        }
    }

    private static void refuseDraftTo(QuarterlyReport r, boolean readsDrafts) {
        if (!readsDrafts && (r == null || r.status != ReportStatus.ISSUED)) {
            throw new ProblemException(403, "report-not-issued");
        }
    }
}
