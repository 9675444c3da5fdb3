package com.certcare.feedback.item;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.certcare.platform.history.ChangeHistory;
import com.certcare.platform.history.Snapshot;
import com.certcare.platform.outbox.Outbox;

import io.quarkus.scheduler.Scheduled;

/**
 * Escalates overdue items to the leader: every {@code certcare.feedback.escalation.interval} (5 minutes), at most
 * {@code batch-size} (200) open items that missed a due time not yet met — acknowledgement, first response, resolution
 * — get that due time marked escalated (history, as the system user) and a {@code FeedbackEscalated} with the reason,
 * in one transaction; each due time once. The rows are taken {@code for update skip locked}: two instances running at
 * once share the work and never escalate an item twice; running again escalates nothing already escalated. The
 * leader finds them with {@code escalated=true} and in {@code counts.overdueEscalated}.
 */
@ApplicationScoped
public class OverdueEscalation {

    /** Who the history names for what the scheduler did. */
    public static final String SYSTEM_USER = "system";
    private static final Logger LOG = Logger.getLogger(OverdueEscalation.class);

    /**
     * Open items with a missed due time not yet escalated. Resolution is the last due time (checked at start-up), so
     * an item whose resolution was escalated has nothing left to escalate: the partial index
     * {@code feedback_item_escalation_pending} holds only the others.
     */
    static final String PENDING = """
            select f.* from feedback_item f
            where f.status not in ('RESOLVED', 'CLOSED') and f.resolution_escalated_at is null
              and least(f.acknowledge_due_at, f.first_response_due_at, f.resolution_due_at) < :now
              and (f.resolution_due_at < :now
                or (f.first_responded_at is null and f.first_response_due_at < :now and f.first_response_escalated_at is null)
                or (f.acknowledged_at is null and f.acknowledge_due_at < :now and f.acknowledge_escalated_at is null))
            order by least(f.acknowledge_due_at, f.first_response_due_at, f.resolution_due_at), f.id
            limit :batch
            for update of f skip locked""";

    private final EscalationConfig config;
    private final ChangeHistory history;
    private final Outbox outbox;
    private final EntityManager em;
    private final Clock clock;

    OverdueEscalation(EscalationConfig config, FeedbackConfig items, ChangeHistory history, Outbox outbox,
            EntityManager em, Clock clock) {
        if (items.resolutionWorkingDays() < items.firstResponseWorkingDays()
                || items.resolutionWorkingDays() < items.acknowledgeWorkingDays()) {
            throw new IllegalStateException("certcare.feedback.items.resolution-working-days must not be shorter than"
                    + " the acknowledgement or first response: resolution is the last due time");
        }
        this.config = config;
        this.history = history;
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
    }

    @Scheduled(identity = "feedback-overdue-escalation", every = "${certcare.feedback.escalation.interval:5m}",
            delayed = "${certcare.feedback.escalation.start-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int escalated = escalateOverdue();
        if (escalated > 0) {
            LOG.infof("Escalated %d overdue feedback item(s) to the leader", escalated);
        }
    }

    /** One batch: the number of items escalated (0: nothing was overdue and not yet escalated). */
    @Transactional
    public int escalateOverdue() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<FeedbackItem> due = em.createNativeQuery(PENDING, FeedbackItem.class).setParameter("now", now)
                .setParameter("batch", config.batchSize()).getResultList();
        int escalated = 0;
        for (FeedbackItem f : due) {
            Snapshot before = f.snapshot();
            List<EscalationReason> reasons = f.escalateOverdue(now);
            if (reasons.isEmpty()) {
                continue;
            }
            history.record(f.history(), before, f.snapshot(), SYSTEM_USER,
                    String.join(", ", reasons.stream().map(Enum::name).toList()));
            f.touched(SYSTEM_USER, now);
            for (EscalationReason reason : reasons) {
                outbox.publish(FeedbackEvents.TOPIC, String.valueOf(f.id), FeedbackEvents.ESCALATED,
                        FeedbackEvents.SCHEMA_VERSION, FeedbackEvents.Escalated.overdue(f, reason, now));
            }
            escalated++;
        }
        return escalated;
    }
}
