package com.certcare.survey.template;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a questionnaire version asks: dimensions, and questions in the order the client reads them. The body of a new
 * version, and the content of a stored one (survey_template.definition, JSON).
 */
@Schema(name = "TemplateDefinition")
public record TemplateDefinition(
        @Schema(required = true) LocalText title,
        @Schema(required = true, maxItems = 20) List<Dimension> dimensions,
        @Schema(required = true, maxItems = 200) List<Question> questions) {

    @Schema(name = "TemplateDimension")
    public record Dimension(@Schema(required = true, pattern = "^[A-Za-z0-9_-]{1,50}$") String code,
            @Schema(required = true) LocalText title) {
    }

    @Schema(name = "TemplateOption")
    public record Option(@Schema(required = true, pattern = "^[A-Za-z0-9_-]{1,50}$") String code,
            @Schema(required = true) LocalText text) {
    }

    /**
     * @param weight   importance weight of a LIKERT item in the satisfaction index (0 &lt; weight ≤ 100)
     * @param required the client must answer it
     */
    @Schema(name = "TemplateQuestion")
    public record Question(@Schema(required = true, pattern = "^[A-Za-z0-9_-]{1,50}$") String code,
            @Schema(required = true) QuestionType type,
            @Schema(description = "LIKERT: the dimension's code") String dimension,
            @Schema(description = "LIKERT: importance weight, more than 0, at most 100") BigDecimal weight,
            Boolean required,
            @Schema(required = true) LocalText text,
            @Schema(description = "SINGLE_CHOICE and MULTIPLE_CHOICE: at least two", maxItems = 50) List<Option> options) {

        public boolean isRequired() {
            return Boolean.TRUE.equals(required);
        }

        public Option option(String optionCode) {
            return options == null ? null
                    : options.stream().filter(o -> o.code().equals(optionCode)).findFirst().orElse(null);
        }
    }

    public Question question(String code) {
        return questions.stream().filter(q -> q.code().equals(code)).findFirst().orElse(null);
    }
}
