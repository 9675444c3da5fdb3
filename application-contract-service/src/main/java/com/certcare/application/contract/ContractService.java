package com.certcare.application.contract;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.certcare.application.applying.Application;
import com.certcare.application.applying.ApplicationService;
import com.certcare.application.applying.ApplicationStatus;
import com.certcare.platform.history.ChangeHistory;
import com.certcare.platform.history.Snapshot;
import com.certcare.platform.outbox.Outbox;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;
import com.certcare.platform.reference.ReferenceEntry;
import com.certcare.platform.reference.ReferenceLists;
import com.certcare.platform.text.Text;
import com.certcare.platform.web.ListPage;
import com.certcare.platform.web.PageRequest;
import com.certcare.platform.web.SortOrder;

/**
 * Contracts (认证合同, form 16-02): drawn up from an accepted application with the next number, edited while a DRAFT,
 * sent, signed, terminated. Each write is one transaction: the change, its history and its events commit together.
 */
@ApplicationScoped
public class ContractService {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 200;
    static final int REASON_MAX = 2000;
    static final Map<String, String> SORT_KEYS = Map.of("id", "c.id", "number", "c.number", "name", "c.name",
            "status", "c.status", "draftedOn", "c.drafted_on", "signedOn", "c.signed_on", "updatedAt", "c.updated_at");

    private final ContractNumbers numbers;
    private final ContractRules rules;
    private final ContractConfig config;
    private final ApplicationService applications;
    private final ChangeHistory history;
    private final Outbox outbox;
    private final ReferenceLists reference;
    private final Clock clock;

    ContractService(ContractNumbers numbers, ContractRules rules, ContractConfig config, ApplicationService applications,
            ChangeHistory history, Outbox outbox, ReferenceLists reference, Clock clock) {
        this.numbers = numbers;
        this.rules = rules;
        this.config = config;
        this.applications = applications;
        this.history = history;
        this.outbox = outbox;
        this.reference = reference;
        this.clock = clock;
    }

    /**
     * A DRAFT from an ACCEPTED application (409 otherwise, or when the application has a contract that is not
     * terminated): the party, schemes, scope and sites are the application's. The number is taken last, so the
     * counter row stays locked only for the end of this transaction.
     */
    @Transactional
    public ContractView create(NewContract body, String actor) {
        if (body == null || body.applicationId() == null) {
            throw ProblemException.invalid("applicationId", "required");
        }
        Application application = applications.get(body.applicationId());
        if (application.status != ApplicationStatus.ACCEPTED) {
            throw new ProblemException(409, "application-not-accepted", application.reference, application.status);
        }
        // the application row is locked first, so two drafts of one application wait for each other here
        Application.getEntityManager().lock(application, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        Contract open = Contract.find("applicationId = ?1 and status <> ?2", application.id, ContractStatus.TERMINATED)
                .firstResult();
        if (open != null) {
            throw new ProblemException(409, "contract-exists", application.reference, open.number);
        }
        Contract c = new Contract();
        c.applicationId = application.id;
        c.status = ContractStatus.DRAFT;
        c.partyOf(application);
        c.schemes = new ArrayList<>(application.schemes);
        c.scope = application.scope;
        c.scopeEn = application.scopeEn;
        c.sites = new ArrayList<>(application.sites.stream()
                .map(s -> new ContractSite(s.address(), s.activity(), s.headCount())).toList());
        c.applicationAcceptedOn = application.decidedAt == null ? null
                : LocalDate.ofInstant(application.decidedAt, clock.getZone());
        Instant now = clock.instant();
        c.draftedOn = LocalDate.now(clock);
        c.created(actor, now);
        c.number = numbers.next(c.draftedOn);
        c.persist();
        history.record(c.history(), null, c.snapshot(), actor, "application " + application.reference);
        return view(c, application);
    }

    /** The terms of a DRAFT; send the version you read. */
    @Transactional
    public ContractView update(long id, ContractInput input, String actor) {
        if (input == null) {
            throw ProblemException.invalid("body", "required");
        }
        Contract c = get(id);
        Violations v = new Violations();
        CheckedContractInput checked = rules.check(input, v);
        v.throwIfAny();
        if (c.status != ContractStatus.DRAFT) {
            throw new ProblemException(409, "contract-not-editable", c.status);
        }
        stale(c, input.version());
        Snapshot before = c.snapshot();
        c.apply(checked);
        if (!history.record(c.history(), before, c.snapshot(), actor, null).isEmpty()) {
            c.touched(actor, clock.instant());
        }
        return view(c);
    }

    @Transactional
    public ContractView send(long id, ContractTransition body, String actor) {
        Contract c = changing(id, body, ContractStatus.SENT);
        Violations v = new Violations();
        requireTerms(c, v);
        v.throwIfAny();
        Snapshot before = c.snapshot();
        Instant now = clock.instant();
        c.send(now);
        history.record(c.history(), before, c.snapshot(), actor, null);
        c.touched(actor, now);
        return view(c);
    }

    /**
     * Signed by both parties on {@code signedOn}: {@code ContractSigned} for each scheme goes out with the change
     * (customer-service registers the customer and records the certification as CONTRACTED).
     */
    @Transactional
    public ContractView sign(long id, ContractTransition body, String actor) {
        Contract c = changing(id, body, ContractStatus.SIGNED);
        Violations v = new Violations();
        LocalDate today = LocalDate.now(clock);
        if (v.check(body.signedOn() != null, "signedOn", "required")) {
            if (v.check(!body.signedOn().isAfter(today), "signedOn", "signed-in-future")) {
                v.check(!body.signedOn().isBefore(c.draftedOn), "signedOn", "signed-before-drafted", c.draftedOn);
            }
        }
        requireTerms(c, v);
        v.throwIfAny();
        Snapshot before = c.snapshot();
        c.sign(body.signedOn());
        history.record(c.history(), before, c.snapshot(), actor, null);
        c.touched(actor, clock.instant());
        for (ContractEvents.Signed signed : ContractEvents.Signed.of(c)) {
            outbox.publish(ContractEvents.TOPIC, c.number, ContractEvents.SIGNED, ContractEvents.SCHEMA_VERSION, signed);
        }
        return view(c);
    }

    @Transactional
    public ContractView terminate(long id, ContractTransition body, String actor) {
        Contract c = changing(id, body, ContractStatus.TERMINATED);
        Violations v = new Violations();
        v.text(body.reason(), true, REASON_MAX, "reason");
        v.throwIfAny();
        Snapshot before = c.snapshot();
        ContractStatus was = c.status;
        Instant now = clock.instant();
        c.terminate(now, body.reason().strip());
        history.record(c.history(), before, c.snapshot(), actor, c.terminationReason);
        c.touched(actor, now);
        outbox.publish(ContractEvents.TOPIC, c.number, ContractEvents.TERMINATED, ContractEvents.SCHEMA_VERSION,
                new ContractEvents.Terminated(String.valueOf(c.id), c.number, now, c.terminationReason, was,
                        List.copyOf(c.schemes), c.name, c.creditCode));
        return view(c);
    }

    public ListPage<ContractView> list(ContractStatus status, Long applicationId, String q, List<String> sort,
            Integer page, Integer size) {
        Violations v = new Violations();
        PageRequest asked = PageRequest.of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, v);
        SortOrder order = SortOrder.parse(sort, SORT_KEYS.keySet(), v);
        v.text(q, false, 200, "q");
        v.throwIfAny();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" and c.status = :status");
            params.put("status", status.name());
        }
        if (applicationId != null) {
            where.append(" and c.application_id = :applicationId");
            params.put("applicationId", applicationId);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(c.name) like :q escape '\\' or c.credit_code like upper(:q) escape '\\'"
                    + " or lower(c.number) like :q escape '\\')");
            params.put("q", Text.containsPattern(q));
        }
        String sorting = order.keys().isEmpty() ? "c.updated_at desc, c.id desc" : order.sql(SORT_KEYS::get, "c.id");
        var em = Contract.getEntityManager();
        var query = em.createNativeQuery("select c.* from contract c" + where + " order by " + sorting
                + " limit " + asked.size() + " offset " + asked.offset(), Contract.class);
        var count = em.createNativeQuery("select count(*) from contract c" + where);
        params.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        @SuppressWarnings("unchecked")
        List<Contract> rows = query.getResultList();
        return asked.answer(rows.stream().map(this::view).toList(), ((Number) count.getSingleResult()).longValue());
    }

    public ContractView detail(long id) {
        return view(get(id));
    }

    public Contract get(long id) {
        Contract c = Contract.findById(id);
        if (c == null) {
            throw ProblemException.notFound("@entity.contract", id);
        }
        return c;
    }

    /** The contract after the version was given (400), it exists (404), may become {@code to} (409), is not stale (409). */
    private Contract changing(long id, ContractTransition body, ContractStatus to) {
        if (body == null || body.version() == null) {
            throw ProblemException.invalid("version", "required");
        }
        Contract c = get(id);
        Contract.checkTransition(c.status, to);
        stale(c, body.version());
        return c;
    }

    /** What a contract must state before it goes to the client: both fees. */
    private static void requireTerms(Contract c, Violations v) {
        v.check(c.initialAuditFee != null, "initialAuditFee", "required-to-send");
        v.check(c.surveillanceFee != null, "surveillanceFee", "required-to-send");
    }

    private static void stale(Contract c, int version) {
        if (c.version != version) {
            throw new ProblemException(409, "stale");
        }
    }

    ContractView view(Contract c) {
        return view(c, applications.get(c.applicationId));
    }

    private ContractView view(Contract c, Application application) {
        return new ContractView(c.id, c.number, config.formNumber(), c.applicationId, application.reference, c.status,
                List.copyOf(c.status.next()), c.name, c.creditCode, c.legalRepresentative, c.address, c.provinceCode,
                reference.province(c.provinceCode).map(ReferenceEntry::nameZh).orElse(null), c.city, c.postalCode,
                c.contactName, c.contactPhone, c.contactEmail, List.copyOf(c.schemes), c.scope, c.scopeEn,
                List.copyOf(c.sites), c.initialAuditFee, c.surveillanceFee, c.paymentTerms, c.applicationAcceptedOn,
                c.draftedOn, c.sentAt, c.signedOn, c.terminatedAt, c.terminationReason, c.version, c.createdBy,
                c.createdAt, c.updatedBy, c.updatedAt);
    }
}
