package com.certcare.feedback.attachment;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** One file attached to an item, as a multipart form. */
public class AttachmentForm {

    @RestForm("file")
    @Schema(type = SchemaType.STRING, format = "binary", required = true,
            description = "PDF, Word (DOCX), PNG or JPEG, told from its bytes; at most certcare.feedback.attachments.max-bytes (10 MB)")
    public FileUpload file;
}
