package com.certcare.application.document;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import com.certcare.platform.history.Audited;
import com.certcare.platform.history.Snapshot;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One uploaded file of a document, numbered from 1; never changed once written. */
@Entity
@Table(name = "document_version")
public class DocumentVersion extends PanacheEntityBase implements Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "document_version_seq")
    @SequenceGenerator(name = "document_version_seq", sequenceName = "document_version_seq", allocationSize = 50)
    public Long id;

    @Column(name = "document_id")
    public long documentId;

    public int number;

    /** The body's own version label, e.g. {@code A/1} or {@code 2026版}. */
    public String label;

    @Column(name = "effective_on")
    public LocalDate effectiveOn;

    @Column(name = "change_note")
    public String changeNote;

    /** The file's key in the {@code DocumentStore}. */
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
        return new Snapshot()
                .put("number", number)
                .put("label", label)
                .put("effectiveOn", effectiveOn)
                .put("changeNote", changeNote)
                .put("fileName", fileName)
                .put("contentType", contentType)
                .put("size", size)
                .put("sha256", sha256);
    }
}
