package com.certcare.feedback.attachment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A file attached to an item: its bytes in the platform's DocumentStore under {@code fileKey}. Never changed. */
@Entity
@Table(name = "feedback_attachment")
public class FeedbackAttachment extends PanacheEntityBase {

    static final String HISTORY_ENTITY = "attachment";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "feedback_attachment_seq")
    @SequenceGenerator(name = "feedback_attachment_seq", sequenceName = "feedback_attachment_seq", allocationSize = 50)
    public Long id;

    @Column(name = "item_id", updatable = false)
    public long itemId;
    @Column(name = "file_key", updatable = false)
    public String fileKey;
    @Column(name = "file_name", updatable = false)
    public String fileName;
    @Column(name = "media_type", updatable = false)
    public String mediaType;
    @Column(name = "size_bytes", updatable = false)
    public long size;
    @Column(updatable = false)
    public String sha256;
    @Column(name = "uploaded_by", updatable = false)
    public String uploadedBy;
    @Column(name = "uploaded_at", updatable = false)
    public Instant uploadedAt;
}
