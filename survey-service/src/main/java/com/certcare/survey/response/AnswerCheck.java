package com.certcare.survey.response;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.ProblemException.Violation;
import com.certcare.survey.template.TemplateDefinition;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks answers against the template version they answer; every fault is named as {@code answers.<code>}: an unknown
 * question, a LIKERT value that is not a whole number 1–5, an unknown option, a required question left out, a text too
 * long. Returns the answers in the template's order.
 */
final class AnswerCheck {

    static final int MAX_TEXT = 2000;

    private AnswerCheck() {
    }

    /** One answer, as stored. */
    record Answer(TemplateDefinition.Question question, Integer likert, List<String> choices, String text) {
    }

    static List<Answer> check(TemplateDefinition template, Map<String, JsonNode> answers) {
        if (answers == null) {
            throw ProblemException.invalid("answers", "required");
        }
        List<Violation> faults = new ArrayList<>();
        for (String code : answers.keySet()) {
            if (template.question(code) == null) {
                faults.add(new Violation("answers." + code, "unknown-question", code));
            }
        }
        List<Answer> out = new ArrayList<>();
        for (TemplateDefinition.Question q : template.questions()) {
            String field = "answers." + q.code();
            JsonNode value = answers.get(q.code());
            boolean empty = value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())
                    || (value.isArray() && value.isEmpty());
            if (empty) {
                if (q.isRequired()) {
                    faults.add(new Violation(field, "required"));
                }
                continue;
            }
            switch (q.type()) {
                case LIKERT -> {
                    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1 || value.asInt() > 5) {
                        faults.add(new Violation(field, "likert"));
                    } else {
                        out.add(new Answer(q, value.asInt(), null, null));
                    }
                }
                case SINGLE_CHOICE -> {
                    if (!value.isTextual() || q.option(value.asText()) == null) {
                        faults.add(new Violation(field, "unknown-option", optionCodes(q)));
                    } else {
                        out.add(new Answer(q, null, List.of(value.asText()), null));
                    }
                }
                case MULTIPLE_CHOICE -> {
                    Set<String> chosen = new LinkedHashSet<>();
                    boolean bad = !value.isArray();
                    if (!bad) {
                        Set<String> seen = new HashSet<>();
                        for (JsonNode item : value) {
                            if (!item.isTextual() || q.option(item.asText()) == null || !seen.add(item.asText())) {
                                bad = true;
                                break;
                            }
                            chosen.add(item.asText());
                        }
                    }
                    if (bad) {
                        faults.add(new Violation(field, "unknown-options", optionCodes(q)));
                    } else {
                        out.add(new Answer(q, null, List.copyOf(chosen), null));
                    }
                }
                case TEXT -> {
                    if (!value.isTextual()) {
                        faults.add(new Violation(field, "unreadable"));
                    } else if (value.asText().length() > MAX_TEXT) {
                        faults.add(new Violation(field, "too-long", MAX_TEXT));
                    } else if (value.asText().chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
                        faults.add(new Violation(field, "control-characters"));
                    } else {
                        out.add(new Answer(q, null, null, value.asText().strip()));
                    }
                }
            }
        }
        if (!faults.isEmpty()) {
            throw ProblemException.invalid(faults);
        }
        return out;
    }

    private static String optionCodes(TemplateDefinition.Question q) {
        return String.join(", ", q.options().stream().map(TemplateDefinition.Option::code).toList());
    }
}
