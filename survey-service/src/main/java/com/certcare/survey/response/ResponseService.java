package com.certcare.survey.response;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.certcare.platform.outbox.Outbox;
import com.certcare.platform.problem.ProblemException;
import com.certcare.survey.campaign.AnswerChannel;
import com.certcare.survey.campaign.Campaign;
import com.certcare.survey.campaign.Dispatch;
import com.certcare.survey.campaign.SurveyLinks;
import com.certcare.survey.template.QuestionType;
import com.certcare.survey.template.TemplateDefinition;
import com.certcare.survey.template.TemplateService;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answers: online through a one-time link, or entered by market from a phone call or a fax. A dispatch has one answer,
 * ever: the dispatch row is locked while the answer is written, and {@code survey_response}'s unique dispatch_id
 * refuses a second one even so. Each answer gets its satisfaction index and emits {@code SurveyAnswered}; one below
 * the threshold also emits {@code SurveyLowScore} (feedback-service opens a follow-up item).
 */
@ApplicationScoped
public class ResponseService {

    private final SurveyLinks links;
    private final TemplateService templates;
    private final ScoreConfig scores;
    private final Outbox outbox;
    private final EntityManager em;
    private final Clock clock;

    ResponseService(SurveyLinks links, TemplateService templates, ScoreConfig scores, Outbox outbox, EntityManager em,
            Clock clock) {
        this.links = links;
        this.templates = templates;
        this.scores = scores;
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
    }

    /** The page behind a link: 404 unknown, 409 answered, 410 expired. */
    @Transactional
    public SurveyForm open(String token, Locale locale) {
        Dispatch d = usable(token, false);
        Campaign c = Campaign.findById(d.campaignId);
        TemplateDefinition t = templates.definition(c.templateCode, c.templateVersion);
        return new SurveyForm(templates.formNumber(c.templateCode), t.title().in(locale), d.customerName, d.expiresAt,
                t.dimensions().stream().map(x -> new SurveyForm.Dimension(x.code(), x.title().in(locale))).toList(),
                t.questions().stream().map(q -> new SurveyForm.Question(q.code(), q.type(), q.dimension(),
                        q.isRequired(), q.text().in(locale), q.options() == null ? null
                                : q.options().stream().map(o -> new SurveyForm.Option(o.code(), o.text().in(locale)))
                                        .toList()))
                        .toList());
    }

    @Transactional
    public SurveyForm.Receipt answerOnline(String token, AnswersInput body) {
        Dispatch d = usable(token, true);
        return record(d, AnswerChannel.ONLINE, body.answers(), null);
    }

    @Transactional
    public SurveyForm.Receipt answerManually(long dispatchId, ManualAnswersInput body, String by) {
        if (body.channel() == null) {
            throw ProblemException.invalid("channel", "required");
        }
        if (body.channel() == AnswerChannel.ONLINE) {
            throw ProblemException.invalid("channel", "one-of", "PHONE, FAX");
        }
        Dispatch d = em.find(Dispatch.class, dispatchId, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw ProblemException.notFound("@entity.dispatch", dispatchId);
        }
        return record(d, body.channel(), body.answers(), by);
    }

    private Dispatch usable(String token, boolean lock) {
        Dispatch d = links.resolve(token, lock);
        if (d == null) {
            throw new ProblemException(404, "survey-link-unknown");
        }
        if (d.status == com.certcare.survey.campaign.DispatchStatus.ANSWERED) {
            throw new ProblemException(409, "survey-already-answered");
        }
        if (d.linkExpired(clock.instant())) {
            throw new ProblemException(410, "survey-link-expired");
        }
        return d;
    }

    private SurveyForm.Receipt record(Dispatch d, AnswerChannel channel, Map<String, JsonNode> answers, String by) {
        Campaign c = Campaign.findById(d.campaignId);
        TemplateDefinition t = templates.definition(c.templateCode, c.templateVersion);
        if (d.status == com.certcare.survey.campaign.DispatchStatus.ANSWERED) {
            throw new ProblemException(409, "survey-already-answered");
        }
        List<AnswerCheck.Answer> checked = AnswerCheck.check(t, answers);
        Instant now = clock.instant();
        d.answered(channel, now);

        List<Scoring.Item> items = checked.stream().filter(a -> a.likert() != null)
                .map(a -> new Scoring.Item(a.question().code(), a.likert(), a.question().weight())).toList();
        SurveyResponse r = new SurveyResponse();
        r.dispatchId = d.id;
        r.campaignId = c.id;
        r.customerId = d.customerId;
        r.provinceCode = d.provinceCode;
        r.scheme = d.scheme;
        r.grade = d.grade;
        r.professionalCodes = d.professionalCodes;
        r.quarter = c.quarter;
        r.channel = channel;
        r.templateCode = c.templateCode;
        r.templateVersion = c.templateVersion;
        r.score = Scoring.index(items);
        r.answeredAt = now;
        r.enteredBy = by;
        r.persist();
        try {
            em.flush(); // the unique dispatch_id speaks here, inside the request, if a second answer slipped past the lock
        } catch (jakarta.persistence.PersistenceException e) {
            if (com.certcare.survey.campaign.CampaignService.uniqueViolation(e)) {
                throw new ProblemException(409, "survey-already-answered");
            }
            throw e;
        }
        insertAnswers(r.id, checked);
        String id = String.valueOf(r.id);
        outbox.publish(ResponseEvents.TOPIC, id, ResponseEvents.ANSWERED, ResponseEvents.SCHEMA_VERSION,
                new ResponseEvents.Answered(id, String.valueOf(d.id), c.id, d.customerId, c.quarter, channel.name(),
                        c.templateCode, c.templateVersion, r.score, now));
        lowScore(r, d, checked).ifPresent(low -> outbox.publish(ResponseEvents.TOPIC, id, ResponseEvents.LOW_SCORE,
                ResponseEvents.SCHEMA_VERSION, low));
        return new SurveyForm.Receipt(r.id, d.id, channel.name(), now, r.score);
    }

    /**
     * The response's answers in one statement (one round trip instead of one per question: the public link takes
     * hundreds of answers a second). The questionnaire bounds the rows; every value is a bound parameter.
     */
    private void insertAnswers(long responseId, List<AnswerCheck.Answer> answers) {
        if (answers.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(
                "insert into survey_answer (response_id, question_code, dimension, weight, likert, choices, text_value) values ");
        for (int i = 0; i < answers.size(); i++) {
            int p = i * 6 + 2;
            sql.append(i == 0 ? "" : ", ").append("(?1, ?").append(p).append(", ?").append(p + 1)
                    .append(", cast(?").append(p + 2).append(" as numeric), cast(?").append(p + 3)
                    .append(" as smallint), ?").append(p + 4).append(", ?").append(p + 5).append(')');
        }
        var insert = em.createNativeQuery(sql.toString()).setParameter(1, responseId);
        for (int i = 0; i < answers.size(); i++) {
            AnswerCheck.Answer a = answers.get(i);
            int p = i * 6 + 2;
            insert.setParameter(p, a.question().code())
                    .setParameter(p + 1, typed(org.hibernate.type.StandardBasicTypes.STRING, a.question().dimension()))
                    .setParameter(p + 2, typed(org.hibernate.type.StandardBasicTypes.BIG_DECIMAL, a.question().weight()))
                    .setParameter(p + 3, typed(org.hibernate.type.StandardBasicTypes.INTEGER, a.likert()))
                    .setParameter(p + 4, typed(org.hibernate.type.StandardBasicTypes.STRING,
                            a.choices() == null ? null : String.join(",", a.choices())))
                    .setParameter(p + 5, typed(org.hibernate.type.StandardBasicTypes.STRING, a.text()));
        }
        insert.executeUpdate();
    }

    /** A parameter that may be null, with its type (a bare null has none for PostgreSQL to infer). */
    private static <T> org.hibernate.query.TypedParameterValue<T> typed(org.hibernate.type.BasicTypeReference<T> type,
            T value) {
        return new org.hibernate.query.TypedParameterValue<>(type, value);
    }

    private java.util.Optional<ResponseEvents.LowScore> lowScore(SurveyResponse r, Dispatch d,
            List<AnswerCheck.Answer> answers) {
        if (r.score == null) {
            return java.util.Optional.empty();
        }
        BigDecimal threshold = scores.threshold();
        List<ResponseEvents.LowItem> low = new ArrayList<>();
        for (AnswerCheck.Answer a : answers) {
            if (a.likert() != null && Scoring.itemScore(a.likert()).compareTo(threshold) < 0) {
                low.add(new ResponseEvents.LowItem(a.question().code(), a.question().text().zh(),
                        Scoring.itemScore(a.likert())));
            }
        }
        if (low.isEmpty() && r.score.compareTo(threshold) >= 0) {
            return java.util.Optional.empty();
        }
        low.sort(Comparator.comparing(ResponseEvents.LowItem::score).thenComparing(ResponseEvents.LowItem::questionCode));
        String comment = String.join("\n", answers.stream()
                .filter(a -> a.question().type() == QuestionType.TEXT && a.text() != null && !a.text().isEmpty())
                .map(AnswerCheck.Answer::text).toList());
        return java.util.Optional.of(new ResponseEvents.LowScore(String.valueOf(r.id), String.valueOf(d.id),
                d.customerId, d.customerName, r.quarter, r.score, threshold, low.subList(0, Math.min(100, low.size())),
                r.answeredAt, comment.isEmpty() ? null : comment.substring(0, Math.min(5000, comment.length()))));
    }
}
