package com.certcare.application.pdf;

/** The applicant or customer as a form prints it: its identity, where it is, whom to call. */
public record Organisation(String name, String creditCode, String legalRepresentative, String address, String province,
        String postalCode, Contact contact) {
}
