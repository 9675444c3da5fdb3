package com.certcare.feedback.commonissue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.certcare.feedback.Roles;
import com.certcare.feedback.access.Caller;
import com.certcare.feedback.calendar.WorkingDays;
import com.certcare.feedback.department.Departments;
import com.certcare.feedback.item.FeedbackEvents;
import com.certcare.feedback.sql.Rows;
import com.certcare.feedback.topic.Topics;
import com.certcare.platform.history.ChangeHistory;
import com.certcare.platform.history.Snapshot;
import com.certcare.platform.outbox.Outbox;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;
import com.certcare.platform.time.ClockProducer;
import com.certcare.platform.web.ListPage;
import com.certcare.platform.web.PageRequest;

/**
 * Common issues (4.6: 对于共性的问题……要及时反馈给相关部门或管代): topics recurring across distinct clients in the
 * configured window, and their forwarding — one action of the market department to one or more departments and/or the
 * management representative, tracked until every recipient has answered. A department sees and answers only the
 * forwardings addressed to it (404 for any other); the leader answers for the management representative; the market
 * department may record an answer on a recipient's behalf (the history says who recorded it).
 */
@ApplicationScoped
public class CommonIssueService {

    public static final int MAX_RECIPIENTS = 10;
    static final int NOTE_MAX = 5000;
    static final int DEPARTMENT_MAX = 100;
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 200;
    /** A recipient's code; at most 50 characters, so its history field {@code answer.<code>} fits. */
    static final int RECIPIENT_MAX = 50;
    static final Pattern DEPARTMENT_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");

    private final CommonIssueQuery query;
    private final Departments departments;
    private final CommonIssueConfig config;
    private final WorkingDays workingDays;
    private final ChangeHistory history;
    private final Outbox outbox;
    private final EntityManager em;
    private final Clock clock;

    CommonIssueService(CommonIssueQuery query, Departments departments, CommonIssueConfig config, WorkingDays workingDays, ChangeHistory history,
            Outbox outbox, EntityManager em, Clock clock) {
        this.query = query;
        this.departments = departments;
        this.config = config;
        this.workingDays = workingDays;
        this.history = history;
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
    }

    /** The window common issues are found in now: the configured months up to now (Asia/Shanghai). */
    Instant windowStart(Instant now) {
        return now.atZone(ClockProducer.ZONE).minusMonths(config.windowMonths()).toInstant();
    }

    /** The common issues now, with the state of each one's latest forwarding. */
    public CommonIssueList list() {
        Instant now = clock.instant();
        Instant from = windowStart(now);
        List<CommonIssueQuery.Found> found = query.between(from, now, config.minClients());
        Map<String, Object[]> latest = new HashMap<>();
        if (!found.isEmpty()) {
            for (Object o : em.createNativeQuery("""
                    select distinct on (topic) topic, id, forwarded_at, answered_at, due_at from common_issue_forwarding
                    where topic in (?1) order by topic, forwarded_at desc, id desc""")
                    .setParameter(1, found.stream().map(CommonIssueQuery.Found::topic).toList()).getResultList()) {
                Object[] r = (Object[]) o;
                latest.put((String) r[0], r);
            }
        }
        List<CommonIssue> issues = new ArrayList<>();
        for (CommonIssueQuery.Found c : found) {
            Object[] f = latest.get(c.topic());
            CommonIssue.Tracking tracking = f == null ? CommonIssue.Tracking.NOT_FORWARDED
                    : f[3] == null ? CommonIssue.Tracking.OPEN : CommonIssue.Tracking.ANSWERED;
            boolean overdue = tracking == CommonIssue.Tracking.OPEN && now.isAfter(Rows.instant(f[4]));
            issues.add(new CommonIssue(c.topic(), c.clients(), c.items(), c.firstSeen(), c.lastSeen(), tracking,
                    f == null ? null : Rows.count(f[1]), f == null ? null : Rows.instant(f[2]), overdue));
        }
        return new CommonIssueList(from, now, config.minClients(), issues);
    }

    /** Forwards a topic that is a common issue now to its recipients, in one transaction with its history and event. */
    @Transactional
    public ForwardingView forward(ForwardInput in, Caller caller) {
        if (in == null) {
            throw ProblemException.invalid("body", "body-required");
        }
        Violations v = new Violations();
        String topic = Topics.normalise(in.topic());
        if (v.text(topic, true, Topics.MAX, "topic")) {
            v.check(Topics.length(topic) <= Topics.MAX, "topic", "too-long", Topics.MAX);
        }
        List<String> recipients = new ArrayList<>();
        if (in.recipients() == null || in.recipients().isEmpty()) {
            v.check(false, "recipients", "required");
        } else if (v.check(in.recipients().size() <= MAX_RECIPIENTS, "recipients", "too-many", MAX_RECIPIENTS)) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < in.recipients().size(); i++) {
                String field = "recipients[" + i + "]";
                String code = in.recipients().get(i) == null ? null : in.recipients().get(i).strip();
                if (v.text(code, true, RECIPIENT_MAX, field) && v.check(DEPARTMENT_CODE.matcher(code).matches(), field,
                        "department-code") && v.check(departments.isKnown(code), field, "unknown-department", code)
                        && v.check(seen.add(code), field, "duplicate")) {
                    recipients.add(code);
                }
            }
        }
        v.text(in.note(), false, NOTE_MAX, "note");
        v.throwIfAny();
        Instant now = clock.instant();
        CommonIssueQuery.Found figures = query.of(topic, windowStart(now), now);
        if (figures.clients() < config.minClients()) {
            throw ProblemException.invalid("topic", "not-common-issue", topic, figures.clients(), config.minClients());
        }
        Forwarding f = new Forwarding();
        f.topic = topic;
        f.note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
        f.clients = (int) figures.clients();
        f.items = (int) figures.items();
        f.forwardedBy = caller.name();
        f.forwardedAt = now;
        f.dueAt = workingDays.plus(now, config.answerWorkingDays());
        recipients.stream().sorted().forEach(r -> f.recipients.add(new Forwarding.Recipient(r)));
        f.created(caller.name(), now);
        f.persist();
        em.flush();
        history.record(f.history(), null, f.snapshot(), caller.name(), null);
        outbox.publish(FeedbackEvents.TOPIC, CommonIssueEvents.key(f), CommonIssueEvents.FORWARDED, 1,
                CommonIssueEvents.Forwarded.of(f));
        return ForwardingView.of(f, now);
    }

    /**
     * A recipient's answer: a department user's for its department (404 for a forwarding not addressed to it), a
     * leader's for the management representative (409 {@code not-a-recipient} when it was not asked), a market user's
     * on behalf of the recipient named in {@code department}.
     */
    @Transactional
    public ForwardingView answer(long id, AnswerInput in, Caller caller) {
        if (in == null) {
            throw ProblemException.invalid("body", "body-required");
        }
        Violations v = new Violations();
        v.text(in.answer(), true, NOTE_MAX, "answer");
        boolean onBehalf = caller.has(Roles.MARKET);
        if (onBehalf) {
            v.text(in.department(), true, DEPARTMENT_MAX, "department");
        } else {
            v.text(in.department(), false, DEPARTMENT_MAX, "department");
        }
        v.throwIfAny();
        Forwarding f = visible(id, caller);
        Forwarding.Recipient r;
        if (onBehalf) {
            r = f.recipient(in.department().strip());
            if (r == null) {
                throw ProblemException.invalid("department", "not-a-recipient", in.department().strip());
            }
        } else if (caller.has(Roles.LEADER)) {
            r = f.recipient(config.managementRepresentative());
            if (r == null) {
                throw new ProblemException(409, "not-a-recipient", config.managementRepresentative());
            }
        } else {
            r = f.recipient(caller.department());
        }
        Snapshot before = f.snapshot();
        Instant now = clock.instant();
        f.answer(r, in.answer().strip(), caller.name(), now);
        history.record(f.history(), before, f.snapshot(), caller.name(),
                onBehalf ? "recorded on behalf of " + r.department : null);
        f.touched(caller.name(), now);
        em.flush();
        return ForwardingView.of(f, now);
    }

    public ForwardingView get(long id, Caller caller) {
        return ForwardingView.of(visible(id, caller), clock.instant());
    }

    /** The forwardings the caller may see (a department: those addressed to it), newest first. */
    public ListPage<ForwardingView> list(Caller caller, ForwardingView.State state, Boolean overdue, String topic,
            Integer page, Integer size) {
        Violations v = new Violations();
        PageRequest asked = PageRequest.of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, v);
        v.text(topic, false, 200, "topic");
        v.throwIfAny();
        Instant now = clock.instant();
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (!caller.seesAll()) {
            if (caller.department() == null) {
                where.append(" and 1 = 0");
            } else {
                where.append(" and exists (select 1 from common_issue_recipient r where r.forwarding_id = f.id"
                        + " and r.department = :mine)");
                params.put("mine", caller.department());
            }
        }
        if (state != null) {
            where.append(state == ForwardingView.State.OPEN ? " and f.answered_at is null" : " and f.answered_at is not null");
        }
        if (overdue != null) {
            where.append(overdue ? " and " : " and not ").append("(f.answered_at is null and f.due_at < :now)");
            params.put("now", now);
        }
        if (topic != null && !topic.isBlank()) {
            where.append(" and f.topic = :topic");
            params.put("topic", Topics.normalise(topic));
        }
        var rows = em.createNativeQuery("select f.* from common_issue_forwarding f" + where
                + " order by f.forwarded_at desc, f.id desc limit " + asked.size() + " offset " + asked.offset(),
                Forwarding.class);
        var count = em.createNativeQuery("select count(*) from common_issue_forwarding f" + where);
        params.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        @SuppressWarnings("unchecked")
        List<Forwarding> found = rows.getResultList();
        return asked.answer(found.stream().map(f -> ForwardingView.of(f, now)).toList(),
                Rows.count(count.getSingleResult()));
    }

    /** The forwarding if the caller may see it: market, leader, admin every one; a department those addressed to it. */
    public Forwarding visible(long id, Caller caller) {
        Forwarding f = Forwarding.findById(id);
        if (f == null || !caller.seesAll() && (caller.department() == null || f.recipient(caller.department()) == null)) {
            throw ProblemException.notFound("@entity.common-issue-forwarding", id);
        }
        return f;
    }
}
