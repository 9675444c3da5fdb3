package com.certcare.survey.template;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A questionnaire version as the API shows it. */
@Schema(name = "TemplateView")
public record TemplateView(String code, int version, String formNumber, LocalText title,
        List<TemplateDefinition.Dimension> dimensions, List<TemplateDefinition.Question> questions,
        @Schema(description = "When a campaign first used it; a used version is never changed") Instant usedAt,
        Instant createdAt, String createdBy) {

    /** A version in a template's list. */
    @Schema(name = "TemplateVersionInfo")
    public record VersionInfo(int version, Instant createdAt, String createdBy, Instant usedAt) {
    }

    /** A template: its current (newest) version and every version's summary, newest first. */
    @Schema(name = "TemplateDetail")
    public record Detail(String code, String formNumber, LocalText title, int currentVersion, TemplateView current,
            List<VersionInfo> versions) {
    }

    /** A template in the list. */
    @Schema(name = "TemplateSummary")
    public record Summary(String code, String formNumber, LocalText title, int currentVersion, int versions) {
    }
}
