package com.certcare.application.applying;

import java.util.List;

import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Files for an application (an applicant's answer carries {@code text} too), in parts named by their kind. */
public class AttachForm {

    @RestForm("text")
    @PartType(MediaType.TEXT_PLAIN)
    @Schema(maxLength = 4000, description = "The answer (required for an applicant's answer; ignored on a staff upload)")
    public String text;

    @RestForm("BUSINESS_LICENCE")
    @Schema(type = SchemaType.ARRAY, implementation = byte[].class)
    public List<FileUpload> businessLicence;

    @RestForm("PERMIT")
    @Schema(type = SchemaType.ARRAY, implementation = byte[].class)
    public List<FileUpload> permit;

    @RestForm("OTHER")
    @Schema(type = SchemaType.ARRAY, implementation = byte[].class)
    public List<FileUpload> other;
}
