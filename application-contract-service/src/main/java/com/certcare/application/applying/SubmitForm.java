package com.certcare.application.applying;

import java.util.List;

import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The public form 16-01 as multipart/form-data: the fields as JSON in the text part {@code application}, and the
 * files in parts named by their kind (several of a kind allowed).
 */
public class SubmitForm {

    @RestForm("application")
    @PartType(MediaType.TEXT_PLAIN)
    @Schema(required = true, description = "The fields, as the JSON of ApplicationInput (a text part)")
    public String application;

    @RestForm("BUSINESS_LICENCE")
    @Schema(type = SchemaType.ARRAY, implementation = byte[].class, description = "Business licence (营业执照): PDF, DOCX, PNG or JPEG, told from the bytes")
    public List<FileUpload> businessLicence;

    @RestForm("PERMIT")
    @Schema(type = SchemaType.ARRAY, implementation = byte[].class, description = "Permits (许可证) a scheme requires")
    public List<FileUpload> permit;

    @RestForm("OTHER")
    @Schema(type = SchemaType.ARRAY, implementation = byte[].class, description = "Other supporting files")
    public List<FileUpload> other;
}
