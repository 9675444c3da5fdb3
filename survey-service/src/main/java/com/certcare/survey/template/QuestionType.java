package com.certcare.survey.template;

/** LIKERT 1 (very dissatisfied) … 5 (very satisfied), weighted into the satisfaction index; the others are not scored. */
public enum QuestionType {
    LIKERT, SINGLE_CHOICE, MULTIPLE_CHOICE, TEXT
}
