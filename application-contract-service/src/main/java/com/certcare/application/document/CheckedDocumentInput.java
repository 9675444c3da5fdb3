package com.certcare.application.document;

/** A {@link DocumentInput} that {@link DocumentRules} found valid; only DocumentRules makes one. */
public final class CheckedDocumentInput {

    private final DocumentInput input;

    CheckedDocumentInput(DocumentInput input) {
        this.input = input;
    }

    public DocumentInput input() {
        return input;
    }
}
