package com.certcare.application.document;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import jakarta.ws.rs.core.MediaType;

/** A new version of a document, as a multipart form: the file and what describes it. */
public class UploadForm {

    @RestForm("file")
    @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary", required = true,
            description = "PDF or DOCX, told from its bytes; at most certcare.documents.max-bytes")
    public FileUpload file;

    @RestForm("versionLabel")
    @PartType(MediaType.TEXT_PLAIN)
    @Schema(required = true, maxLength = 50, examples = "A/1")
    public String versionLabel;

    @RestForm("effectiveOn")
    @PartType(MediaType.TEXT_PLAIN)
    @Schema(required = true, format = "date", examples = "2026-12-01")
    public String effectiveOn;

    @RestForm("changeNote")
    @PartType(MediaType.TEXT_PLAIN)
    @Schema(maxLength = 2000, examples = "按 CNCA 新规则修订")
    public String changeNote;
}
