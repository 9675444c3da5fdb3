package com.certcare.application.document;

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
import com.certcare.platform.history.Subject;
import com.certcare.platform.persistence.AuditedEntity;
import com.certcare.platform.text.Text;

/** A public document (公开文件): what it is and whether the public sees it; its files are its {@link DocumentVersion}s. */
@Entity
@Table(name = "document")
public class Document extends AuditedEntity implements Audited {

    /** The aggregate its changes are listed under in the change history. */
    public static final String HISTORY = "document";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "document_seq")
    @SequenceGenerator(name = "document_seq", sequenceName = "document_seq", allocationSize = 50)
    public Long id;

    @Enumerated(EnumType.STRING)
    public DocumentKind kind;

    @Column(name = "title_zh")
    public String titleZh;

    @Column(name = "title_en")
    public String titleEn;

    public boolean published;

    /** The number of the current version (the latest uploaded), null before the first upload. */
    @Column(name = "current_version_no")
    public Integer currentVersionNo;

    /** Takes over checked input (the version is compared by the service, never set from input). */
    void apply(DocumentInput input) {
        kind = input.kind();
        titleZh = Text.blankToNull(input.titleZh());
        titleEn = Text.blankToNull(input.titleEn());
        published = Boolean.TRUE.equals(input.published());
    }

    public Subject history() {
        return Subject.of(HISTORY, id);
    }

    @Override
    public Snapshot snapshot() {
        return new Snapshot()
                .put("kind", kind)
                .put("titleZh", titleZh)
                .put("titleEn", titleEn)
                .put("published", published)
                .put("currentVersion", currentVersionNo);
    }
}
