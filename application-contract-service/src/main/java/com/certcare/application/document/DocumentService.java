package com.certcare.application.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.jpa.HibernateHints;

import com.certcare.platform.storage.DocumentStore;
import com.certcare.platform.storage.StoredFile;
import com.certcare.platform.history.ChangeHistory;
import com.certcare.platform.history.Snapshot;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;
import com.certcare.platform.web.ListPage;
import com.certcare.platform.web.PageRequest;
import com.certcare.platform.web.SortOrder;

/** The public-document library: describing documents, adding versions (the latest is current), reading them. */
@ApplicationScoped
public class DocumentService {

    static final int DEFAULT_PAGE_SIZE = 20;
    /** The versions a document's detail lists, newest first: every request's work is bounded. */
    static final int VERSIONS_SHOWN = 200;
    static final int MAX_PAGE_SIZE = 200;
    static final Map<String, String> SORT_KEYS = Map.of("id", "d.id", "kind", "d.kind", "titleZh", "d.titleZh",
            "titleEn", "d.titleEn", "published", "d.published", "createdAt", "d.createdAt", "updatedAt", "d.updatedAt");

    private final DocumentRules rules;
    private final DocumentStore store;
    private final ChangeHistory history;
    private final DocumentConfig config;
    private final Clock clock;

    DocumentService(DocumentRules rules, DocumentStore store, ChangeHistory history, DocumentConfig config, Clock clock) {
        this.rules = rules;
        this.store = store;
        this.history = history;
        this.config = config;
        this.clock = clock;
    }

    /** One page of the library, optionally of one kind and/or publication state. */
    public ListPage<DocumentView> list(DocumentKind kind, Boolean published, List<String> sort, Integer page, Integer size) {
        Violations v = new Violations();
        PageRequest asked = PageRequest.of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, v);
        SortOrder order = SortOrder.parse(sort, SORT_KEYS.keySet(), v);
        v.throwIfAny();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (kind != null) {
            where.append(" and d.kind = :kind");
            params.put("kind", kind);
        }
        if (published != null) {
            where.append(" and d.published = :published");
            params.put("published", published);
        }
        String sorting = order.keys().isEmpty() ? "d.kind, d.id" : order.sql(SORT_KEYS::get, "d.id");
        var query = Document.getEntityManager()
                .createQuery("select d from Document d" + where + " order by " + sorting, Document.class)
                .setFirstResult((int) asked.offset()).setMaxResults(asked.size())
                .setHint(HibernateHints.HINT_READ_ONLY, true);
        var count = Document.getEntityManager().createQuery("select count(d) from Document d" + where, Long.class);
        params.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<Document> documents = query.getResultList();
        Map<Long, DocumentVersion> current = currentVersions(documents);
        return asked.answer(documents.stream().map(d -> DocumentView.of(d, current.get(d.id))).toList(),
                count.getSingleResult());
    }

    /** A document with its versions, newest first (at most {@link #VERSIONS_SHOWN}; versionCount says how many there are). */
    public DocumentDetail detail(long id) {
        return detail(get(id));
    }

    public Document get(long id) {
        Document document = Document.findById(id);
        if (document == null) {
            throw ProblemException.notFound("@entity.document", id);
        }
        return document;
    }

    @Transactional
    public DocumentDetail create(DocumentInput input, String actor) {
        Violations v = new Violations();
        CheckedDocumentInput checked = rules.check(input, v);
        v.check(!Boolean.TRUE.equals(input.published()), "published", "document-without-version");
        v.throwIfAny();
        Document document = new Document();
        document.apply(checked.input());
        document.created(actor, clock.instant());
        document.persist();
        history.record(document.history(), null, document.snapshot(), actor, null);
        return DocumentDetail.of(document, List.of());
    }

    @Transactional
    public DocumentDetail update(long id, DocumentInput input, String actor) {
        Document document = get(id);
        Violations v = new Violations();
        v.check(input.version() != null, "version", "required");
        CheckedDocumentInput checked = rules.check(input, v);
        v.check(!Boolean.TRUE.equals(input.published()) || document.currentVersionNo != null, "published",
                "document-without-version");
        v.throwIfAny();
        if (document.version != input.version()) {
            throw new ProblemException(409, "stale");
        }
        Snapshot before = document.snapshot();
        document.apply(checked.input());
        if (!history.record(document.history(), before, document.snapshot(), actor, null).isEmpty()) {
            document.touched(actor, clock.instant());
        }
        return detail(document);
    }

    /**
     * Adds the upload as the document's next version, which becomes current. The document's row is locked first, so
     * two uploads at once get consecutive numbers.
     */
    @Transactional
    public DocumentDetail addVersion(long id, UploadForm form, String actor) {
        CheckedUpload upload = rules.check(form);
        Document document = Document.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (document == null) {
            throw ProblemException.notFound("@entity.document", id);
        }
        StoredFile stored;
        try (InputStream in = Files.newInputStream(upload.file)) {
            stored = store.put(in, upload.size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DocumentVersion version = new DocumentVersion();
        version.documentId = id;
        version.number = document.currentVersionNo == null ? 1 : document.currentVersionNo + 1;
        version.label = upload.label;
        version.effectiveOn = upload.effectiveOn;
        version.changeNote = upload.changeNote;
        version.fileKey = stored.key();
        version.fileName = upload.fileName;
        version.contentType = upload.type.mediaType();
        version.size = stored.size();
        version.sha256 = stored.sha256();
        version.uploadedBy = actor;
        version.uploadedAt = clock.instant();
        version.persist();
        history.record(document.history().part("version", version.id), null, version.snapshot(), actor, upload.changeNote);
        Snapshot before = document.snapshot();
        document.currentVersionNo = version.number;
        history.record(document.history(), before, document.snapshot(), actor, upload.changeNote);
        document.touched(actor, clock.instant());
        return detail(document);
    }

    /** The file of version {@code number} of a document, for staff. */
    public FileToSend versionFile(long id, int number) {
        get(id);
        DocumentVersion version = DocumentVersion.find("documentId = ?1 and number = ?2", id, number).firstResult();
        if (version == null) {
            throw ProblemException.notFound("@entity.document-version", id + " / " + number);
        }
        return FileToSend.of(version);
    }

    /** Every published document with a version, by kind and title; at most {@code certcare.documents.public-list-max}. */
    public List<PublicDocument> published() {
        List<Object[]> rows = Document.getEntityManager().createQuery(
                "select d, v from Document d, DocumentVersion v where d.published = true and v.documentId = d.id"
                        + " and v.number = d.currentVersionNo order by d.kind, d.titleZh, d.id", Object[].class)
                .setMaxResults(config.publicListMax()).setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
        List<PublicDocument> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(PublicDocument.of((Document) r[0], (DocumentVersion) r[1])));
        return out;
    }

    /** The current file of a published document; anything else (unknown, unpublished, no version) is not found. */
    public FileToSend publishedFile(long id) {
        List<DocumentVersion> found = DocumentVersion.<DocumentVersion> find(
                "from DocumentVersion v where v.documentId = ?1 and v.number = "
                        + "(select d.currentVersionNo from Document d where d.id = ?1 and d.published = true)", id).list();
        if (found.isEmpty()) {
            throw ProblemException.notFound("@entity.document", id);
        }
        return FileToSend.of(found.get(0));
    }

    /** Writes the file to {@code out}, a slice at a time. */
    public void write(FileToSend file, java.io.OutputStream out) throws IOException {
        store.stream(file.key(), out);
    }

    private static DocumentDetail detail(Document document) {
        List<DocumentVersion> newest = DocumentVersion.<DocumentVersion> find("documentId = ?1 order by number desc", document.id)
                .page(0, VERSIONS_SHOWN).list();
        return DocumentDetail.of(document, newest);
    }

    private static Map<Long, DocumentVersion> currentVersions(List<Document> documents) {
        if (documents.isEmpty()) {
            return Map.of();
        }
        List<DocumentVersion> versions = DocumentVersion.getEntityManager().createQuery(
                "select v from DocumentVersion v, Document d where d.id in :ids and v.documentId = d.id"
                        + " and v.number = d.currentVersionNo", DocumentVersion.class)
                .setParameter("ids", documents.stream().map(d -> d.id).toList())
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
        Map<Long, DocumentVersion> byDocument = new HashMap<>();
        versions.forEach(v -> byDocument.put(v.documentId, v));
        return byDocument;
    }
}
