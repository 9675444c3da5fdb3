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
import com.certcare.platform.persistence.DatabaseFailures;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;
import com.certcare.platform.text.Text;
import com.certcare.platform.web.ListPage;
import com.certcare.platform.web.PageRequest;
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

        // every due client not yet asked, locked (a client joins one campaign): only their ids are held; the rows are
        // read, written and let go CREATE_CHUNK at a time, so the first campaign after the ledger's import (every
        // client due at once) does not keep tens of thousands of entities in the persistence context
        @SuppressWarnings("unchecked")
        List<Long> dueIds = ((List<Number>) em.createNativeQuery("select customer_id from survey_due"
                + " where campaign_id is null order by created_at, customer_id for update").getResultList())
                .stream().map(Number::longValue).toList();
        int dispatched = 0;
        int mails = 0;
        for (int from = 0; from < dueIds.size(); from += CREATE_CHUNK) {
            List<Long> ids = dueIds.subList(from, Math.min(dueIds.size(), from + CREATE_CHUNK));
            java.util.Map<Long, SurveyDue> dues = new java.util.HashMap<>();
            SurveyDue.<SurveyDue> list("customerId in ?1", ids).forEach(d -> dues.put(d.customerId, d));
            java.util.Map<Long, SurveyClient> clients = new java.util.HashMap<>();
            SurveyClient.<SurveyClient> list("customerId in ?1", ids).forEach(x -> clients.put(x.customerId, x));
            for (Long id : ids) {
                SurveyDue d = dues.get(id);
                SurveyClient client = clients.get(id);
                if (client == null) {
                    LOG.warnf("Customer %d is due a survey but not (yet) in the client copy; it waits for the next campaign",
                            id);
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
            em.flush();
            em.clear(); // the campaign stays readable (detached); nothing of it changes after this point
        }
        if (mails > 0) {
            mailQueued.fire(new SurveyMail.Queued());
        }
        LOG.infof("Campaign %s: %d dispatch(es), %d invitation(s) queued", c.quarter, dispatched, mails);
        return view(c, new long[] { dispatched, 0 });
    }

    /**
     * Every campaign, newest quarter first, with its counts — counted by the database in one grouped query: a
     * campaign can hold tens of thousands of dispatches, and reading them all as entities to count them ran a
     * 128 MB service out of heap.
     */
    public List<CampaignView> list() {
        List<Campaign> all = Campaign.list("order by quarter desc");
        java.util.Map<Long, long[]> counts = counts(null);
        return all.stream().map(c -> view(c, counts.get(c.id))).toList();
    }

    /** One campaign with its counts; its dispatches come page by page from {@link #dispatches}. */
    public CampaignView get(long id) {
        Campaign c = campaign(id);
        return view(c, counts(id).get(id));
    }

    /** Due clients made into dispatches at a time when a campaign starts. */
    static final int CREATE_CHUNK = 500;

    /** A page of dispatches: rows unless asked otherwise, and at most. */
    public static final int DISPATCH_PAGE_SIZE = 50;
    public static final int MAX_DISPATCH_PAGE_SIZE = 200;

    /**
     * One page of a campaign's dispatches in the order they were made, optionally only those in {@code status}
     * and those whose client's name contains {@code q} (ignoring case).
     */
    public ListPage<CampaignView.DispatchView> dispatches(long campaignId, DispatchStatus status, String q,
            Integer page, Integer size) {
        Violations v = new Violations();
        PageRequest asked = PageRequest.of(page, size, DISPATCH_PAGE_SIZE, MAX_DISPATCH_PAGE_SIZE, v);
        v.text(q, false, 100, "q");
        v.throwIfAny();
        campaign(campaignId);
        StringBuilder where = new StringBuilder("campaignId = :campaign");
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("campaign", campaignId);
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and lower(customerName) like :name escape '\\'");
            params.and("name", Text.containsPattern(q));
        }
        long total = Dispatch.count(where.toString(), params);
        List<Dispatch> rows = Dispatch.<Dispatch> find(where + " order by id", params)
                .range((int) asked.offset(), (int) asked.offset() + asked.size() - 1).list();
        return asked.answer(rows.stream().map(CampaignView.DispatchView::of).toList(), total);
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
        return DatabaseFailures.anyCause(e, t -> t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState()));
    }

    Dispatch find(long id) {
        Dispatch d = Dispatch.findById(id);
        if (d == null) {
            throw ProblemException.notFound("@entity.dispatch", id);
        }
        return d;
    }

    private CampaignView view(Campaign c, long[] counts) {
        return CampaignView.of(c, counts == null ? 0 : (int) counts[0], counts == null ? 0 : (int) counts[1]);
    }

    /** Dispatches and answered ones per campaign (one campaign's, or every one's), counted by the database. */
    private java.util.Map<Long, long[]> counts(Long campaignId) {
        var query = em.createNativeQuery("select campaign_id, count(*), count(*) filter (where status = 'ANSWERED')"
                + " from survey_dispatch" + (campaignId == null ? "" : " where campaign_id = ?1")
                + " group by campaign_id", Object[].class);
        if (campaignId != null) {
            query.setParameter(1, campaignId);
        }
        java.util.Map<Long, long[]> counts = new java.util.HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(((Number) r[0]).longValue(), new long[] { ((Number) r[1]).longValue(), ((Number) r[2]).longValue() });
        }
        return counts;
    }
}
