package com.certcare.platform.history;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One changed field of an audited entity: who, when, old → new, and why when given. Never updated. The table
 * ({@code change_record}, sequence {@code change_record_seq} by 50) ships with the platform
 * ({@code db/platform/R__change_history.sql}): every service has it.
 */
@Entity
@Table(name = "change_record")
public class ChangeRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "change_record_seq")
    @SequenceGenerator(name = "change_record_seq", sequenceName = "change_record_seq", allocationSize = 50)
    public Long id;

    /** The aggregate whose history lists the change, e.g. {@code client}. */
    public String aggregate;

    @Column(name = "aggregate_id")
    public long aggregateId;

    /** The entity that changed: the aggregate or a part of it, e.g. {@code certification}. */
    public String entity;

    @Column(name = "entity_id")
    public long entityId;

    public String field;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    public String reason;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;
}
