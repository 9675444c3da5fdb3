package com.certcare.application.pdf;

/** The certification body as the templates print it (from {@code certcare.body.*}). */
public record CertificationBody(String name, String nameEn, String creditCode, String address, String phone) {
}
