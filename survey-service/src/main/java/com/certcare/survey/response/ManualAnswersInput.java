package com.certcare.survey.response;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.certcare.survey.campaign.AnswerChannel;
import com.fasterxml.jackson.databind.JsonNode;

/** An answer taken by phone or fax, entered by market staff against the dispatch. */
@Schema(name = "ManualAnswersInput")
public record ManualAnswersInput(
        @Schema(required = true, enumeration = { "PHONE", "FAX" }) AnswerChannel channel,
        @Schema(required = true, type = SchemaType.OBJECT, additionalProperties = Schema.True.class, description = "As the online answer: question code → answer") Map<String, JsonNode> answers) {
}
