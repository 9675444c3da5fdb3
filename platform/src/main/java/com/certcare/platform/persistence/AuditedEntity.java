package com.certcare.platform.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What every editable record carries: an optimistic-lock {@code version} and who created and last
 * changed it, when. Columns: {@code version, created_by, created_at, updated_by, updated_at}.
 */
@MappedSuperclass
public abstract class AuditedEntity extends PanacheEntityBase {

    @Version
    public int version;

    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Stamps a new record. */
    public void created(String actor, Instant now) {
        createdBy = actor;
        createdAt = now;
        updatedBy = actor;
        updatedAt = now;
    }

    /** Stamps a change. */
    public void touched(String actor, Instant now) {
        updatedBy = actor;
        updatedAt = now;
    }
}
