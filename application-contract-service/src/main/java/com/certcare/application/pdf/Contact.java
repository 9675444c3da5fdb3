package com.certcare.application.pdf;

/** A contact person of the organisation. */
public record Contact(String name, String phone, String email) {
}
