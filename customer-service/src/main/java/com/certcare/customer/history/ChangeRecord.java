package com.certcare.customer.history;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One changed field of a client or certification: who, when, old → new, and why when given. Never updated. */
@Entity
@Table(name = "change_record")
public class ChangeRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "change_record_seq")
    @SequenceGenerator(name = "change_record_seq", sequenceName = "change_record_seq", allocationSize = 50)
    public Long id;

    @Column(name = "client_id")
    public long clientId;

    /** {@code client} or {@code certification}. */
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
