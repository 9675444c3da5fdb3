package com.certcare.feedback.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.certcare.feedback.Roles;
import com.certcare.feedback.access.Caller;
import com.certcare.feedback.item.FeedbackItem;
import com.certcare.feedback.item.FeedbackService;
import com.certcare.feedback.item.FeedbackStatus;
import com.certcare.platform.history.ChangeHistory;
import com.certcare.platform.history.Snapshot;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.storage.DocumentStore;
import com.certcare.platform.storage.FileNames;
import com.certcare.platform.storage.FileType;
import com.certcare.platform.storage.StoredFile;

/**
 * Files attached to items. Who may see an item sees its attachments (a department: the items it posted or was
 * assigned; any other is 404, as the item is); who may change it attaches: a department to those same items, market
 * and the leader to any, an auditor only to the items they posted themselves (an auditor reads nothing here). A closed
 * item takes no new file (409 {@code item-closed}). An upload is one transaction: the bytes (the platform's
 * {@link DocumentStore}), the row and the item's history commit together or not at all.
 */
@ApplicationScoped
public class AttachmentService {

    private final FeedbackService items;
    private final DocumentStore store;
    private final ChangeHistory history;
    private final AttachmentConfig config;
    private final EntityManager em;
    private final Clock clock;

    AttachmentService(FeedbackService items, DocumentStore store, ChangeHistory history, AttachmentConfig config,
            EntityManager em, Clock clock) {
        this.items = items;
        this.store = store;
        this.history = history;
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    /**
     * Keeps {@code file} on the item. The item is locked for the count, so two uploads at once never pass the limit
     * together; its version does not move (an attachment does not make someone's open step stale).
     */
    @Transactional
    public AttachmentView attach(long id, FileUpload file, Caller caller) {
        FeedbackItem f = changeable(id, caller);
        em.lock(f, LockModeType.PESSIMISTIC_WRITE);
        if (f.status == FeedbackStatus.CLOSED) {
            throw new ProblemException(409, "item-closed", f.reference);
        }
        long max = config.maxBytes().asLongValue();
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "required");
        }
        if (file.size() > max) {
            throw tooLarge(max);
        }
        if (file.size() <= 0) {
            throw ProblemException.invalid("file", "file-empty");
        }
        Optional<FileType> type = FileType.of(file.uploadedFile(), FileType.ALL);
        if (type.isEmpty()) {
            throw ProblemException.invalid("file", "attachment-type");
        }
        long count = FeedbackAttachment.count("itemId", f.id);
        if (count >= config.maxPerItem()) {
            throw ProblemException.invalid("file", "too-many-attachments", config.maxPerItem());
        }
        StoredFile stored;
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            stored = store.put(in, file.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant now = clock.instant();
        FeedbackAttachment a = new FeedbackAttachment();
        a.itemId = f.id;
        a.fileKey = stored.key();
        a.fileName = FileNames.of(file.fileName(), type.get());
        a.mediaType = type.get().mediaType();
        a.size = stored.size();
        a.sha256 = stored.sha256();
        a.uploadedBy = caller.name();
        a.uploadedAt = now;
        a.persist();
        history.record(f.history().part(FeedbackAttachment.HISTORY_ENTITY, a.id), null,
                Snapshot.of("attachment", a.fileName + " (" + a.mediaType + ", " + a.size + " B, SHA-256 " + a.sha256 + ")"),
                caller.name(), null);
        return AttachmentView.of(a);
    }

    /** The item's attachments in upload order, if the caller sees the item (404 otherwise). */
    public List<AttachmentView> list(long id, Caller caller) {
        FeedbackItem f = items.visible(id, caller);
        return FeedbackAttachment.<FeedbackAttachment> find("itemId = ?1 order by id", f.id).list().stream()
                .map(AttachmentView::of).toList();
    }

    /** A file to answer: what describes it, and the key of its bytes in the store. */
    public record Download(AttachmentView attachment, String fileKey) {
    }

    /** One attachment of an item the caller sees; 404 for an unknown one or one of another item. */
    public Download download(long id, long attachmentId, Caller caller) {
        FeedbackItem f = items.visible(id, caller);
        FeedbackAttachment a = FeedbackAttachment.findById(attachmentId);
        if (a == null || a.itemId != f.id) {
            throw ProblemException.notFound("@entity.feedback-attachment", attachmentId);
        }
        return new Download(AttachmentView.of(a), a.fileKey);
    }

    /** Writes the stored bytes to {@code out} in slices (the store's), never the whole file in memory. */
    public void write(Download file, OutputStream out) throws IOException {
        store.stream(file.fileKey(), out);
    }

    /**
     * The item if the caller may attach to it: whoever sees it (market, leader, admin excluded by the resource's roles;
     * a department its own), or an auditor the item they posted. 404 for any other, as for an item that does not exist.
     */
    private FeedbackItem changeable(long id, Caller caller) {
        if (caller.has(Roles.AUDITOR) && !caller.seesAll() && !caller.has(Roles.DEPARTMENT)) {
            FeedbackItem f = FeedbackItem.findById(id);
            if (f == null || !caller.name().equals(f.recordedBy)) {
                throw ProblemException.notFound("@entity.feedback", id);
            }
            return f;
        }
        return items.visible(id, caller);
    }

    static ProblemException tooLarge(long max) {
        String mb = FileNames.megabytes(max);
        return new ProblemException(413, "file-too-large", List.of(new ProblemException.Violation("file", "file-too-large", mb)), mb);
    }
}
