package com.certcare.survey.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.certcare.survey.campaign.Campaign;
import com.certcare.survey.campaign.CampaignConfig;
import com.certcare.survey.campaign.Dispatch;
import com.certcare.survey.campaign.DispatchStatus;
import com.certcare.survey.campaign.SurveyLinks;
import com.certcare.survey.campaign.SurveyMail;
import com.certcare.survey.template.TemplateService;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the survey mails after the transactions that queued them committed, and keeps the dispatches moving, all by
 * the {@code Clock}:
 * <ol>
 * <li>open dispatches whose link has run out become EXPIRED (their pending mails are cancelled);</li>
 * <li>an e-mailed, unanswered dispatch whose last mail is {@code reminder-spacing-days} old gets a reminder queued,
 * at most {@code max-reminders} in all;</li>
 * <li>pending mails go out, one transaction each: a fresh one-time link is issued, the mail is sent to the SMTP
 * server, and the mail and the dispatch record SENT — or FAILED with the server's reason.</li>
 * </ol>
 * Rows are taken {@code for update skip locked}, so two runs (the periodic one and the one after a commit, or two
 * instances) never send the same mail twice.
 */
@ApplicationScoped
public class MailJob {

    private static final Logger LOG = Logger.getLogger(MailJob.class);

    private final Mailer mailer;
    private final MailConfig config;
    private final CampaignConfig dispatches;
    private final SurveyLinks links;
    private final TemplateService templates;
    private final EntityManager em;
    private final Clock clock;
    private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "survey-mail");
        t.setDaemon(true);
        return t;
    });

    MailJob(Mailer mailer, MailConfig config, CampaignConfig dispatches, SurveyLinks links, TemplateService templates,
            EntityManager em, Clock clock) {
        this.mailer = mailer;
        this.config = config;
        this.dispatches = dispatches;
        this.links = links;
        this.templates = templates;
        this.em = em;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        afterCommit.shutdownNow();
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) SurveyMail.Queued queued) {
        if (config.sendOnCommit()) {
            afterCommit.execute(() -> {
                try {
                    sendPending();
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Sending survey mails after commit failed; the periodic run will try again");
                }
            });
        }
    }

    @Scheduled(identity = "survey-mail", every = "${certcare.survey.mail.interval:1m}",
            delayed = "${certcare.survey.mail.start-delay:20s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** One run: expire, queue reminders, send. Returns the number of mails sent. */
    public int run() {
        expireOverdue();
        queueReminders();
        return sendPending();
    }

    /** Open dispatches whose link ran out: EXPIRED, their pending mails cancelled. */
    public int expireOverdue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            List<Dispatch> overdue = em.createQuery("from Dispatch where status in ?1 and expiresAt <= ?2", Dispatch.class)
                    .setParameter(1, List.of(DispatchStatus.PENDING, DispatchStatus.SENT, DispatchStatus.FAILED))
                    .setParameter(2, now).setMaxResults(config.batchSize()).getResultList();
            for (Dispatch d : overdue) {
                d.expire();
                SurveyMail.update("status = ?1 where dispatchId = ?2 and status = ?3", SurveyMail.Status.CANCELLED,
                        d.id, SurveyMail.Status.PENDING);
            }
            return overdue.size();
        });
    }

    /** Reminders due by the clock: e-mailed, unanswered, unexpired, last mail old enough, fewer than the maximum. */
    public int queueReminders() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            Instant lastBefore = now.minus(Duration.ofDays(dispatches.reminderSpacingDays()));
            List<Dispatch> due = em.createQuery("""
                    from Dispatch d where d.status = ?1 and d.remindersSent < ?2 and d.lastMailedAt <= ?3
                      and d.expiresAt > ?4
                      and not exists (select 1 from SurveyMail m where m.dispatchId = d.id and m.status = ?5)
                    order by d.id""", Dispatch.class)
                    .setParameter(1, DispatchStatus.SENT).setParameter(2, dispatches.maxReminders())
                    .setParameter(3, lastBefore).setParameter(4, now).setParameter(5, SurveyMail.Status.PENDING)
                    .setMaxResults(config.batchSize()).getResultList();
            for (Dispatch d : due) {
                SurveyMail m = new SurveyMail();
                m.dispatchId = d.id;
                m.kind = SurveyMail.Kind.REMINDER;
                m.status = SurveyMail.Status.PENDING;
                m.createdAt = now;
                m.persist();
            }
            return due.size();
        });
    }

    /** Sends pending mails, one transaction each, until none is left or the batch is full. */
    public int sendPending() {
        int sent = 0;
        for (int i = 0; i < config.batchSize(); i++) {
            Outcome outcome = QuarkusTransaction.requiringNew().call(this::sendOne);
            if (outcome == Outcome.NONE) {
                break;
            }
            if (outcome == Outcome.SENT) {
                sent++;
            }
        }
        return sent;
    }

    private enum Outcome {
        NONE, SENT, FAILED, CANCELLED
    }

    private Outcome sendOne() {
        @SuppressWarnings("unchecked")
        List<SurveyMail> next = em.createNativeQuery(
                "select * from survey_mail where status = 'PENDING' order by id limit 1 for update skip locked",
                SurveyMail.class).getResultList();
        if (next.isEmpty()) {
            return Outcome.NONE;
        }
        SurveyMail mail = next.get(0);
        Instant now = clock.instant();
        Dispatch d = em.find(Dispatch.class, mail.dispatchId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        boolean reminder = mail.kind == SurveyMail.Kind.REMINDER;
        if (!d.isOpen() || d.linkExpired(now)
                || (reminder && d.whyNoReminder(dispatches.maxReminders(), now) != null)) {
            mail.status = SurveyMail.Status.CANCELLED;
            return Outcome.CANCELLED;
        }
        if (d.email == null) {
            mail.status = SurveyMail.Status.FAILED;
            mail.error = "no e-mail address";
            d.failed(mail.error);
            return Outcome.FAILED;
        }
        Campaign campaign = Campaign.findById(d.campaignId);
        String token = links.issue(d);
        String link = config.publicUrl().replace("{token}", token);
        String text = MailTexts.text(mail.kind, d, link, config.signature(), clock.getZone());
        try {
            mailer.send(Mail.withText(d.email, MailTexts.subject(mail.kind, templates.formNumber(campaign.templateCode)),
                    text).setHtml(MailTexts.html(text)));
        } catch (RuntimeException e) {
            // the server's words may quote the address: the log and the dispatch keep its domain only
            String reason = (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    .replaceAll("[A-Za-z0-9._%+-]+@", "***@");
            LOG.warnf("Survey %s for dispatch %d could not be sent: %s", mail.kind, d.id, reason);
            mail.status = SurveyMail.Status.FAILED;
            mail.error = reason.substring(0, Math.min(500, reason.length()));
            d.failed("mail not sent: " + mail.error);
            return Outcome.FAILED;
        }
        mail.status = SurveyMail.Status.SENT;
        mail.sentAt = now;
        d.mailed(reminder, now);
        return Outcome.SENT;
    }
}
