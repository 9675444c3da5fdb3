package com.certcare.platform.history;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import com.certcare.platform.problem.Violations;
import com.certcare.platform.web.ListPage;
import com.certcare.platform.web.PageRequest;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * Keeps the field-level change history of any audited entity (field, old → new as people read it, who, when, why)
 * in the business transaction, and lists an aggregate's history newest first.
 */
@ApplicationScoped
public class ChangeHistory {

    public static final int MAX_PAGE_SIZE = 500;
    public static final int DEFAULT_PAGE_SIZE = 50;

    private final Clock clock;

    ChangeHistory(Clock clock) {
        this.clock = clock;
    }

    /** One field whose value differs: its name (as in the snapshots) and the values before and after. */
    public record Change(String field, String before, String after) {
    }

    /**
     * Records each field whose value differs between the two snapshots (a null {@code before}: the entity was
     * created, every field with a value is recorded). Returns the names of the changed fields: none means the
     * change changed nothing, and the caller need not touch the entity or announce it.
     */
    @Transactional(TxType.MANDATORY)
    public List<String> record(Subject subject, Snapshot before, Snapshot after, String user, String reason) {
        List<String> changed = new ArrayList<>();
        var now = clock.instant();
        for (Change field : diff(before, after)) {
            ChangeRecord change = new ChangeRecord();
            change.aggregate = subject.aggregate();
            change.aggregateId = subject.aggregateId();
            change.entity = subject.entity();
            change.entityId = subject.entityId();
            change.field = field.field();
            change.oldValue = field.before();
            change.newValue = field.after();
            change.reason = reason;
            change.changedBy = user;
            change.changedAt = now;
            change.persist();
            changed.add(field.field());
        }
        return changed;
    }

    /**
     * The fields of {@code after} whose values differ from {@code before} (null: nothing before), empty and missing
     * values counting as equal.
     */
    public static List<Change> diff(Snapshot before, Snapshot after) {
        Map<String, String> old = before == null ? Map.of() : before.fields();
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, String> field : after.fields().entrySet()) {
            String was = emptyToNull(old.get(field.getKey()));
            String now = emptyToNull(field.getValue());
            if (!Objects.equals(was, now)) {
                changes.add(new Change(field.getKey(), was, now));
            }
        }
        return changes;
    }

    /** One page ({@code page} from 1, absent: the first of {@link #DEFAULT_PAGE_SIZE}) of an aggregate's changes, newest first. */
    public ListPage<ChangeRecord> of(String aggregate, long aggregateId, Integer page, Integer size) {
        Violations v = new Violations();
        PageRequest asked = PageRequest.of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, v);
        v.throwIfAny();
        List<ChangeRecord> items = ChangeRecord.find("aggregate = ?1 and aggregateId = ?2",
                Sort.descending("changedAt").and("id", Sort.Direction.Descending), aggregate, aggregateId)
                .page(Page.of(asked.page() - 1, asked.size())).list();
        return asked.answer(items, ChangeRecord.count("aggregate = ?1 and aggregateId = ?2", aggregate, aggregateId));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
