package com.certcare.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One event waiting to be published, written in the same transaction as the change it describes.
 * The relay sets {@code sentAt} only after the broker acknowledged the record.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Write order, from the database's sequence; the relay publishes in this order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public String topic;

    /** Kafka record key: the aggregate id, so one aggregate's events stay in order on one partition. */
    @Column(name = "aggregate_key", nullable = false)
    public String aggregateKey;

    @Column(nullable = false)
    public String type;

    /** The whole CloudEvents-style envelope, as published. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String envelope;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** Set when the broker refused the row for good (after {@code certcare.outbox.max-attempts}); no longer tried. */
    @Column(name = "parked_at")
    public Instant parkedAt;
}
