package com.certcare.customer.history;

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

/** Keeps the change history of clients and their certifications (field, old → new, who, when). */
@ApplicationScoped
public class History {

    public static final String CLIENT = "client";
    public static final String CERTIFICATION = "certification";

    private final Clock clock;

    History(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records each field whose value differs between the two snapshots (a null {@code before} means the
     * entity was created: every non-empty field is recorded). Returns the names of the changed fields.
     */
    @Transactional(TxType.MANDATORY)
    public List<String> record(long clientId, String entity, long entityId, Map<String, String> before,
            Map<String, String> after, String user, String reason) {
        List<String> changed = new ArrayList<>();
        var now = clock.instant();
        for (Change field : diff(before == null ? Map.of() : before, after)) {
            ChangeRecord change = new ChangeRecord();
            change.clientId = clientId;
            change.entity = entity;
            change.entityId = entityId;
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

    /** One field whose value differs: its name (as in the snapshots) and the values before and after. */
    public record Change(String field, String before, String after) {
    }

    /** The fields whose values differ between two snapshots, empty and missing values counting as equal. */
    public static List<Change> diff(Map<String, String> before, Map<String, String> after) {
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, String> field : after.entrySet()) {
            String old = emptyToNull(before.get(field.getKey()));
            String now = emptyToNull(field.getValue());
            if (!Objects.equals(old, now)) {
                changes.add(new Change(field.getKey(), old, now));
            }
        }
        return changes;
    }

    public static final int MAX_PAGE_SIZE = 500;
    public static final int DEFAULT_PAGE_SIZE = 50;

    /** One page ({@code page} from 1, absent: the first of {@link #DEFAULT_PAGE_SIZE}) of the client's changes, newest first. */
    public ListPage<ChangeRecord> ofClient(long clientId, Integer page, Integer size) {
        Violations v = new Violations();
        PageRequest asked = PageRequest.of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, v);
        v.throwIfAny();
        List<ChangeRecord> items = ChangeRecord.find("clientId",
                Sort.descending("changedAt").and("id", Sort.Direction.Descending), clientId)
                .page(Page.of(asked.page() - 1, asked.size())).list();
        return asked.answer(items, ChangeRecord.count("clientId", clientId));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
