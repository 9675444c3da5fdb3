package com.certcare.application.applying;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import com.certcare.platform.history.Audited;
import com.certcare.platform.history.Snapshot;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A file attached to an application (with the form, an answer, or by staff); bytes in the DocumentStore. Never changed. */
@Entity
@Table(name = "application_attachment")
public class ApplicationAttachment extends PanacheEntityBase implements Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "application_attachment_seq")
    @SequenceGenerator(name = "application_attachment_seq", sequenceName = "application_attachment_seq", allocationSize = 50)
    public Long id;

    @Column(name = "application_id")
    public long applicationId;

    /** The answer it came with, if any. */
    @Column(name = "message_id")
    public Long messageId;

    @Enumerated(EnumType.STRING)
    public AttachmentKind kind;

    @Column(name = "file_key")
    public String fileKey;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public long size;
    public String sha256;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    @Override
    public Snapshot snapshot() {
        return new Snapshot().put("kind", kind).put("fileName", fileName).put("contentType", contentType)
                .put("size", size).put("sha256", sha256);
    }
}
