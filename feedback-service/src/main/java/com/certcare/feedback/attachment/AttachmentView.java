package com.certcare.feedback.attachment;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An attachment as staff see it (who uploaded it is a staff fact, like the item's {@code recordedBy}: no event carries
 * it). The file itself: {@code GET /api/feedback/{itemId}/attachments/{id}}.
 */
@Schema(name = "FeedbackAttachment")
public record AttachmentView(
        @Schema(required = true) long id,
        @Schema(required = true) long itemId,
        @Schema(required = true, description = "The sender's name, without directories or control characters, ending in the type's extension")
        String fileName,
        @Schema(required = true, description = "Told from the file's bytes, never from its name", examples = "application/pdf")
        String mediaType,
        @Schema(required = true, description = "Bytes") long size,
        @Schema(required = true, description = "SHA-256 of the file, lower-case hex") String sha256,
        @Schema(required = true) String uploadedBy,
        @Schema(required = true) Instant uploadedAt) {

    static AttachmentView of(FeedbackAttachment a) {
        return new AttachmentView(a.id, a.itemId, a.fileName, a.mediaType, a.size, a.sha256, a.uploadedBy, a.uploadedAt);
    }
}
