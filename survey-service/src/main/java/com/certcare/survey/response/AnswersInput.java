package com.certcare.survey.response;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** A client's answers, by question code: a LIKERT item 1–5, a SINGLE_CHOICE option code, a MULTIPLE_CHOICE list of codes, a TEXT. */
@Schema(name = "SurveyAnswersInput")
public record AnswersInput(
        @Schema(required = true, type = SchemaType.OBJECT, additionalProperties = Schema.True.class, description = "Question code → answer: an integer 1–5 (LIKERT), an option code (SINGLE_CHOICE), a list of option codes (MULTIPLE_CHOICE), a text of at most 2000 characters (TEXT)",
                example = "{\"Q01\": 5, \"Q02\": 4, \"Q16\": \"YES\", \"Q17\": [\"TRAINING\"], \"Q18\": \"审核安排合理。\"}") Map<String, JsonNode> answers) {
}
