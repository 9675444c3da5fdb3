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
 * <li>pending mails go out: each is claimed with a fresh one-time link in a transaction that commits before the mail
 * goes to the SMTP server (so the link works the moment the mail arrives), and the mail and the dispatch then record
 * SENT — or FAILED with the server's reason.</li>
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
                      and not exists (select 1 from SurveyMail m where m.dispatchId = d.id and m.status in ?5)
                    order by d.id""", Dispatch.class)
                    .setParameter(1, DispatchStatus.SENT).setParameter(2, dispatches.maxReminders())
                    .setParameter(3, lastBefore).setParameter(4, now)
                    .setParameter(5, List.of(SurveyMail.Status.PENDING, SurveyMail.Status.SENDING))
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

    /**
     * Sends pending mails until none is left or the batch is full. Each mail is claimed in one transaction (its link
     * committed before the mail leaves, so the link works the moment the mail arrives), sent outside any transaction,
     * and its outcome recorded in a second one. Claims a crash left behind go back to PENDING first.
     */
    public int sendPending() {
        releaseStaleClaims();
        int sent = 0;
        for (int i = 0; i < config.batchSize(); i++) {
            Claim claim = QuarkusTransaction.requiringNew().call(this::claimOne);
            if (claim == null) {
                break;
            }
            if (claim.mail() == null) {
                continue; // cancelled or failed without sending
            }
            String failure = null;
            try {
                mailer.send(claim.mail());
            } catch (RuntimeException e) {
                // the server's words may quote the address: the log and the dispatch keep its domain only
                failure = (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                        .replaceAll("[A-Za-z0-9._%+-]+@", "***@");
                LOG.warnf("Survey mail %d for dispatch %d could not be sent: %s", claim.mailId(), claim.dispatchId(),
                        failure);
            }
            String reason = failure;
            QuarkusTransaction.requiringNew().run(() -> record(claim, reason));
            if (failure == null) {
                sent++;
            }
        }
        return sent;
    }

    /** A claimed mail: {@code mail} null when there was nothing to send (cancelled, or failed before sending). */
    private record Claim(long mailId, long dispatchId, boolean reminder, Mail mail) {
    }

    /**
     * Claims older than the timeout (the sender died between claim and outcome) are pending again. Claims are timed
     * by the database's clock, not the business {@code Clock}: moving the latter (tests, a corrected date) must not
     * release a mail that is being sent right now.
     */
    int releaseStaleClaims() {
        return QuarkusTransaction.requiringNew().call(() -> {
            // claimed max-claims times and left behind each time: the sending itself stops the sender — FAILED
            @SuppressWarnings("unchecked")
            List<Number> exhausted = em.createNativeQuery("""
                    select id from survey_mail
                     where status = 'SENDING' and claimed_at < now() - make_interval(secs => ?1) and attempts >= ?2
                     for update skip locked""")
                    .setParameter(1, (double) config.claimTimeout().toSeconds()).setParameter(2, config.maxClaims())
                    .getResultList();
            for (Number id : exhausted) {
                SurveyMail mail = SurveyMail.findById(id.longValue());
                mail.status = SurveyMail.Status.FAILED;
                mail.error = "no outcome after " + mail.attempts + " attempts: the sender stopped while sending it each time";
                Dispatch d = em.find(Dispatch.class, mail.dispatchId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                if (d.isOpen()) {
                    d.failed("mail not sent: " + mail.error);
                }
                LOG.warnf("Survey mail %d for dispatch %d given up: %s", mail.id, mail.dispatchId, mail.error);
            }
            em.flush();
            return em.createNativeQuery("""
                    update survey_mail set status = 'PENDING', claimed_at = null
                     where status = 'SENDING' and claimed_at < now() - make_interval(secs => ?1)""")
                    .setParameter(1, (double) config.claimTimeout().toSeconds()).executeUpdate();
        });
    }

    private Claim claimOne() {
        @SuppressWarnings("unchecked")
        List<SurveyMail> next = em.createNativeQuery(
                "select * from survey_mail where status = 'PENDING' order by id limit 1 for update skip locked",
                SurveyMail.class).getResultList();
        if (next.isEmpty()) {
            return null;
        }
        SurveyMail mail = next.get(0);
        Instant now = clock.instant();
        Dispatch d = em.find(Dispatch.class, mail.dispatchId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        boolean reminder = mail.kind == SurveyMail.Kind.REMINDER;
        if (!d.isOpen() || d.linkExpired(now)
                || (reminder && d.whyNoReminder(dispatches.maxReminders(), now) != null)) {
            mail.status = SurveyMail.Status.CANCELLED;
            return new Claim(mail.id, d.id, reminder, null);
        }
        if (d.email == null) {
            mail.status = SurveyMail.Status.FAILED;
            mail.error = "no e-mail address";
            d.failed(mail.error);
            return new Claim(mail.id, d.id, reminder, null);
        }
        Campaign campaign = Campaign.findById(d.campaignId);
        String token = links.issue(d);
        String link = config.publicUrl().replace("{token}", token);
        String text = MailTexts.text(mail.kind, d, link, config.signature(), clock.getZone());
        em.createNativeQuery("update survey_mail set status = 'SENDING', claimed_at = now(), attempts = attempts + 1"
                + " where id = ?1")
                .setParameter(1, mail.id).executeUpdate();
        return new Claim(mail.id, d.id, reminder, Mail.withText(d.email,
                MailTexts.subject(mail.kind, templates.formNumber(campaign.templateCode)), text)
                .setHtml(MailTexts.html(text)));
    }

    /**
     * The outcome on the mail and, while it is still open, on the dispatch (an answer that came in meanwhile stays).
     */
    private void record(Claim claim, String failure) {
        SurveyMail mail = SurveyMail.findById(claim.mailId());
        if (mail == null || mail.status != SurveyMail.Status.SENDING) {
            return; // released as stale meanwhile: the next run sends it again
        }
        Instant now = clock.instant();
        Dispatch d = em.find(Dispatch.class, claim.dispatchId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (failure == null) {
            mail.status = SurveyMail.Status.SENT;
            mail.sentAt = now;
            if (d.isOpen()) {
                d.mailed(claim.reminder(), now);
            }
        } else {
            mail.status = SurveyMail.Status.FAILED;
            mail.error = failure.substring(0, Math.min(500, failure.length()));
            if (d.isOpen()) {
                d.failed("mail not sent: " + mail.error);
            }
        }
    }
}
