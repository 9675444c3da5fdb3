package com.certcare.platform.problem;

/** One invalid field: its JSON path (e.g. {@code contacts[0].phone}) and the localized reason. */
public record FieldError(String field, String message) {
}
