package com.certcare.survey.campaign;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new quarterly campaign. */
@Schema(name = "CampaignInput")
public record CampaignInput(
        @Schema(required = true, pattern = "^20[0-9]{2}-Q[1-4]$", example = "2026-Q3") String quarter,
        @Schema(maxLength = 50, description = "The questionnaire (its current version is used); default the configured one, 16-03") String templateCode,
        @Schema(minimum = "1", description = "A version of the questionnaire; default its current one") Integer templateVersion) {
}
