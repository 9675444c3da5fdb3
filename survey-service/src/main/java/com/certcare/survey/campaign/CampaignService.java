package com.certcare.survey.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.certcare.platform.outbox.Outbox;
import com.certcare.platform.problem.ProblemException;
import com.certcare.survey.client.SurveyClient;
import com.certcare.survey.client.SurveyDue;
import com.certcare.survey.template.SurveyTemplate;
import com.certcare.survey.template.TemplateConfig;
import com.certcare.survey.template.TemplateService;

/**
 * Quarterly campaigns (4.7.1): a campaign gathers every client due its first-cycle survey and not yet asked, makes
 * a dispatch for each and queues its invitation; a client without an e-mail address gets a FAILED dispatch with the
 * reason, for market to phone or fax. Each dispatch emits {@code SurveyDispatched}.
 */
@ApplicationScoped
public class CampaignService {

    static final String NO_EMAIL = "no e-mail address on record for the client's primary contact";
    private static final Logger LOG = Logger.getLogger(CampaignService.class);

    private final TemplateService templates;
    private final TemplateConfig templateConfig;
    private final CampaignConfig config;
    private final Outbox outbox;
    private final EntityManager em;
    private final Clock clock;
    private final Event<SurveyMail.Queued> mailQueued;

    CampaignService(TemplateService templates, TemplateConfig templateConfig, CampaignConfig config, Outbox outbox,
            EntityManager em, Clock clock, Event<SurveyMail.Queued> mailQueued) {
        this.templates = templates;
        this.templateConfig = templateConfig;
        this.config = config;
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
        this.mailQueued = mailQueued;
    }

    @Transactional
    public CampaignView create(CampaignInput input, String by) {
        Quarter quarter = Quarter.parse(input.quarter(), "quarter");
        String code = input.templateCode() == null || input.templateCode().isBlank() ? templateConfig.defaultCode()
                : input.templateCode().strip();
        if (code.length() > 50) {
            throw ProblemException.invalid("templateCode", "too-long", 50);
        }
        if (Campaign.count("quarter", quarter.toString()) > 0) {
            throw new ProblemException(409, "campaign-exists", quarter.toString());
        }
        SurveyTemplate template;
        try {
            template = templates.current(code);
        } catch (ProblemException unknown) {
            throw ProblemException.invalid("templateCode", "unknown-template", code);
        }
        if (input.templateVersion() != null && input.templateVersion() != template.version) {
            try {
                template = templates.find(code, input.templateVersion());
            } catch (ProblemException unknown) {
                throw ProblemException.invalid("templateVersion", "unknown-template-version", code, input.templateVersion());
            }
        }
        templates.markUsed(template);
        Instant now = clock.instant();
        Campaign c = new Campaign();
        c.quarter = quarter.toString();
        c.templateCode = template.code;
        c.templateVersion = template.version;
        c.createdAt = now;
        c.createdBy = by;
        c.persist();
        try {
            em.flush(); // a second campaign for the quarter, created meanwhile, meets the unique constraint here
        } catch (jakarta.persistence.PersistenceException e) {
            if (uniqueViolation(e)) {
                throw new ProblemException(409, "campaign-exists", quarter.toString());
            }
            throw e;
        }

        List<SurveyDue> due = em.createQuery("from SurveyDue where campaignId is null order by createdAt", SurveyDue.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        int dispatched = 0;
        int mails = 0;
        for (SurveyDue d : due) {
            SurveyClient client = SurveyClient.findById(d.customerId);
            if (client == null) {
                LOG.warnf("Customer %d is due a survey but not (yet) in the client copy; it waits for the next campaign",
                        d.customerId);
                continue;
            }
            Dispatch dispatch = new Dispatch();
            dispatch.campaignId = c.id;
            dispatch.customerId = client.customerId;
            dispatch.customerName = client.name;
            dispatch.email = client.contactEmail;
            dispatch.provinceCode = client.provinceCode;
            dispatch.scheme = d.scheme;
            dispatch.grade = client.grade;
            dispatch.professionalCodes = client.professionalCodes == null || client.professionalCodes.isBlank()
                    ? new String[0] : client.professionalCodes.split(",");
            dispatch.status = DispatchStatus.PENDING;
            dispatch.createdAt = now;
            dispatch.expiresAt = now.plus(Duration.ofDays(config.linkValidDays()));
            dispatch.persist();
            if (dispatch.email == null) {
                dispatch.failed(NO_EMAIL);
            } else {
                SurveyMail.queue(dispatch, SurveyMail.Kind.INVITATION, now);
                mails++;
            }
            d.campaignId = c.id;
            outbox.publish(CampaignEvents.TOPIC, String.valueOf(dispatch.id), CampaignEvents.DISPATCHED,
                    CampaignEvents.SCHEMA_VERSION, CampaignEvents.Dispatched.of(dispatch, c));
            dispatched++;
        }
        if (mails > 0) {
            mailQueued.fire(new SurveyMail.Queued());
        }
        LOG.infof("Campaign %s: %d dispatch(es), %d invitation(s) queued", c.quarter, dispatched, mails);
        return view(c, true);
    }

    public List<CampaignView> list() {
        List<Campaign> all = Campaign.list("order by quarter desc");
        return all.stream().map(c -> view(c, false)).toList();
    }

    public CampaignView get(long id) {
        Campaign c = Campaign.findById(id);
        if (c == null) {
            throw ProblemException.notFound("@entity.campaign", id);
        }
        return view(c, true);
    }

    public Campaign campaign(long id) {
        Campaign c = Campaign.findById(id);
        if (c == null) {
            throw ProblemException.notFound("@entity.campaign", id);
        }
        return c;
    }

    public CampaignView.DispatchView dispatch(long id) {
        return CampaignView.DispatchView.of(find(id));
    }

    /** A reminder by hand, now: only to a client invited by e-mail who has not answered, within the maximum. */
    @Transactional
    public CampaignView.DispatchView remind(long id) {
        Dispatch d = em.find(Dispatch.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw ProblemException.notFound("@entity.dispatch", id);
        }
        Instant now = clock.instant();
        String why = d.whyNoReminder(config.maxReminders(), now);
        if (why != null) {
            throw new ProblemException(why.equals("survey-link-expired") ? 410 : 409, why, id, config.maxReminders());
        }
        if (SurveyMail.pendingFor(id)) {
            throw new ProblemException(409, "survey-mail-pending", id);
        }
        SurveyMail.queue(d, SurveyMail.Kind.REMINDER, now);
        mailQueued.fire(new SurveyMail.Queued());
        return CampaignView.DispatchView.of(d);
    }

    /** PostgreSQL's unique_violation (23505) anywhere in the cause chain. */
    public static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    Dispatch find(long id) {
        Dispatch d = Dispatch.findById(id);
        if (d == null) {
            throw ProblemException.notFound("@entity.dispatch", id);
        }
        return d;
    }

    private CampaignView view(Campaign c, boolean withDispatches) {
        List<Dispatch> dispatches = Dispatch.list("campaignId = ?1 order by id", c.id);
        int answered = (int) dispatches.stream().filter(d -> d.status == DispatchStatus.ANSWERED).count();
        return CampaignView.of(c, dispatches.size(), answered,
                withDispatches ? dispatches.stream().map(CampaignView.DispatchView::of).toList() : null);
    }
}
