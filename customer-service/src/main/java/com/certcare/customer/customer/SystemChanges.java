package com.certcare.customer.customer;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.certcare.platform.history.ChangeHistory;
import com.certcare.platform.problem.Messages;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;
import com.certcare.platform.text.Text;

/**
 * Reported management-system changes of customers (ISO/IEC 17021-1 8.5): flagged when feedback-service reports one,
 * open until a market user acknowledges that it was evaluated. Each step is kept in the customer's history.
 */
@ApplicationScoped
public class SystemChanges {

    /** The zone the summary writes the report's time in (the body's). */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    static final int REPORTER_MAX = 200;

    private final ChangeHistory history;
    private final Messages messages;
    private final Clock clock;

    SystemChanges(ChangeHistory history, Messages messages, Clock clock) {
        this.history = history;
        this.messages = messages;
        this.clock = clock;
    }

    /** What was reported, as the feedback event tells it. */
    public record Report(long customerId, String feedbackItemId, String reference, String reporterName,
            Instant reportedAt) {
    }

    /**
     * Flags the customer with the reported change, in the caller's transaction. A feedback item flags once: a second
     * report of the same item (another event about it) changes nothing and returns false. The customer must exist
     * (404 problem otherwise: the caller decides what an unknown one means).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean report(Report report, String actor, String reason) {
        if (Customer.findById(report.customerId()) == null) {
            throw ProblemException.notFound("@entity.customer", report.customerId());
        }
        if (SystemChange.count("feedbackItemId", report.feedbackItemId()) > 0) {
            return false;
        }
        SystemChange change = new SystemChange();
        change.customerId = report.customerId();
        change.feedbackItemId = report.feedbackItemId();
        change.reference = report.reference();
        change.reportedAt = report.reportedAt();
        change.summary = summary(report);
        change.flaggedAt = clock.instant();
        change.persist();
        history.record(change.history(), null, change.snapshot(), actor, reason);
        return true;
    }

    /** The summary kept with the flag, in the body's language: reference, who reported (as the event names them), when. */
    String summary(Report report) {
        String reporter = Text.blankToNull(report.reporterName());
        if (reporter != null && reporter.length() > REPORTER_MAX) {
            reporter = reporter.substring(0, REPORTER_MAX) + "…";
        }
        String when = MINUTE.format(report.reportedAt());
        // filled in by hand, not by MessageFormat: a name is the event's text, never a pattern or a message key
        String pattern = messages.get(Messages.DEFAULT_LOCALE,
                reporter == null ? "system-change.summary" : "system-change.summary-by");
        return pattern.replace("{0}", report.reference()).replace("{1}", when)
                .replace("{2}", reporter == null ? "" : reporter);
    }

    /** The market user confirms the change was evaluated: once; 404 for a change not of this customer, 409 after. */
    @Transactional
    public SystemChange acknowledge(long customerId, long changeId, AcknowledgeInput input, String user) {
        Violations v = new Violations();
        String note = input == null ? null : input.note();
        v.text(note, false, AcknowledgeInput.NOTE_MAX, "note");
        v.throwIfAny();
        SystemChange change = SystemChange.findById(changeId, LockModeType.PESSIMISTIC_WRITE);
        if (change == null || change.customerId != customerId) {
            if (Customer.findById(customerId) == null) {
                throw ProblemException.notFound("@entity.customer", customerId);
            }
            throw ProblemException.notFound("@entity.system-change", changeId);
        }
        var before = change.snapshot();
        change.acknowledge(user, clock.instant(), Text.blankToNull(note));
        history.record(change.history(), before, change.snapshot(), user, null);
        return change;
    }

    /** All changes a customer reported, newest first; 404 for an unknown customer. */
    public List<SystemChange> of(long customerId) {
        if (Customer.findById(customerId) == null) {
            throw ProblemException.notFound("@entity.customer", customerId);
        }
        return SystemChange.list("customerId = ?1 order by reportedAt desc, id desc", customerId);
    }

    /** The open changes of one customer, oldest report first (as the customer view lists them). */
    public List<SystemChangeView> open(long customerId) {
        return SystemChange.<SystemChange> list("customerId = ?1 and acknowledgedAt is null order by reportedAt, id",
                customerId).stream().map(SystemChangeView::of).toList();
    }

    /** The open changes of several customers (a page of the list) in one query, by customer. */
    public Map<Long, List<SystemChangeView>> open(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        return SystemChange.<SystemChange> list(
                "customerId in ?1 and acknowledgedAt is null order by reportedAt, id", customerIds).stream()
                .map(SystemChangeView::of)
                .collect(Collectors.groupingBy(SystemChangeView::customerId));
    }
}
