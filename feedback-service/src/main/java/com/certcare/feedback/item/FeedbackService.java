package com.certcare.feedback.item;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.certcare.feedback.access.Caller;
import com.certcare.feedback.calendar.WorkingDays;
import com.certcare.feedback.customer.CustomerCopy;
import com.certcare.feedback.department.Departments;
import com.certcare.feedback.numbering.ReferenceCounter;
import com.certcare.platform.history.ChangeHistory;
import com.certcare.platform.history.Snapshot;
import com.certcare.platform.outbox.Outbox;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;
import com.certcare.platform.text.Text;
import com.certcare.platform.web.HeavyReads;
import com.certcare.platform.web.ListPage;
import com.certcare.platform.web.PageRequest;
import com.certcare.platform.web.SortOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Feedback items: posted (idempotently per caller and Idempotency-Key), triaged into the three classes of 4.5,
 * escalated and decided, resolved, closed. Each write is one transaction: the change, its history and its events
 * commit together. A caller who only has the department role sees the items its department posted or was assigned;
 * any other item answers 404, as if it did not exist.
 */
@ApplicationScoped
public class FeedbackService {

    static final String SERIES = "feedback";
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 200;
    static final int KEY_MAX = 200;
    /** A topic's longest form in code points (topic.Topics.MAX); a longer filter is 400. */
    static final int TOPIC_MAX = 40;
    static final Map<String, String> SORT_KEYS = Map.of("id", "f.id", "reference", "f.reference", "receivedAt",
            "f.received_at", "status", "f.status", "kind", "f.kind", "resolutionDueAt", "f.resolution_due_at",
            "updatedAt", "f.updated_at");
    static final String OVERDUE = "(f.status not in ('RESOLVED', 'CLOSED') and (f.resolution_due_at < :now"
            + " or (f.first_responded_at is null and f.first_response_due_at < :now)"
            + " or (f.acknowledged_at is null and f.acknowledge_due_at < :now)))";
    /**
     * What {@code q} searches: the reference, the client's or prospect's name and the customer's words, lower-cased, as
     * one expression — exactly the one V21's trigram index {@code feedback_item_search} is built on, or the index is not
     * used and a search reads every item.
     */
    static final String SEARCH_TEXT = "lower(f.reference || ' ' || coalesce(f.customer_name, '') || ' '"
            + " || coalesce(f.prospect_name, '') || ' ' || f.words)";
    /** Open and escalated to the leader for a missed due time (OverdueEscalation). */
    static final String OVERDUE_ESCALATED = "(f.status not in ('RESOLVED', 'CLOSED') and (f.acknowledge_escalated_at is not null"
            + " or f.first_response_escalated_at is not null or f.resolution_escalated_at is not null))";
    /** Waiting for the leader's attention: ESCALATED (class c), or escalated as overdue. */
    static final String ESCALATED = "(f.status = 'ESCALATED' or " + OVERDUE_ESCALATED + ")";

    /** The answer to a post: the item, and whether it was posted before with the same key (a replay). */
    public record Posted(FeedbackView item, boolean replayed) {
    }

    private final FeedbackRules rules;
    private final FeedbackConfig config;
    private final ReferenceCounter counter;
    private final WorkingDays workingDays;
    private final ChangeHistory history;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final EntityManager em;
    private final Clock clock;
    private final Departments departments;

    private final HeavyReads heavyReads;

    FeedbackService(FeedbackRules rules, FeedbackConfig config, ReferenceCounter counter, WorkingDays workingDays,
            ChangeHistory history, Outbox outbox, ObjectMapper mapper, EntityManager em, Clock clock,
            Departments departments, HeavyReads heavyReads) {
        this.departments = departments;
        this.heavyReads = heavyReads;
        this.rules = rules;
        this.config = config;
        this.counter = counter;
        this.workingDays = workingDays;
        this.history = history;
        this.outbox = outbox;
        this.mapper = mapper;
        this.em = em;
        this.clock = clock;
    }

    /**
     * A new item, RECEIVED, with its reference and due times; a complaint or appeal is acknowledged at once. With an
     * {@code idempotencyKey}, the same caller and key give the first item back (replayed), never a second; the same
     * key with another body is 409 {@code idempotency-key-reused}.
     */
    @Transactional
    public Posted post(FeedbackInput input, String idempotencyKey, Caller caller) {
        if (input == null) {
            throw ProblemException.invalid("body", "required");
        }
        if (caller.department() == null) {
            throw new ProblemException(403, "no-department", caller.name());
        }
        Instant now = clock.instant();
        Violations v = new Violations();
        if (idempotencyKey != null) {
            v.text(idempotencyKey, true, KEY_MAX, "Idempotency-Key");
        }
        CheckedFeedbackInput checked = rules.check(input, now, v);
        v.throwIfAny();
        String hash = hash(input);
        if (idempotencyKey != null) {
            int claimed = em.createNativeQuery("""
                    insert into idempotency_key (caller, key, request_hash, created_at) values (?1, ?2, ?3, ?4)
                    on conflict (caller, key) do nothing""")
                    .setParameter(1, caller.name()).setParameter(2, idempotencyKey).setParameter(3, hash)
                    .setParameter(4, now).executeUpdate();
            if (claimed == 0) {
                Object[] first = (Object[]) em.createNativeQuery(
                        "select request_hash, item_id from idempotency_key where caller = ?1 and key = ?2")
                        .setParameter(1, caller.name()).setParameter(2, idempotencyKey).getSingleResult();
                if (!hash.equals(first[0]) || first[1] == null) {
                    throw new ProblemException(409, "idempotency-key-reused", idempotencyKey);
                }
                return new Posted(FeedbackView.of(FeedbackItem.findById(((Number) first[1]).longValue()), now), true);
            }
        }
        FeedbackItem f = create(checked, caller, now);
        if (idempotencyKey != null) {
            em.flush();
            em.createNativeQuery("update idempotency_key set item_id = ?1 where caller = ?2 and key = ?3")
                    .setParameter(1, f.id).setParameter(2, caller.name()).setParameter(3, idempotencyKey).executeUpdate();
        }
        return new Posted(FeedbackView.of(f, now), false);
    }

    /**
     * An item a system opens from an event (a survey's low score): recorded by {@code caller} (a system caller with
     * its department), joined to the caller's transaction; the consumer is idempotent by event id, so no
     * Idempotency-Key. The customer comes as the producing service names it (its read copy of the same customers);
     * the read copy's name wins when it has the customer. The words are cut to what an item holds.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public FeedbackView postBySystem(SystemPost in, Caller caller) {
        Instant now = clock.instant();
        String name = in.customerName();
        if (in.customerId() != null) {
            CustomerCopy copy = CustomerCopy.findById(in.customerId());
            if (copy != null) {
                name = copy.name;
            }
        }
        String words = in.words().strip();
        if (words.length() > FeedbackRules.WORDS_MAX) {
            words = words.substring(0, FeedbackRules.WORDS_MAX - 1) + "…";
        }
        Instant received = in.receivedAt() == null || in.receivedAt().isAfter(now) ? now : in.receivedAt();
        CheckedFeedbackInput checked = new CheckedFeedbackInput(in.customerId(), in.customerId() != null ? name : null,
                in.customerId() == null ? name : null, in.kind(), in.channel(), received, words);
        return FeedbackView.of(create(checked, caller, now), now);
    }

    /** A new RECEIVED item with its reference, due times, history and events. */
    private FeedbackItem create(CheckedFeedbackInput checked, Caller caller, Instant now) {
        FeedbackItem f = new FeedbackItem();
        f.customerId = checked.customerId();
        f.customerName = checked.customerName();
        f.prospectName = checked.prospectName();
        f.kind = checked.kind();
        f.channel = checked.channel();
        f.receivedAt = checked.receivedAt();
        f.words = checked.words();
        f.recordedBy = caller.name();
        f.department = caller.department();
        f.status = FeedbackStatus.RECEIVED;
        f.acknowledgeDueAt = workingDays.plus(f.receivedAt, config.acknowledgeWorkingDays());
        f.firstResponseDueAt = workingDays.plus(f.receivedAt, config.firstResponseWorkingDays());
        f.resolutionDueAt = workingDays.plus(f.receivedAt, config.resolutionWorkingDays());
        if (f.kind.isComplaintOrAppeal()) {
            f.acknowledgedAt = now;
        }
        f.created(caller.name(), now);
        f.reference = counter.next(SERIES, config.referencePrefix(), LocalDate.now(clock));
        f.persist();
        history.record(f.history(), null, f.snapshot(), caller.name(), null);
        publish(f, FeedbackEvents.RECEIVED, FeedbackEvents.Received.of(f));
        if (f.kind == FeedbackKind.CLIENT_SYSTEM_CHANGE) {
            publish(f, FeedbackEvents.CLIENT_SYSTEM_CHANGE, FeedbackEvents.ClientSystemChangeReported.of(f));
        }
        return f;
    }

    /**
     * The market department's triage (4.5): (a) TRIAGED, to close once explained; (b) IN_HANDLING at the department;
     * (c) ESCALATED to the leader. A complaint or appeal found reasonable (b or c) is a serious complaint event.
     */
    @Transactional
    public FeedbackView triage(long id, TriageInput in, Caller caller) {
        if (in == null || in.version() == null) {
            throw ProblemException.invalid("version", "required");
        }
        Violations v = new Violations();
        v.check(in.feedbackClass() != null, "class", "required");
        if (v.text(in.department(), in.feedbackClass() == FeedbackClass.B_WITHIN_AUTHORITY, FeedbackRules.DEPARTMENT_MAX,
                "department") && in.department() != null && !in.department().isBlank()) {
            v.check(departments.isKnown(in.department()), "department", "unknown-department", in.department().strip());
        }
        v.text(in.explanation(), false, FeedbackRules.TEXT_MAX, "explanation");
        v.throwIfAny();
        FeedbackItem f = visible(id, caller);
        stale(f, in.version());
        FeedbackItem.checkTransition(f.status, FeedbackStatus.TRIAGED);
        Snapshot before = f.snapshot();
        Instant now = clock.instant();
        f.triage(in.feedbackClass(), strip(in.explanation()), caller.name(), now);
        switch (in.feedbackClass()) {
            case B_WITHIN_AUTHORITY -> f.assign(in.department().strip());
            case C_BEYOND_AUTHORITY -> f.escalate(now);
            case A_UNREASONABLE -> {
            }
        }
        boolean serious = f.kind.isComplaintOrAppeal() && f.feedbackClass != FeedbackClass.A_UNREASONABLE
                && f.markSerious(null, true, caller.name(), now);
        history.record(f.history(), before, f.snapshot(), caller.name(), null);
        f.touched(caller.name(), now);
        publish(f, FeedbackEvents.TRIAGED, FeedbackEvents.Triaged.of(f));
        if (f.feedbackClass == FeedbackClass.C_BEYOND_AUTHORITY) {
            publish(f, FeedbackEvents.ESCALATED, FeedbackEvents.Escalated.classC(f));
        }
        if (serious) {
            publish(f, FeedbackEvents.SERIOUS_COMPLAINT, FeedbackEvents.SeriousComplaintRecorded.of(f));
        }
        return FeedbackView.of(f, now);
    }

    /** The leader's decision on an ESCALATED item; it is then IN_HANDLING at the department named, as class b. */
    @Transactional
    public FeedbackView decide(long id, DecideInput in, Caller caller) {
        if (in == null || in.version() == null) {
            throw ProblemException.invalid("version", "required");
        }
        Violations v = new Violations();
        v.text(in.decision(), true, FeedbackRules.TEXT_MAX, "decision");
        if (v.text(in.department(), true, FeedbackRules.DEPARTMENT_MAX, "department")) {
            v.check(departments.isKnown(in.department()), "department", "unknown-department", in.department().strip());
        }
        v.throwIfAny();
        FeedbackItem f = visible(id, caller);
        stale(f, in.version());
        FeedbackItem.checkTransition(f.status, FeedbackStatus.DECIDED);
        independent(f, caller);
        Snapshot before = f.snapshot();
        Instant now = clock.instant();
        f.decide(in.decision().strip(), caller.name(), now);
        f.assign(in.department().strip());
        history.record(f.history(), before, f.snapshot(), caller.name(), null);
        f.touched(caller.name(), now);
        return FeedbackView.of(f, now);
    }

    /** What the handling department did: IN_HANDLING → RESOLVED. A department resolves only what it was assigned. */
    @Transactional
    public FeedbackView resolve(long id, ResolveInput in, Caller caller) {
        if (in == null || in.version() == null) {
            throw ProblemException.invalid("version", "required");
        }
        Violations v = new Violations();
        v.text(in.resolution(), true, FeedbackRules.TEXT_MAX, "resolution");
        v.throwIfAny();
        FeedbackItem f = visible(id, caller);
        if (!caller.seesAll() && !caller.department().equals(f.assignedDepartment)) {
            throw new ProblemException(403, "not-assigned-department", f.reference);
        }
        stale(f, in.version());
        FeedbackItem.checkTransition(f.status, FeedbackStatus.RESOLVED);
        Snapshot before = f.snapshot();
        Instant now = clock.instant();
        f.resolve(in.resolution().strip(), caller.name(), now);
        history.record(f.history(), before, f.snapshot(), caller.name(), null);
        f.touched(caller.name(), now);
        publish(f, FeedbackEvents.RESOLVED, FeedbackEvents.Resolved.of(f));
        return FeedbackView.of(f, now);
    }

    /**
     * Closes a RESOLVED item, or a class (a) item once its explanation is recorded (it may come with the close). A
     * complaint or appeal is closed by someone who neither recorded nor handled it.
     */
    @Transactional
    public FeedbackView close(long id, CloseInput in, Caller caller) {
        if (in == null || in.version() == null) {
            throw ProblemException.invalid("version", "required");
        }
        Violations v = new Violations();
        v.text(in.explanation(), false, FeedbackRules.TEXT_MAX, "explanation");
        v.throwIfAny();
        FeedbackItem f = visible(id, caller);
        stale(f, in.version());
        FeedbackItem.checkTransition(f.status, FeedbackStatus.CLOSED);
        boolean explained = f.status == FeedbackStatus.TRIAGED;
        if (explained && f.explanation == null && (in.explanation() == null || in.explanation().isBlank())) {
            throw ProblemException.invalid("explanation", "required-to-close");
        }
        independent(f, caller);
        if (f.kind.isComplaintOrAppeal() && f.outcomeRecordedAt == null) {
            throw new ProblemException(409, "outcome-not-notified", f.reference);
        }
        Snapshot before = f.snapshot();
        Instant now = clock.instant();
        if (explained && f.explanation == null) {
            f.explanation = in.explanation().strip();
        }
        f.close(caller.name(), now);
        history.record(f.history(), before, f.snapshot(), caller.name(), null);
        f.touched(caller.name(), now);
        if (explained) {
            publish(f, FeedbackEvents.RESOLVED, FeedbackEvents.Resolved.of(f));
        }
        return FeedbackView.of(f, now);
    }

    /**
     * Marks an item of any kind a serious dissatisfaction or complaint event (重大不满意或投诉事件, 4.7.2) with the
     * reason: once per item — 409 {@code already-serious} when it was marked before, by hand or by the automatic rule
     * (a complaint or appeal triaged b or c) — so SeriousComplaintRecorded goes out once per item.
     */
    @Transactional
    public FeedbackView markSerious(long id, SeriousInput in, Caller caller) {
        if (in == null || in.version() == null) {
            throw ProblemException.invalid("version", "required");
        }
        Violations v = new Violations();
        v.text(in.reason(), true, FeedbackRules.TEXT_MAX, "reason");
        v.throwIfAny();
        FeedbackItem f = visible(id, caller);
        if (f.seriousMarkedAt != null) {
            throw new ProblemException(409, "already-serious", f.reference);
        }
        stale(f, in.version());
        Snapshot before = f.snapshot();
        Instant now = clock.instant();
        f.markSerious(in.reason().strip(), false, caller.name(), now);
        history.record(f.history(), before, f.snapshot(), caller.name(), null);
        f.touched(caller.name(), now);
        publish(f, FeedbackEvents.SERIOUS_COMPLAINT, FeedbackEvents.SeriousComplaintRecorded.of(f));
        return FeedbackView.of(f, now);
    }

    /**
     * Records the formal notification of the outcome (17021-1 9.8, ISO 10002): how, on which day, what was said; once
     * the item is RESOLVED or explained as class a (409 {@code outcome-not-due} before, {@code outcome-already-notified}
     * a second time). A complaint or appeal closes only with it.
     */
    @Transactional
    public FeedbackView notifyOutcome(long id, OutcomeInput in, Caller caller) {
        if (in == null || in.version() == null) {
            throw ProblemException.invalid("version", "required");
        }
        Violations v = new Violations();
        v.check(in.channel() != null, "channel", "required");
        if (v.check(in.notifiedOn() != null, "notifiedOn", "required")) {
            v.check(!in.notifiedOn().isAfter(LocalDate.now(clock)), "notifiedOn", "in-future");
        }
        v.text(in.summary(), true, FeedbackRules.TEXT_MAX, "summary");
        v.throwIfAny();
        FeedbackItem f = visible(id, caller);
        if (in.notifiedOn().isBefore(f.receivedAt.atZone(clock.getZone()).toLocalDate())) {
            throw ProblemException.invalid("notifiedOn", "before-received");
        }
        if (f.outcomeRecordedAt != null) {
            throw new ProblemException(409, "outcome-already-notified", f.reference);
        }
        if (!f.outcomeDue()) {
            throw new ProblemException(409, "outcome-not-due", f.reference);
        }
        stale(f, in.version());
        Snapshot before = f.snapshot();
        Instant now = clock.instant();
        f.notifyOutcome(in.channel(), in.notifiedOn(), in.summary().strip(), caller.name(), now);
        history.record(f.history(), before, f.snapshot(), caller.name(), null);
        f.touched(caller.name(), now);
        return FeedbackView.of(f, now);
    }

    public Uni<ListPage<FeedbackView>> list(Caller caller, FeedbackStatus status, FeedbackKind kind, FeedbackClass c,
            String department, Boolean overdue, Boolean escalated, String q, String topic, List<String> sort, Integer page,
            Integer size) {
        Violations v = new Violations();
        PageRequest asked = PageRequest.of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, v);
        SortOrder order = SortOrder.parse(sort, SORT_KEYS.keySet(), v);
        v.text(q, false, 200, "q");
        v.text(department, false, FeedbackRules.DEPARTMENT_MAX, "department");
        v.text(topic, false, TOPIC_MAX, "topic");
        v.throwIfAny();
        // checked first (400 at once, even under load), then it waits for a heavy read's turn without a thread
        return heavyReads.submit(() -> page(caller, status, kind, c, department, overdue, escalated, q, topic, order, asked));
    }

    private ListPage<FeedbackView> page(Caller caller, FeedbackStatus status, FeedbackKind kind, FeedbackClass c,
            String department, Boolean overdue, Boolean escalated, String q, String topic, SortOrder order,
            PageRequest asked) {
        Instant now = clock.instant();
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where ").append(scope(caller, params));
        if (status != null) {
            where.append(" and f.status = :status");
            params.put("status", status.name());
        }
        if (kind != null) {
            where.append(" and f.kind = :kind");
            params.put("kind", kind.name());
        }
        if (c != null) {
            where.append(" and f.class = :class");
            params.put("class", c.name());
        }
        if (department != null && !department.isBlank()) {
            where.append(" and (f.department = :department or f.assigned_department = :department)");
            params.put("department", department.strip());
        }
        if (overdue != null) {
            where.append(overdue ? " and " : " and not ").append(OVERDUE);
            params.put("now", now);
        }
        if (escalated != null) {
            where.append(escalated ? " and " : " and not ").append(ESCALATED);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and ").append(SEARCH_TEXT).append(" like :q escape '\\'");
            params.put("q", Text.containsPattern(q));
        }
        if (topic != null && !topic.isBlank()) {
            // the topic table is the topic package's (which builds on this one); only its rows are read here
            where.append(" and exists (select 1 from item_topic t where t.item_id = f.id and t.topic = :topic)");
            params.put("topic", topic.strip());
        }
        String sorting = order.keys().isEmpty() ? "f.received_at desc, f.id desc" : order.sql(SORT_KEYS::get, "f.id");
        var query = em.createNativeQuery("select f.* from feedback_item f" + where + " order by " + sorting
                + " limit " + asked.size() + " offset " + asked.offset(), FeedbackItem.class);
        var count = em.createNativeQuery("select count(*) from feedback_item f" + where);
        params.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        @SuppressWarnings("unchecked")
        List<FeedbackItem> rows = query.getResultList();
        return asked.answer(rows.stream().map(f -> FeedbackView.of(f, now)).toList(),
                ((Number) count.getSingleResult()).longValue());
    }

    /** The SPA's badge: new, escalated and overdue items among those the caller may see. */
    public FeedbackCounts counts(Caller caller) {
        Map<String, Object> params = new HashMap<>();
        String scope = scope(caller, params);
        params.put("now", clock.instant());
        // a department's own work: items assigned to it and in handling (not those it only posted)
        String ours = params.containsKey("mine") ? " and f.assigned_department = :mine" : "";
        var query = em.createNativeQuery("select count(*) filter (where f.status = 'RECEIVED'),"
                + " count(*) filter (where f.status = 'ESCALATED'), count(*) filter (where " + OVERDUE + "),"
                + " count(*) filter (where " + OVERDUE_ESCALATED + "),"
                + " count(*) filter (where f.status = 'IN_HANDLING'" + ours + ")"
                + " from feedback_item f where " + scope);
        params.forEach(query::setParameter);
        Object[] row = (Object[]) query.getSingleResult();
        return new FeedbackCounts(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue(), ((Number) row[4]).longValue());
    }

    public FeedbackView detail(long id, Caller caller) {
        return FeedbackView.of(visible(id, caller), clock.instant());
    }

    /** The item if the caller may see it; 404 otherwise, whether it exists or not. */
    public FeedbackItem visible(long id, Caller caller) {
        FeedbackItem f = FeedbackItem.findById(id);
        if (f == null || !caller.seesAll() && (caller.department() == null
                || !caller.department().equals(f.department) && !caller.department().equals(f.assignedDepartment))) {
            throw ProblemException.notFound("@entity.feedback", id);
        }
        return f;
    }

    /** The items a caller may see, as SQL. */
    private static String scope(Caller caller, Map<String, Object> params) {
        if (caller.seesAll()) {
            return "1 = 1";
        }
        if (caller.department() == null) {
            return "1 = 0";
        }
        params.put("mine", caller.department());
        return "(f.department = :mine or f.assigned_department = :mine)";
    }

    /**
     * Complaints and appeals (17021-1 9.8): whoever decides or closes them neither recorded them nor handled them
     * (resolved them, or gave a class (a) explanation).
     */
    private static void independent(FeedbackItem f, Caller caller) {
        if (!f.kind.isComplaintOrAppeal()) {
            return;
        }
        String me = caller.name();
        boolean explainedIt = f.feedbackClass == FeedbackClass.A_UNREASONABLE && me.equals(f.triagedBy);
        if (me.equals(f.recordedBy) || me.equals(f.resolvedBy) || explainedIt) {
            throw new ProblemException(409, "decider-not-independent", f.reference);
        }
    }

    /**
     * Checked before the step's transition: someone who acted on an item that changed since they loaded it learns
     * that (409 stale, reload), not that the step they saw offered is forbidden — every step changes the status.
     */
    private static void stale(FeedbackItem f, int version) {
        if (f.version != version) {
            throw new ProblemException(409, "stale");
        }
    }

    void publish(FeedbackItem f, String type, Object data) {
        outbox.publish(FeedbackEvents.TOPIC, String.valueOf(f.id), type, FeedbackEvents.SCHEMA_VERSION, data);
    }

    private String hash(FeedbackInput input) {
        try {
            byte[] json = mapper.writeValueAsString(input).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a feedback post", e);
        }
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
